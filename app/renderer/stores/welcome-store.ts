import { create } from 'zustand';

/** Whether the welcome screen (recent projects, open, new from template) is shown over the workbench. */
export const useWelcomeStore = create<{ open: boolean; show(): void; hide(): void }>((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
