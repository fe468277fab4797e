/**
 * Replays the Worker's render batches on the page's DOM. Native WXML nodes become `wx-<name>` elements (custom
 * elements of the built-in components, or plain blocks when unknown); custom component hosts keep their tag.
 */
import { RenderOp } from '../protocol';
import { playAnimation, type AnimationStep } from '../support/animation-css';

/** DOM nodes carry their Worker id and class reference counts (two scopes may produce the same class name). */
export type WxNode = Node & { __wxId?: number; __classCounts?: Map<string, number>; __wxStyle?: string; __wxStopAnimation?: () => void; __wxAnimated?: Map<string, string> };

export interface ApplierHooks {
  listenerAdded(type: string, capture: boolean, mutLevel: number, node: WxNode): void;
  modelBinding(node: WxNode, attribute: string, enabled: boolean): void;
  styleSheet(index: number, url: string, scopeName: string): void;
  disableStyleSheet(index: number): void;
  /** Turns a WXML `src` into a URL the view can load (package-relative paths). */
  resolveSrc(value: string): string;
  /** Inline `style` as the device renders it (rpx → px, safe-area insets). */
  adaptStyle(css: string): string;
}

const SRC_ATTRIBUTES = new Set(['src', 'poster']);

export class OpApplier {
  private readonly nodes = new Map<number, WxNode>();

  constructor(
    private readonly doc: Document,
    private readonly hooks: ApplierHooks,
  ) {}

  node(id: number): WxNode | undefined {
    return this.nodes.get(id);
  }

  private get(id: unknown): WxNode {
    const node = this.nodes.get(id as number);
    if (!node) throw new Error(`render op refers to unknown node ${String(id)}`);
    return node;
  }

  private element(id: unknown): HTMLElement {
    return this.get(id) as unknown as HTMLElement;
  }

  private register(id: number, node: WxNode): void {
    node.__wxId = id;
    this.nodes.set(id, node);
  }

  private createElement(logicalName: string, stylingName: string): HTMLElement {
    if (logicalName === 'wx-x') {
      try {
        return this.doc.createElement(stylingName);
      } catch {
        return this.doc.createElement('wx-x');
      }
    }
    const tag = logicalName.startsWith('wx-') ? logicalName : `wx-${logicalName}`;
    try {
      return this.doc.createElement(tag);
    } catch {
      return this.doc.createElement('wx-x');
    }
  }

  apply(ops: readonly unknown[]): void {
    let i = 0;
    const n = ops.length;
    while (i < n) {
      const code = ops[i++];
      switch (code) {
        case RenderOp.CreateElement: {
          const id = ops[i++] as number;
          const logical = ops[i++] as string;
          const styling = ops[i++] as string;
          this.register(id, this.createElement(logical, styling));
          break;
        }
        case RenderOp.CreateText:
          this.register(ops[i++] as number, this.doc.createTextNode(ops[i++] as string));
          break;
        case RenderOp.CreateFragment:
          this.register(ops[i++] as number, this.doc.createDocumentFragment());
          break;
        case RenderOp.BindRoot:
          this.register(ops[i++] as number, this.doc.body);
          break;
        case RenderOp.AppendChild: {
          const parent = this.get(ops[i++]);
          parent.appendChild(this.get(ops[i++]));
          break;
        }
        case RenderOp.InsertBefore: {
          const parent = this.get(ops[i++]);
          const child = this.get(ops[i++]);
          parent.insertBefore(child, this.get(ops[i++]));
          break;
        }
        case RenderOp.RemoveChild: {
          const parent = this.get(ops[i++]);
          const child = this.get(ops[i++]);
          if (child.parentNode === parent) parent.removeChild(child);
          break;
        }
        case RenderOp.ReplaceChild: {
          const parent = this.get(ops[i++]);
          const child = this.get(ops[i++]);
          const old = this.get(ops[i++]);
          if (old.parentNode === parent) parent.replaceChild(child, old);
          else parent.appendChild(child);
          break;
        }
        case RenderOp.SpliceBefore: {
          const parent = this.get(ops[i++]);
          const before = this.get(ops[i++]);
          const count = ops[i++] as number;
          const list = this.get(ops[i++]);
          let cursor: Node | null = before;
          for (let k = 0; k < count && cursor; k++) {
            const next: Node | null = cursor.nextSibling;
            parent.removeChild(cursor);
            cursor = next;
          }
          parent.insertBefore(list, cursor);
          break;
        }
        case RenderOp.SpliceAppend: {
          const parent = this.get(ops[i++]);
          parent.appendChild(this.get(ops[i++]));
          break;
        }
        case RenderOp.SpliceRemove: {
          const parent = this.get(ops[i++]);
          let cursor: Node | null = this.get(ops[i++]);
          const count = ops[i++] as number;
          for (let k = 0; k < count && cursor; k++) {
            const next: Node | null = cursor.nextSibling;
            parent.removeChild(cursor);
            cursor = next;
          }
          break;
        }
        case RenderOp.SetId:
          this.element(ops[i++]).id = ops[i++] as string;
          break;
        case RenderOp.SetStyle: {
          const node = this.get(ops[i++]);
          node.__wxStyle = ops[i++] as string;
          this.writeStyle(node);
          break;
        }
        case RenderOp.AddClass:
          this.addClass(this.get(ops[i++]), ops[i++] as string);
          break;
        case RenderOp.RemoveClass:
          this.removeClass(this.get(ops[i++]), ops[i++] as string);
          break;
        case RenderOp.ClearClasses: {
          const node = this.get(ops[i++]);
          node.__classCounts?.clear();
          (node as unknown as HTMLElement).className = '';
          break;
        }
        case RenderOp.SetAttribute:
          this.setAttribute(this.element(ops[i++]), ops[i++] as string, ops[i++]);
          break;
        case RenderOp.RemoveAttribute:
          this.element(ops[i++]).removeAttribute(ops[i++] as string);
          break;
        case RenderOp.SetText:
          this.get(ops[i++]).textContent = ops[i++] as string;
          break;
        case RenderOp.SetListener: {
          const node = this.get(ops[i++]);
          const type = ops[i++] as string;
          const capture = ops[i++] === 1;
          this.hooks.listenerAdded(type, capture, ops[i++] as number, node);
          break;
        }
        case RenderOp.Release: {
          const id = ops[i++] as number;
          this.nodes.delete(id);
          break;
        }
        case RenderOp.AddStyleSheet:
          this.hooks.styleSheet(ops[i++] as number, ops[i++] as string, ops[i++] as string);
          break;
        case RenderOp.DisableStyleSheet:
          this.hooks.disableStyleSheet(ops[i++] as number);
          break;
        case RenderOp.SetModelBinding: {
          const node = this.get(ops[i++]);
          const attribute = ops[i++] as string;
          this.hooks.modelBinding(node, attribute, ops[i++] === 1);
          break;
        }
        case RenderOp.SetHostScope:
          this.element(ops[i++]).setAttribute('wx-host', ops[i++] as string);
          break;
        default:
          throw new Error(`unknown render op ${String(code)} at ${i - 1}`);
      }
    }
  }

  /** After a device switch: inline styles are converted again from the text the Worker sent. */
  readaptStyles(): void {
    for (const node of this.nodes.values()) {
      if (node.__wxStyle !== undefined) this.writeStyle(node);
    }
  }

  /** The inline style the Worker sent, converted, with the state an `animation` left on top (as in WeChat). */
  private writeStyle(node: WxNode): void {
    const el = node as unknown as HTMLElement;
    el.setAttribute('style', this.hooks.adaptStyle(node.__wxStyle ?? ''));
    for (const [name, value] of node.__wxAnimated ?? []) el.style.setProperty(name, value);
  }

  private addClass(node: WxNode, name: string): void {
    const counts = (node.__classCounts ??= new Map());
    const count = counts.get(name) ?? 0;
    counts.set(name, count + 1);
    if (count === 0) (node as unknown as Element).classList.add(name);
  }

  private removeClass(node: WxNode, name: string): void {
    const counts = node.__classCounts;
    const count = counts?.get(name) ?? 0;
    if (count > 1) counts!.set(name, count - 1);
    else {
      counts?.delete(name);
      (node as unknown as Element).classList.remove(name);
    }
  }

  /** `animation="{{wx.createAnimation().export()}}"`: its steps play in order; a new value stops the running one. */
  private playAnimation(el: HTMLElement & WxNode, exported: { actions: readonly AnimationStep[] }): void {
    el.__wxStopAnimation?.();
    const animated = (el.__wxAnimated ??= new Map());
    const setStyle = (name: string, value: string) => {
      animated.set(name, value);
      el.style.setProperty(name, value);
    };
    el.__wxStopAnimation = playAnimation({ setStyle }, exported, (fn, ms) => {
      const timer = setTimeout(fn, ms);
      return () => clearTimeout(timer);
    });
  }

  /** The contract with the built-in components: a property when the element has one, else a string attribute. */
  private setAttribute(el: HTMLElement, name: string, raw: unknown): void {
    const value = SRC_ATTRIBUTES.has(name) && typeof raw === 'string' ? this.hooks.resolveSrc(raw) : raw;
    if (name === 'animation' && isExportedAnimation(raw)) {
      this.playAnimation(el as HTMLElement & WxNode, raw);
      return;
    }
    const prop = camelCase(name);
    if (el.tagName.includes('-') && prop in el) {
      (el as unknown as Record<string, unknown>)[prop] = value;
      return;
    }
    if (name === 'hidden') {
      el.hidden = value === true || value === '' || value === 'true';
      return;
    }
    if (value === false || value === undefined || value === null) el.removeAttribute(name);
    else el.setAttribute(name, value === true ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
}

function isExportedAnimation(value: unknown): value is { actions: readonly AnimationStep[] } {
  return typeof value === 'object' && value !== null && Array.isArray((value as { actions?: unknown }).actions);
}

function camelCase(name: string): string {
  return name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());
}
