import { create } from 'zustand';
import type { FileChange } from '../../shared/contract';
import { studio } from '../bridge';
import * as models from '../features/editor/model-registry';
import { t } from '../i18n/i18n';
import { showDialog } from './dialog-store';
import { messageOf, notifyError } from './notification-store';

export type Conflict = { readonly kind: 'changed'; readonly diskText: string } | { readonly kind: 'deleted' };

export interface EditorTab {
  readonly path: string;
  readonly dirty: boolean;
  readonly conflict?: Conflict;
}

/** Where the editor should put the cursor next (go to problem, console link, search result). */
export interface RevealRequest {
  readonly path: string;
  readonly line: number;
  readonly column: number;
  readonly seq: number;
}

interface EditorState {
  readonly tabs: readonly EditorTab[];
  readonly active: string | null;
  readonly reveal: RevealRequest | null;
  openFile(path: string, position?: { line: number; column: number }): Promise<void>;
  activate(path: string): void;
  closeTab(path: string): Promise<void>;
  save(path: string): Promise<boolean>;
  saveActive(): Promise<void>;
  saveAll(): Promise<void>;
  refreshDirty(path: string): void;
  resolveConflict(path: string, choice: 'mine' | 'disk'): void;
  handleExternalChanges(changes: readonly FileChange[]): Promise<void>;
  /** Files were renamed or moved by the IDE: retarget their tabs, keeping unsaved text. */
  renamePaths(mapping: ReadonlyMap<string, string>): void;
}

let revealSeq = 0;
const fileName = (path: string) => path.split('/').pop() ?? path;

function updateTab(tabs: readonly EditorTab[], path: string, patch: Partial<EditorTab>): EditorTab[] {
  return tabs.map((tab) => (tab.path === path ? { ...tab, ...patch } : tab));
}

/** Open editors, dirty state, saving and reconciling with changes made on disk. Text lives in Monaco models. */
export const useEditorStore = create<EditorState>((set, get) => ({
  tabs: [],
  active: null,
  reveal: null,

  async openFile(path, position) {
    if (!models.hasModel(path)) {
      try {
        const file = await studio.invoke('project:read-file', { path });
        models.createModel(path, file.content);
      } catch (error) {
        notifyError(t('editor.openFailed', { file: path, reason: messageOf(error) }));
        return;
      }
    }
    const tabs = get().tabs.some((tab) => tab.path === path) ? get().tabs : [...get().tabs, { path, dirty: false }];
    set({ tabs, active: path, reveal: position ? { path, ...position, seq: ++revealSeq } : get().reveal });
  },

  activate(path) {
    if (get().tabs.some((tab) => tab.path === path)) set({ active: path });
  },

  async closeTab(path) {
    const tab = get().tabs.find((x) => x.path === path);
    if (!tab) return;
    if (tab.dirty) {
      const answer = await showDialog({
        title: t('editor.unsaved'),
        message: t('editor.closeDirty', { file: fileName(path) }),
        buttons: [
          { id: 'save', label: t('editor.saveAndClose'), primary: true },
          { id: 'discard', label: t('editor.discard'), danger: true },
          { id: 'cancel', label: t('dialog.cancel') },
        ],
      });
      if (answer.button === 'cancel') return;
      if (answer.button === 'save' && !(await get().save(path))) return;
    }
    const index = get().tabs.findIndex((x) => x.path === path);
    const tabs = get().tabs.filter((x) => x.path !== path);
    const active = get().active === path ? (tabs[Math.min(index, tabs.length - 1)]?.path ?? null) : get().active;
    set({ tabs, active });
    models.disposeModel(path);
  },

  async save(path) {
    const model = models.getModel(path);
    if (!model) return false;
    const content = model.getValue();
    const version = model.getAlternativeVersionId();
    models.markSaving(path, content);
    try {
      await studio.invoke('project:write-file', { path, content });
    } catch (error) {
      models.markSaving(path, null);
      notifyError(t('editor.saveFailed', { file: fileName(path), reason: messageOf(error) }));
      return false;
    }
    models.markSaved(path, content, version);
    set({ tabs: updateTab(get().tabs, path, { dirty: models.isDirty(path), conflict: undefined }) });
    return true;
  },

  async saveActive() {
    const active = get().active;
    if (active) await get().save(active);
  },

  async saveAll() {
    for (const tab of get().tabs) if (tab.dirty || tab.conflict?.kind === 'deleted') await get().save(tab.path);
  },

  refreshDirty(path) {
    const dirty = models.isDirty(path);
    const tab = get().tabs.find((x) => x.path === path);
    if (tab && tab.dirty !== dirty) set({ tabs: updateTab(get().tabs, path, { dirty }) });
  },

  resolveConflict(path, choice) {
    const conflict = get().tabs.find((x) => x.path === path)?.conflict;
    if (!conflict) return;
    if (conflict.kind === 'changed' && choice === 'disk') {
      const version = models.replaceText(path, conflict.diskText);
      models.markSaved(path, conflict.diskText, version);
    } else if (conflict.kind === 'changed') {
      models.acceptDiskAsBase(path, conflict.diskText);
    }
    set({ tabs: updateTab(get().tabs, path, { conflict: undefined, dirty: models.isDirty(path) }) });
  },

  async handleExternalChanges(changes) {
    const open = new Set(get().tabs.map((tab) => tab.path));
    // Models loaded without a tab (go to definition) are dropped when their file changes; they reload on open.
    for (const change of changes) if (!open.has(change.path) && models.hasModel(change.path)) models.disposeModel(change.path);
    const touched = [...new Map(changes.filter((c) => open.has(c.path)).map((c) => [c.path, c])).values()];
    for (const change of touched) {
      if (change.kind === 'deleted') {
        set({ tabs: updateTab(get().tabs, change.path, { conflict: { kind: 'deleted' } }) });
        continue;
      }
      let disk: string;
      try {
        disk = (await studio.invoke('project:read-file', { path: change.path })).content;
      } catch {
        continue;
      }
      const path = change.path;
      if (!models.hasModel(path) || models.isOwnWrite(path, disk)) {
        if (get().tabs.find((x) => x.path === path)?.conflict?.kind === 'deleted') set({ tabs: updateTab(get().tabs, path, { conflict: undefined }) });
        continue;
      }
      if (!models.isDirty(path)) {
        const version = models.replaceText(path, disk);
        models.markSaved(path, disk, version);
        set({ tabs: updateTab(get().tabs, path, { dirty: false, conflict: undefined }) });
      } else {
        set({ tabs: updateTab(get().tabs, path, { conflict: { kind: 'changed', diskText: disk } }) });
      }
    }
  },

  renamePaths(mapping) {
    const tabs = get().tabs.map((tab) => {
      const target = mapping.get(tab.path);
      if (!target) return tab;
      models.renameModel(tab.path, target);
      return { ...tab, path: target };
    });
    const active = get().active;
    set({ tabs, active: active ? (mapping.get(active) ?? active) : null });
  },
}));

studio.on('project:did-change-files', ({ changes }) => void useEditorStore.getState().handleExternalChanges(changes));
