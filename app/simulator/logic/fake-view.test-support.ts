/**
 * A view without a browser for unit tests: replays render batches into a plain tree and prints it as markup,
 * so tests can assert on what the page would show.
 */
import { TmplGroup } from 'glass-easel-template-compiler';
import { RenderOp } from '../protocol';
import type { RenderContext, RenderSink } from './render-backend';
import type { TemplateGroups } from './engine';

/** The device a test page lays out for: an iPhone-8-sized window, light theme. */
export const testDevice = { windowWidth: () => 375, windowHeight: () => 667, pixelRatio: () => 2, theme: () => 'light' };

/** Compiles WXML by template path with the real template compiler, evaluated as the runtime loads a group. */
export function compileTemplates(templates: Record<string, string>): TemplateGroups {
  const group = new TmplGroup();
  for (const [path, wxml] of Object.entries(templates)) group.addTmpl(path, wxml);
  const groups = new Function(`return ${group.getTmplGenObjectGroups()}`)() as TemplateGroups;
  group.free();
  return groups;
}

interface FakeNode {
  id: number;
  tag: string;
  text?: string;
  classes: string[];
  attrs: Map<string, unknown>;
  children: FakeNode[];
  parent?: FakeNode;
  listeners: Set<string>;
}

export class FakeView implements RenderSink {
  readonly nodes = new Map<number, FakeNode>();
  readonly sheets: { url: string; scope: string }[] = [];
  batches = 0;
  /** Intersection observers the page started: id → observed node id. */
  readonly observers = new Map<number, number>();
  private ctx?: RenderContext;
  private root?: FakeNode;

  connect(ctx: RenderContext): void {
    this.ctx = ctx;
  }

  sendBatch(ops: unknown[], ack: number): void {
    this.batches += 1;
    this.apply(ops);
    if (ack) queueMicrotask(() => this.ctx?.acknowledge(ack));
  }

  sendQuery(requestId: number): void {
    queueMicrotask(() => this.ctx?.resolveQuery(requestId, { left: 0, top: 0, width: 0, height: 0 }));
  }

  sendObserve(observerId: number, nodeId: number, _relativeNodeId: number, _margin: string, thresholds: readonly number[] | null): void {
    if (thresholds) this.observers.set(observerId, nodeId);
    else this.observers.delete(observerId);
  }

  private node(id: unknown): FakeNode {
    const node = this.nodes.get(id as number);
    if (!node) throw new Error(`fake view: unknown node ${String(id)}`);
    return node;
  }

  private create(id: number, tag: string, text?: string): FakeNode {
    const node: FakeNode = { id, tag, classes: [], attrs: new Map(), children: [], listeners: new Set() };
    if (text !== undefined) node.text = text;
    this.nodes.set(id, node);
    return node;
  }

  private detach(child: FakeNode): void {
    if (!child.parent) return;
    const siblings = child.parent.children;
    siblings.splice(siblings.indexOf(child), 1);
    delete child.parent;
  }

  private insert(parent: FakeNode, child: FakeNode, before?: FakeNode): void {
    const list = child.tag === '#fragment' ? [...child.children] : [child];
    for (const item of list) this.detach(item);
    const index = before ? parent.children.indexOf(before) : parent.children.length;
    parent.children.splice(index < 0 ? parent.children.length : index, 0, ...list);
    for (const item of list) item.parent = parent;
  }

  apply(ops: readonly unknown[]): void {
    let i = 0;
    const next = (): unknown => ops[i++];
    while (i < ops.length) {
      const code = next();
      switch (code) {
        case RenderOp.BindRoot:
          this.root = this.create(next() as number, 'body');
          break;
        case RenderOp.CreateElement: {
          const id = next() as number;
          const logical = next() as string;
          const styling = next() as string;
          this.create(id, logical === 'wx-x' ? styling : `wx-${logical}`);
          break;
        }
        case RenderOp.CreateText:
          this.create(next() as number, '#text', next() as string);
          break;
        case RenderOp.CreateFragment:
          this.create(next() as number, '#fragment');
          break;
        case RenderOp.AppendChild: {
          const parent = this.node(next());
          this.insert(parent, this.node(next()));
          break;
        }
        case RenderOp.InsertBefore: {
          const parent = this.node(next());
          const child = this.node(next());
          this.insert(parent, child, this.node(next()));
          break;
        }
        case RenderOp.RemoveChild: {
          next();
          this.detach(this.node(next()));
          break;
        }
        case RenderOp.ReplaceChild: {
          const parent = this.node(next());
          const child = this.node(next());
          const old = this.node(next());
          this.insert(parent, child, old);
          this.detach(old);
          break;
        }
        case RenderOp.SpliceBefore: {
          const parent = this.node(next());
          const before = this.node(next());
          const count = next() as number;
          const list = this.node(next());
          const start = parent.children.indexOf(before);
          const removed = parent.children.slice(start, start + count);
          const after = parent.children[start + count];
          for (const r of removed) this.detach(r);
          this.insert(parent, list, after);
          break;
        }
        case RenderOp.SpliceAppend: {
          const parent = this.node(next());
          this.insert(parent, this.node(next()));
          break;
        }
        case RenderOp.SpliceRemove: {
          const parent = this.node(next());
          const before = this.node(next());
          const count = next() as number;
          const start = parent.children.indexOf(before);
          for (const r of parent.children.slice(start, start + count)) this.detach(r);
          break;
        }
        case RenderOp.SetId:
          this.node(next()).attrs.set('id', next());
          break;
        case RenderOp.SetStyle:
          this.node(next()).attrs.set('style', next());
          break;
        case RenderOp.AddClass:
          this.node(next()).classes.push(next() as string);
          break;
        case RenderOp.RemoveClass: {
          const node = this.node(next());
          const name = next() as string;
          node.classes = node.classes.filter((c) => c !== name);
          break;
        }
        case RenderOp.ClearClasses:
          this.node(next()).classes = [];
          break;
        case RenderOp.SetAttribute: {
          const node = this.node(next());
          node.attrs.set(next() as string, next());
          break;
        }
        case RenderOp.RemoveAttribute: {
          const node = this.node(next());
          node.attrs.delete(next() as string);
          break;
        }
        case RenderOp.SetText:
          this.node(next()).text = next() as string;
          break;
        case RenderOp.SetListener: {
          const node = this.node(next());
          const type = next() as string;
          next();
          next();
          node.listeners.add(type);
          break;
        }
        case RenderOp.Release:
          this.nodes.delete(next() as number);
          break;
        case RenderOp.AddStyleSheet: {
          next();
          this.sheets.push({ url: next() as string, scope: next() as string });
          break;
        }
        case RenderOp.DisableStyleSheet:
          next();
          break;
        case RenderOp.SetModelBinding:
          i += 3;
          break;
        case RenderOp.SetHostScope:
          i += 2;
          break;
        default:
          throw new Error(`fake view: unknown op ${String(code)} at ${i - 1}`);
      }
    }
  }

  /** The page as markup: tags, classes, ids and text. */
  html(node: FakeNode | undefined = this.root): string {
    if (!node) return '';
    if (node.tag === '#text') return node.text ?? '';
    const attrs = [
      node.attrs.has('id') ? ` id="${String(node.attrs.get('id'))}"` : '',
      node.classes.length ? ` class="${node.classes.join(' ')}"` : '',
    ].join('');
    return `<${node.tag}${attrs}>${node.children.map((c) => this.html(c)).join('')}</${node.tag}>`;
  }

  /** The first element whose text content includes `text`, deepest match. */
  findByText(text: string, node: FakeNode | undefined = this.root): FakeNode | undefined {
    if (!node) return undefined;
    for (const child of node.children) {
      const found = this.findByText(text, child);
      if (found) return found.tag === '#text' ? node : found;
    }
    return node.tag === '#text' && node.text?.includes(text) ? node : undefined;
  }
}
