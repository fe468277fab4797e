import { create } from 'zustand';
import type { FileEntry, ProjectInfo } from '../../shared/contract';
import { studio } from '../bridge';
import { messageOf, notifyError } from './notification-store';

interface ProjectState {
  readonly project: ProjectInfo | null;
  readonly tree: FileEntry | null;
  /** Every file path in the tree, for quick "does it exist" checks (go to definition, new page). */
  readonly files: ReadonlySet<string>;
  readonly folders: ReadonlySet<string>;
  readonly error: string | null;
  readonly loading: boolean;
  load(): Promise<void>;
  refreshTree(): Promise<void>;
  fileExists(path: string): boolean;
}

function collectPaths(entry: FileEntry, into: Set<string>, folders: Set<string>): Set<string> {
  if (entry.path) into.add(entry.path);
  if (entry.path && entry.kind === 'directory') folders.add(entry.path);
  entry.children?.forEach((child) => collectPaths(child, into, folders));
  return into;
}

/** The open project and its file tree; refreshed when files change on disk. */
export const useProjectStore = create<ProjectState>((set, get) => ({
  project: null,
  tree: null,
  files: new Set(),
  folders: new Set(),
  error: null,
  loading: true,
  async load() {
    try {
      const project = await studio.invoke('project:current', undefined);
      set({ project, loading: false, error: null });
      if (project) await get().refreshTree();
    } catch (error) {
      set({ loading: false, error: messageOf(error) });
    }
  },
  async refreshTree() {
    try {
      const tree = await studio.invoke('project:list-files', undefined);
      const folders = new Set<string>();
      set({ tree, files: collectPaths(tree, new Set(), folders), folders });
    } catch (error) {
      notifyError(messageOf(error));
    }
  },
  fileExists(path) {
    return get().files.has(path);
  },
}));

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
studio.on('project:did-change-files', ({ changes }) => {
  // Content edits do not change the tree; only creations and deletions do.
  if (!changes.some((c) => c.kind !== 'changed')) return;
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(() => void useProjectStore.getState().refreshTree(), 100);
});
// Another project opened (welcome screen): start the workbench afresh for it.
studio.on('project:did-open', (info) => {
  const current = useProjectStore.getState().project;
  if (current && current.root !== info.root) window.location.reload();
  else void useProjectStore.getState().load();
});
