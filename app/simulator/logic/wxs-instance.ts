/**
 * WXS runs in the Worker with the templates. WeChat hands WXS event handlers and `change:prop` observers
 * ComponentDescriptor objects (`ownerInstance`, `event.instance`) instead of engine nodes; this module makes
 * them from glass-easel elements and plugs itself into the compiled templates' procedure wrapper.
 */
import * as adapter from 'glass-easel-miniprogram-adapter';

const glassEasel = adapter.glassEasel;
type GlassElement = adapter.glassEasel.Element;

/** glass-easel's `StyleSegmentIndex.TEMP_EXTRA`: styles set from WXS win over the template's `style`. */
const WXS_STYLE_SEGMENT = 3;

const descriptors = new WeakMap<GlassElement, ComponentDescriptor>();
/** The engine node an event was delivered to, kept on the WeChat-shaped event object. */
const CURRENT_NODE = Symbol('wxsCurrentNode');

/** The descriptor of an element; one per element so `getState()` keeps its object between calls. */
export function descriptorOf(element: GlassElement): ComponentDescriptor {
  let descriptor = descriptors.get(element);
  if (!descriptor) {
    descriptor = new ComponentDescriptor(element);
    descriptors.set(element, descriptor);
  }
  return descriptor;
}

/** What WXS code may call on `ownerInstance` / `event.instance` (WeChat's ComponentDescriptor). */
export class ComponentDescriptor {
  private state: Record<string, unknown> | undefined;
  private extraStyle: Record<string, string> = {};

  constructor(private readonly element: GlassElement) {}

  getState(): Record<string, unknown> {
    this.state ??= {};
    return this.state;
  }

  selectComponent(selector: string): ComponentDescriptor | null {
    const found = this.searchRoot()?.querySelector(String(selector)) ?? null;
    return found ? descriptorOf(found) : null;
  }

  selectAllComponents(selector: string): ComponentDescriptor[] {
    return (this.searchRoot()?.querySelectorAll(String(selector)) ?? []).map(descriptorOf);
  }

  /** Merges into the element's WXS style (object or CSS text); `rpx` is converted by the view as for any style. */
  setStyle(style: unknown): this {
    const next = typeof style === 'string' ? parseCssText(style) : toDeclarations(style);
    this.extraStyle = typeof style === 'string' ? next : { ...this.extraStyle, ...next };
    const css = Object.entries(this.extraStyle)
      .map(([name, value]) => `${name}:${value}`)
      .join(';');
    this.element.setNodeStyle(css, WXS_STYLE_SEGMENT as never);
    return this;
  }

  addClass(names: string): this {
    for (const name of splitClasses(names)) this.element.classList?.toggle(name, true);
    return this;
  }

  removeClass(names: string): this {
    for (const name of splitClasses(names)) this.element.classList?.toggle(name, false);
    return this;
  }

  hasClass(name: string): boolean {
    return this.element.classList?.contains(String(name)) ?? false;
  }

  getDataset(): Record<string, unknown> {
    return { ...this.element.dataset };
  }

  /** Calls a method of the component this descriptor stands for (or of the component owning the element). */
  callMethod(name: string, args?: unknown): unknown {
    const caller = this.component()?.getMethodCaller() as Record<string, unknown> | undefined;
    const method = caller?.[String(name)];
    if (typeof method !== 'function') {
      throw new Error(`callMethod: the component has no method "${String(name)}"`);
    }
    return (method as (arg: unknown) => unknown).call(caller, args);
  }

  triggerEvent(name: string, detail?: unknown): void {
    const component = glassEasel.Component.isComponent(this.element) ? this.element : undefined;
    if (component) component.triggerEvent(String(name), detail);
    else glassEasel.triggerEvent(this.element, String(name), detail, {});
  }

  /** The style WXS set plus the element's inline style: the Worker cannot ask the view for layout synchronously. */
  getComputedStyle(names?: unknown): Record<string, string> {
    const known = { ...parseCssText(this.element.style), ...this.extraStyle };
    if (!Array.isArray(names)) return known;
    const picked: Record<string, string> = {};
    for (const name of names) {
      const key = kebab(String(name));
      if (key in known) picked[String(name)] = known[key] ?? '';
    }
    return picked;
  }

  requestAnimationFrame(callback: unknown): number {
    if (typeof callback !== 'function') return 0;
    const frame = (globalThis as { requestAnimationFrame?: (cb: (time: number) => void) => number }).requestAnimationFrame;
    if (frame) return frame((time) => (callback as (time: number) => void)(time));
    return setTimeout(() => (callback as (time: number) => void)(Date.now()), 16) as unknown as number;
  }

  setTimeout(callback: unknown, delay?: number): number {
    return typeof callback === 'function' ? (setTimeout(callback as () => void, Number(delay ?? 0)) as unknown as number) : 0;
  }

  clearTimeout(id: number): void {
    clearTimeout(id);
  }

  private component(): adapter.glassEasel.GeneralComponent | undefined {
    if (glassEasel.Component.isComponent(this.element)) return this.element as adapter.glassEasel.GeneralComponent;
    return this.element.ownerShadowRoot?.getHostNode() as adapter.glassEasel.GeneralComponent | undefined;
  }

  /** A component searches its own template; a plain element searches its subtree. */
  private searchRoot(): { querySelector(s: string): GlassElement | null; querySelectorAll(s: string): GlassElement[] } | null {
    if (glassEasel.Component.isComponent(this.element)) return (this.element as adapter.glassEasel.GeneralComponent).getShadowRoot();
    return this.element;
  }
}

type ProcGenWrapper = {
  setFnFilter(filter: unknown): void;
  setEventListenerWrapper(wrapper: unknown): void;
};
type ProcGen = (wrapper: ProcGenWrapper, ...rest: unknown[]) => unknown;
type ChangeListener = (newValue: unknown, oldValue: unknown, host: GlassElement, element: GlassElement) => unknown;

const patchedWrappers = new WeakSet<object>();

/** Compiled template content (`group(name)` → procedure) whose procedures hand WXS descriptors, not nodes. */
export function withWxsDescriptors<T extends (name: string) => unknown>(content: T): T {
  installEventNodeMark();
  return ((name: string) => {
    const procGen = content(name);
    if (typeof procGen !== 'function') return procGen;
    return (wrapper: ProcGenWrapper, ...rest: unknown[]) => {
      patchWrapperPrototype(wrapper);
      wrapper.setEventListenerWrapper(callEventListener);
      return (procGen as ProcGen)(wrapper, ...rest);
    };
  }) as T;
}

/** `setFnFilter(Q.A)` comes from the compiled code on every run: keep its filter and wrap what it returns. */
function patchWrapperPrototype(wrapper: ProcGenWrapper): void {
  const proto = Object.getPrototypeOf(wrapper) as ProcGenWrapper;
  if (patchedWrappers.has(proto)) return;
  patchedWrappers.add(proto);
  const original = proto.setFnFilter;
  proto.setFnFilter = function setFnFilter(this: ProcGenWrapper, filter: unknown) {
    const inner = typeof filter === 'function' ? (filter as (fn: unknown, path: unknown) => unknown) : (fn: unknown) => fn;
    original.call(this, (fn: unknown, path: unknown) => {
      const listener = inner(fn, path);
      if (typeof listener !== 'function') return listener;
      return (newValue: unknown, oldValue: unknown, host: GlassElement, element: GlassElement) => {
        const call = () => (listener as ChangeListener).call(null, newValue, oldValue, descriptorOf(host) as never, descriptorOf(element) as never);
        // glass-easel calls while it is still building or updating the nodes (the node may not have its class
        // yet); WeChat runs the observer in the view after the update, when selectComponent() finds them all.
        // A node that an update removed meanwhile was never shown: WeChat does not run its observer.
        queueMicrotask(() => {
          if (inOwnerTree(element)) runReporting(call);
        });
      };
    });
  };
}

/** True while the element hangs (through wx:if / wx:for blocks) from its component's shadow root. */
function inOwnerTree(element: GlassElement): boolean {
  let node: GlassElement = element;
  while (node.parentNode) node = node.parentNode;
  return node === (element.ownerShadowRoot as unknown as GlassElement | null);
}

/** A deferred observer call: its error goes where glass-easel reports listener errors. */
function runReporting(call: () => unknown): void {
  try {
    call();
  } catch (error) {
    glassEasel.dispatchError(error, 'Property Change Observer');
  }
}

/**
 * glass-easel's event listener wrapper: `path` names where a bound handler came from; WXS functions get
 * `(event, ownerInstance)` with `event.instance`, as in WeChat. Method-name handlers run as before.
 */
function callEventListener(caller: unknown, event: Record<string | symbol, unknown>, listener: (...args: unknown[]) => unknown, path?: unknown): unknown {
  if (!fromWxs(path)) return listener.apply(caller, [event]);
  const owner = (caller as { _$?: GlassElement } | null)?._$;
  const current = event[CURRENT_NODE] as GlassElement | undefined;
  if (current) Object.defineProperty(event, 'instance', { value: descriptorOf(current), configurable: true, enumerable: false });
  const result = listener.call(null, event, owner ? descriptorOf(owner) : undefined);
  return result;
}

/** The compiled binding path of a handler starts with its source: 1 a `<wxs src>` module, 2 an inline one (0 data). */
function fromWxs(path: unknown): boolean {
  return Array.isArray(path) && (path[0] === 1 || path[0] === 2);
}

let eventNodeMarked = false;
/** Keeps the engine node on each delivered event (after engine.ts shaped it), for `event.instance`. */
function installEventNodeMark(): void {
  if (eventNodeMarked) return;
  eventNodeMarked = true;
  const proto = glassEasel.Event.prototype as unknown as { wrapShadowedEvent(target: unknown, mark: unknown, currentTarget: unknown): Record<symbol, unknown> };
  const shape = proto.wrapShadowedEvent;
  proto.wrapShadowedEvent = function wrapWithNode(this: unknown, target, mark, currentTarget) {
    const event = shape.call(this, target, mark, currentTarget);
    const node = (currentTarget as { _$?: unknown } | null)?._$ ?? currentTarget;
    Object.defineProperty(event, CURRENT_NODE, { value: node, enumerable: false });
    return event;
  };
}

function splitClasses(names: unknown): string[] {
  return String(names ?? '')
    .split(/\s+/)
    .filter(Boolean);
}

function kebab(name: string): string {
  return name.startsWith('--') ? name : name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

function toDeclarations(style: unknown): Record<string, string> {
  const declarations: Record<string, string> = {};
  if (!style || typeof style !== 'object') return declarations;
  for (const [name, value] of Object.entries(style as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    declarations[kebab(name)] = String(value);
  }
  return declarations;
}

function parseCssText(css: string): Record<string, string> {
  const declarations: Record<string, string> = {};
  for (const part of String(css ?? '').split(';')) {
    const colon = part.indexOf(':');
    if (colon <= 0) continue;
    const name = part.slice(0, colon).trim();
    if (name) declarations[name] = part.slice(colon + 1).trim();
  }
  return declarations;
}
