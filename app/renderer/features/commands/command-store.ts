import { create } from 'zustand';

interface CommandState {
  /** The palette's mode when open: run a command, or open a file by name. */
  readonly palette: 'commands' | 'files' | null;
  readonly shortcuts: boolean;
  openPalette(mode: 'commands' | 'files'): void;
  closePalette(): void;
  showShortcuts(open: boolean): void;
}

export const useCommandStore = create<CommandState>((set) => ({
  palette: null,
  shortcuts: false,
  openPalette: (palette) => set({ palette, shortcuts: false }),
  closePalette: () => set({ palette: null }),
  showShortcuts: (shortcuts) => set({ shortcuts, palette: null }),
}));
