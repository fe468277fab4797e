/**
 * Edits the IDE makes to the running mini-program (the AppData and Storage panels): page data through the
 * page's own setData, storage exactly as wx.setStorageSync & co. change it, so the host persists and reports it.
 */
import type { InspectorEdit, WorkerToHost } from '../protocol';
import type { ComponentCaller } from './engine';

type GlassNode = object;

export interface InspectorTarget {
  /** The page instance of a live page, or undefined when it is gone. */
  pageCaller(pageId: number): ComponentCaller | undefined;
  readonly storage: Map<string, string>;
  post(message: WorkerToHost): void;
}

/** Applies one edit; returns a problem to log when it could not be applied (the page closed meanwhile). */
export function applyInspectorEdit(edit: InspectorEdit, target: InspectorTarget): string | undefined {
  switch (edit.kind) {
    case 'set-data': {
      const caller = target.pageCaller(edit.pageId);
      if (!caller) return `page #${edit.pageId} is no longer open; its data was not changed`;
      caller.setData({ [edit.path]: edit.value });
      return undefined;
    }
    case 'storage-set': {
      const encoded = JSON.stringify(edit.value ?? null);
      target.storage.set(edit.key, encoded);
      target.post({ kind: 'storage', key: edit.key, value: encoded });
      return undefined;
    }
    case 'storage-remove':
      target.storage.delete(edit.key);
      target.post({ kind: 'storage', key: edit.key, value: null });
      return undefined;
    case 'storage-clear':
      target.storage.clear();
      target.post({ kind: 'storage-clear' });
      return undefined;
  }
}

/** The element at `path` (composed child indexes, as wxml-tree.ts lists them), or undefined. */
export function elementAtPath(root: GlassNode, path: readonly number[]): GlassNode | undefined {
  let node: GlassNode | undefined = root;
  for (const index of path) {
    if (!node || !('forEachComposedChild' in node)) return undefined;
    let i = 0;
    let found: GlassNode | undefined;
    (node as { forEachComposedChild(cb: (child: GlassNode) => boolean | void): void }).forEachComposedChild((child) => {
      if (i++ === index) {
        found = child;
        return false;
      }
      return true;
    });
    node = found;
  }
  return node;
}

/** The render-backend node id that draws `node`: its own, or for a box-less (virtual) node its first drawn descendant's. */
export function drawnNodeId(node: GlassNode, depth = 0): number | undefined {
  const backend = (node as { $$?: { id?: unknown } | null }).$$;
  if (backend && typeof backend.id === 'number') return backend.id;
  if (depth > 64 || !('forEachComposedChild' in node)) return undefined;
  let id: number | undefined;
  (node as { forEachComposedChild(cb: (child: GlassNode) => boolean | void): void }).forEachComposedChild((child) => {
    id = drawnNodeId(child, depth + 1);
    return id === undefined;
  });
  return id;
}
