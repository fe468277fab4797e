import { create } from 'zustand';

interface ExplorerState {
  /** Expanded folder paths. */
  readonly expanded: ReadonlySet<string>;
  /** The row the user last clicked (file or folder); new items go next to it. */
  readonly selected: string | null;
  toggle(path: string): void;
  expand(paths: readonly string[]): void;
  collapseAll(): void;
  select(path: string | null): void;
}

/** Which folders are open and which row is selected in the explorer. */
export const useExplorerStore = create<ExplorerState>((set, get) => ({
  expanded: new Set(),
  selected: null,
  toggle(path) {
    const expanded = new Set(get().expanded);
    if (expanded.has(path)) expanded.delete(path);
    else expanded.add(path);
    set({ expanded });
  },
  expand(paths) {
    if (paths.every((p) => get().expanded.has(p))) return;
    set({ expanded: new Set([...get().expanded, ...paths]) });
  },
  collapseAll: () => set({ expanded: new Set() }),
  select: (selected) => set({ selected }),
}));

/** `a/b/c.js` → [`a`, `a/b`] */
export function ancestorsOf(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}
