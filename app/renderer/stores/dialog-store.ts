import { create } from 'zustand';

export interface DialogButton {
  readonly id: string;
  readonly label: string;
  readonly primary?: boolean;
  readonly danger?: boolean;
}

export interface DialogRequest {
  readonly title: string;
  readonly message?: string;
  readonly buttons: readonly DialogButton[];
  /** When set, the dialog has a text field with this initial value; its text comes back with the answer. */
  readonly input?: { readonly value: string; readonly placeholder?: string; readonly validate?: (value: string) => string | null };
}

export interface DialogAnswer {
  /** Id of the chosen button, or 'cancel' when dismissed with Escape. */
  readonly button: string;
  readonly value: string;
}

interface OpenDialog extends DialogRequest {
  readonly id: number;
  resolve(answer: DialogAnswer): void;
}

interface DialogState {
  readonly current: OpenDialog | null;
  readonly queue: readonly OpenDialog[];
  show(request: DialogRequest): Promise<DialogAnswer>;
  answer(answer: DialogAnswer): void;
}

let nextId = 1;

/** In-app modal dialogs (native confirm/prompt block the page and are not themed or translatable). One at a time, queued. */
export const useDialogStore = create<DialogState>((set, get) => ({
  current: null,
  queue: [],
  show(request) {
    return new Promise((resolve) => {
      const dialog: OpenDialog = { ...request, id: nextId++, resolve };
      if (get().current) set({ queue: [...get().queue, dialog] });
      else set({ current: dialog });
    });
  },
  answer(answer) {
    const { current, queue } = get();
    if (!current) return;
    current.resolve(answer);
    set({ current: queue[0] ?? null, queue: queue.slice(1) });
  },
}));

export function showDialog(request: DialogRequest): Promise<DialogAnswer> {
  return useDialogStore.getState().show(request);
}
