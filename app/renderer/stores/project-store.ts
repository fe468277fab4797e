import { create } from 'zustand';
import type { FileEntry, ProjectInfo } from '../../shared/contract';
import { studio } from '../bridge';

export interface OpenFile {
  readonly path: string;
  readonly content: string;
}

interface ProjectState {
  readonly project: ProjectInfo | null;
  readonly tree: FileEntry | null;
  readonly openFile: OpenFile | null;
  readonly error: string | null;
  readonly loading: boolean;
  load(): Promise<void>;
  refreshTree(): Promise<void>;
  open(path: string): Promise<void>;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const useProjectStore = create<ProjectState>((set, get) => ({
  project: null,
  tree: null,
  openFile: null,
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
      set({ tree: await studio.invoke('project:list-files', undefined) });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
  async open(path) {
    try {
      const file = await studio.invoke('project:read-file', { path });
      set({ openFile: file, error: null });
    } catch (error) {
      set({ error: messageOf(error) });
    }
  },
}));

studio.on('project:did-change-files', () => void useProjectStore.getState().refreshTree());
studio.on('project:did-open', () => void useProjectStore.getState().load());
