/**
 * Edits the IDE makes to the running mini-program (the AppData and Storage panels): page data through the
 * page's own setData, storage exactly as wx.setStorageSync & co. change it, so the host persists and reports it.
 */
import * as adapter from 'glass-easel-miniprogram-adapter';
import type { DescribedNode, InspectorAnswer, InspectorQuery } from '../inspector-protocol';
import type { InspectorEdit, WorkerToHost } from '../protocol';
import { toCloneable } from './console-bridge';
import type { ComponentCaller } from './engine';

const glassEasel = adapter.glassEasel;
/** Nodes visited at most when searching a page for a picked element (as many as wxml-tree.ts lists). */
const SEARCH_BUDGET = 20000;

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
      const problem = edit.remove ? removeDataPath(caller, edit.path) : (caller.setData({ [edit.path]: edit.value }), undefined);
      // A key no template uses renders nothing, and only renders schedule AppData reports: report it here.
      target.post({ kind: 'appdata', pageId: edit.pageId, route: String(caller.route ?? ''), data: jsonCopy(caller.data) });
      return problem;
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

function jsonCopy(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return null; // data with a cycle cannot be shown
  }
}

/** Deletes the key or array item at a setData path: its parent is set without it (setData cannot delete). */
function removeDataPath(caller: ComponentCaller, path: string): string | undefined {
  const last = /^(.+?)(?:\[(\d+)\]|\.([A-Za-z_$][\w$]*))$/.exec(path);
  if (!last) {
    caller.setData({ [path]: undefined });
    delete caller.data[path];
    return undefined;
  }
  const [, parentPath = '', index, key] = last;
  const parent = readDataPath(caller.data, parentPath);
  if (index !== undefined) {
    if (!Array.isArray(parent)) return `${parentPath} is not an array; ${path} was not removed`;
    caller.setData({ [parentPath]: parent.filter((_, i) => i !== Number(index)) });
  } else {
    if (typeof parent !== 'object' || parent === null || Array.isArray(parent)) return `${parentPath} is not an object; ${path} was not removed`;
    const { [key!]: _removed, ...rest } = parent as Record<string, unknown>;
    caller.setData({ [parentPath]: rest });
  }
  return undefined;
}

/** The value at a setData path (`a.b[2].c`), or undefined. */
function readDataPath(data: unknown, path: string): unknown {
  let value = data;
  for (const [, name, index] of path.matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[name ?? index!];
  }
  return value;
}

/** Answers the host's WXML panel questions about the page whose root component `rootOf` finds. */
export function answerInspectorQuery(query: InspectorQuery, rootOf: (pageId: number) => GlassNode | undefined): InspectorAnswer {
  const root = rootOf(query.pageId);
  switch (query.kind) {
    case 'describe': {
      const node = root ? elementAtPath(root, query.path) : undefined;
      return { kind: 'describe', node: node ? describe(node) : null };
    }
    case 'path-of':
      return { kind: 'path-of', path: root ? pathOf(root, query.nodeId) : null };
  }
}

function describe(node: GlassNode): DescribedNode {
  const nodeId = ownNodeId(node);
  const at = nodeId === undefined ? {} : { nodeId };
  if (node instanceof glassEasel.TextNode) return { tag: '#text', ...at, attrs: {}, dataset: {} };
  const element = node as adapter.glassEasel.Element;
  const attrs: Record<string, string> = {};
  if (element.id) attrs.id = element.id;
  if (element.class) attrs.class = element.class;
  for (const { name, value } of element.attributes) attrs[name] = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  const dataset = toCloneable(element.dataset ?? {}) as Record<string, unknown>;
  if (element instanceof glassEasel.Component) return { tag: element.tagName, ...at, attrs, dataset, componentData: toCloneable(element.data) };
  const tag = element instanceof glassEasel.NativeNode || element instanceof glassEasel.VirtualNode ? element.is : 'shadow-root';
  return { tag, ...at, attrs, dataset };
}

/** The tree path of the node drawn by render node `nodeId` (a picked element), or null when it is not on the page. */
export function pathOf(root: GlassNode, nodeId: number): number[] | null {
  let budget = SEARCH_BUDGET;
  const search = (node: GlassNode, path: number[]): number[] | null => {
    if (budget-- <= 0) return null;
    if (ownNodeId(node) === nodeId) return path;
    if (!('forEachComposedChild' in node)) return null;
    let found: number[] | null = null;
    let index = 0;
    (node as { forEachComposedChild(cb: (child: GlassNode) => boolean | void): void }).forEachComposedChild((child) => {
      found = search(child, [...path, index++]);
      return found === null;
    });
    return found;
  };
  return search(root, []);
}

function ownNodeId(node: GlassNode): number | undefined {
  const backend = (node as { $$?: { id?: unknown } | null }).$$;
  return backend && typeof backend.id === 'number' ? backend.id : undefined;
}
