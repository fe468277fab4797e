import { create } from 'zustand';

export interface Notification {
  readonly id: number;
  readonly kind: 'info' | 'error';
  readonly text: string;
}

interface NotificationState {
  readonly items: readonly Notification[];
  notify(kind: Notification['kind'], text: string): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Toasts in the corner: errors stay until dismissed, info fades after a few seconds. */
export const useNotificationStore = create<NotificationState>((set, get) => ({
  items: [],
  notify(kind, text) {
    const id = nextId++;
    set({ items: [...get().items.slice(-4), { id, kind, text }] });
    if (kind === 'info') setTimeout(() => get().dismiss(id), 3000);
  },
  dismiss(id) {
    set({ items: get().items.filter((n) => n.id !== id) });
  },
}));

export function notifyError(text: string): void {
  useNotificationStore.getState().notify('error', text);
}

export function notifyInfo(text: string): void {
  useNotificationStore.getState().notify('info', text);
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
