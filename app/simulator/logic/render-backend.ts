/**
 * glass-easel's composed backend, implemented as a recorder: every DOM operation the engine asks for becomes a
 * few entries in a flat op array, flushed to the page's view once per microtask. The view replays the array on
 * real DOM (view/op-applier.ts). Node ids are never reused; the view ignores events for ids it no longer has.
 */
import type * as glassEasel from 'glass-easel';
import { RenderOp, ROOT_NODE_ID, type NodeCall } from '../protocol';
import { viewValueOf } from './api/file-urls';

type GlassElement = glassEasel.Element;
type EventListenerFn = (
  target: GlassElement,
  type: string,
  detail: unknown,
  options: glassEasel.EventOptions,
) => glassEasel.EventBubbleStatus | void;

/** Where a batch goes: the page's MessagePort in the Worker, a fake view in unit tests. */
export interface RenderSink {
  /** `ack` is non-zero when the sender waits for `acknowledge(ack)` after the view applied the batch. */
  sendBatch(ops: unknown[], ack: number): void;
  /** A layout read; the view answers with `resolveQuery(requestId, result)`. */
  sendQuery(requestId: number, nodeId: number, what: 'rect' | 'scroll' | 'fields'): void;
  /** Start (thresholds given) or stop (null) an intersection observer in the view. */
  sendObserve?(observerId: number, nodeId: number, relativeNodeId: number, margin: string, thresholds: readonly number[] | null): void;
  /** A call on a built-in component of the view (canvas); answered with `resolveQuery(requestId, result)`. */
  sendNodeCall?(requestId: number, nodeId: number, call: NodeCall): void;
}

/** Maps glass-easel's numeric style scopes to the CSS class prefix the compiler used. */
export type StyleScopeNamer = (scope: number | undefined) => string;

export interface DeviceInfoSource {
  windowWidth(): number;
  windowHeight(): number;
  pixelRatio(): number;
  theme(): string;
}

export class RenderElement implements glassEasel.composedBackend.Element {
  __wxElement?: GlassElement;
  constructor(
    readonly ctx: RenderContext,
    readonly id: number,
  ) {}

  private op(...entries: unknown[]): void {
    this.ctx.record(entries);
  }

  release(): void {
    this.ctx.forget(this.id);
    this.op(RenderOp.Release, this.id);
  }
  associateValue(v: GlassElement): void {
    this.__wxElement = v;
  }
  appendChild(child: RenderElement): void {
    this.op(RenderOp.AppendChild, this.id, child.id);
  }
  removeChild(child: RenderElement): void {
    this.op(RenderOp.RemoveChild, this.id, child.id);
  }
  insertBefore(child: RenderElement, before: RenderElement): void {
    this.op(RenderOp.InsertBefore, this.id, child.id, before.id);
  }
  replaceChild(child: RenderElement, oldChild: RenderElement): void {
    this.op(RenderOp.ReplaceChild, this.id, child.id, oldChild.id);
  }
  spliceBefore(before: RenderElement, deleteCount: number, list: RenderElement): void {
    this.op(RenderOp.SpliceBefore, this.id, before.id, deleteCount, list.id);
  }
  spliceAppend(list: RenderElement): void {
    this.op(RenderOp.SpliceAppend, this.id, list.id);
  }
  spliceRemove(before: RenderElement, deleteCount: number): void {
    this.op(RenderOp.SpliceRemove, this.id, before.id, deleteCount);
  }
  setId(id: string): void {
    this.op(RenderOp.SetId, this.id, stripIdPrefix(id));
  }
  setStyleScope(_styleScope: number, _extraStyleScope?: number, hostStyleScope?: number): void {
    if (hostStyleScope === undefined) return;
    const name = this.ctx.scopeName(hostStyleScope);
    if (name) this.op(RenderOp.SetHostScope, this.id, name);
  }
  setStyle(styleText: string): void {
    this.op(RenderOp.SetStyle, this.id, styleText);
  }
  addClass(elementClass: string, styleScope?: number): void {
    this.op(RenderOp.AddClass, this.id, this.ctx.scopedClass(elementClass, styleScope));
  }
  removeClass(elementClass: string, styleScope?: number): void {
    this.op(RenderOp.RemoveClass, this.id, this.ctx.scopedClass(elementClass, styleScope));
  }
  clearClasses(): void {
    this.op(RenderOp.ClearClasses, this.id);
  }
  setAttribute(name: string, value: unknown): void {
    this.op(RenderOp.SetAttribute, this.id, name, cloneSafe(viewValueOf(value)));
  }
  removeAttribute(name: string): void {
    this.op(RenderOp.RemoveAttribute, this.id, name);
  }
  setText(content: string): void {
    this.op(RenderOp.SetText, this.id, content);
  }
  setModelBindingStat(attributeName: string, listener: ((newValue: unknown) => void) | null): void {
    this.ctx.setModelListener(this.id, attributeName, listener);
    this.op(RenderOp.SetModelBinding, this.id, attributeName, listener ? 1 : 0);
  }
  setListenerStats(type: string, capture: boolean, mutLevel: number): void {
    this.op(RenderOp.SetListener, this.id, type, capture ? 1 : 0, mutLevel);
  }
  getBoundingClientRect(cb: (res: glassEasel.BoundingClientRect) => void): void {
    this.ctx.query(this.id, 'rect', cb as (res: unknown) => void);
  }
  getScrollOffset(cb: (res: glassEasel.ScrollOffset) => void): void {
    this.ctx.query(this.id, 'scroll', cb as (res: unknown) => void);
  }
  setScrollPosition(): void {
    // scroll-view owns its scroll position in the view; nothing to replay here
  }
  createIntersectionObserver(
    relativeElement: RenderElement | null,
    margin: string,
    thresholds: number[],
    listener: (res: glassEasel.backend.IntersectionStatus) => void,
  ): { disconnect(): void } {
    return this.ctx.observeIntersection(this.id, relativeElement ? relativeElement.id : -1, margin, thresholds, listener as (res: unknown) => void);
  }
  getContext(cb: (res: unknown) => void): void {
    cb(null);
  }
}

/** glass-easel prefixes WXML ids with a per-component guid (`1a2b3c4d--myId`); the DOM keeps what the user wrote. */
function stripIdPrefix(id: string): string {
  const match = /^[0-9a-f]{8}--/.exec(id);
  return match ? id.slice(match[0].length) : id;
}

/** Attribute values come from user data: drop functions and other things structured clone refuses. */
function cloneSafe(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? undefined : value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}

export class RenderContext implements glassEasel.composedBackend.Context {
  mode = 2 as glassEasel.BackendMode.Composed;
  private ops: unknown[] = [];
  private nextNodeId = ROOT_NODE_ID + 1;
  private nextSheetIndex = 1;
  private nextAck = 1;
  private nextQuery = 1;
  private flushQueued = false;
  private renderCallbacks: ((err: Error | null) => void)[] = [];
  private readonly pendingAcks = new Map<number, ((err: Error | null) => void)[]>();
  private readonly pendingQueries = new Map<number, (res: unknown) => void>();
  private readonly elements = new Map<number, RenderElement>();
  private readonly modelListeners = new Map<string, (value: unknown) => void>();
  private readonly rootNode: RenderElement;
  private eventListener: EventListenerFn | null = null;
  private destroyed = false;

  constructor(
    private readonly sink: RenderSink,
    readonly scopeName: StyleScopeNamer,
    private readonly device: DeviceInfoSource,
  ) {
    this.rootNode = new RenderElement(this, ROOT_NODE_ID);
    this.elements.set(ROOT_NODE_ID, this.rootNode);
    this.record([RenderOp.BindRoot, ROOT_NODE_ID]);
  }

  record(entries: unknown[]): void {
    if (this.destroyed) return;
    for (const entry of entries) this.ops.push(entry);
    this.scheduleFlush();
  }

  forget(id: number): void {
    this.elements.delete(id);
  }

  scopedClass(name: string, scope: number | undefined): string {
    const prefix = this.scopeName(scope);
    return prefix ? `${prefix}--${name}` : name;
  }

  private scheduleFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /** Sends what is pending now; the callbacks of `render(cb)` wait for the view's acknowledgement. */
  flush(): void {
    this.flushQueued = false;
    if (this.destroyed) return;
    const callbacks = this.renderCallbacks;
    if (this.ops.length === 0 && callbacks.length === 0) return;
    this.renderCallbacks = [];
    let ack = 0;
    if (callbacks.length > 0) {
      ack = this.nextAck++;
      this.pendingAcks.set(ack, callbacks);
    }
    const ops = this.ops;
    this.ops = [];
    this.sink.sendBatch(ops, ack);
  }

  acknowledge(ack: number): void {
    const callbacks = this.pendingAcks.get(ack);
    if (!callbacks) return;
    this.pendingAcks.delete(ack);
    for (const cb of callbacks) cb(null);
  }

  query(nodeId: number, what: 'rect' | 'scroll' | 'fields', cb: (res: unknown) => void): void {
    const requestId = this.nextQuery++;
    this.pendingQueries.set(requestId, cb);
    this.flush();
    this.sink.sendQuery(requestId, nodeId, what);
  }

  /** Calls a built-in component in the view after the pending ops; `cb` gets null when there is no view. */
  callNode(nodeId: number, call: NodeCall, cb: (res: unknown) => void): void {
    if (this.destroyed || !this.sink.sendNodeCall) {
      cb(null);
      return;
    }
    const requestId = this.nextQuery++;
    this.pendingQueries.set(requestId, cb);
    this.flush();
    this.sink.sendNodeCall(requestId, nodeId, call);
  }

  resolveQuery(requestId: number, result: unknown): void {
    const cb = this.pendingQueries.get(requestId);
    if (!cb) return;
    this.pendingQueries.delete(requestId);
    cb(result);
  }

  private nextObserver = 1;
  private readonly observers = new Map<number, (res: unknown) => void>();

  observeIntersection(nodeId: number, relativeNodeId: number, margin: string, thresholds: readonly number[], listener: (res: unknown) => void): { disconnect(): void } {
    const observerId = this.nextObserver++;
    this.observers.set(observerId, listener);
    this.flush();
    this.sink.sendObserve?.(observerId, nodeId, relativeNodeId, margin, thresholds.length ? thresholds : [0]);
    return {
      disconnect: () => {
        if (!this.observers.delete(observerId)) return;
        this.sink.sendObserve?.(observerId, nodeId, relativeNodeId, margin, null);
      },
    };
  }

  intersectionChanged(observerId: number, status: unknown): void {
    this.observers.get(observerId)?.(status);
  }

  setModelListener(id: number, attribute: string, listener: ((value: unknown) => void) | null): void {
    const key = `${id}:${attribute}`;
    if (listener) this.modelListeners.set(key, listener);
    else this.modelListeners.delete(key);
  }

  /** A two-way bound value changed in the view (`model:value`). */
  applyModelValue(id: number, attribute: string, value: unknown): void {
    this.modelListeners.get(`${id}:${attribute}`)?.(value);
  }

  /** The glass-easel node behind a view node id, or undefined when the Worker already released it. */
  elementOf(nodeId: number): GlassElement | undefined {
    return this.elements.get(nodeId)?.__wxElement;
  }

  dispatchEvent(nodeId: number, type: string, detail: unknown, options: glassEasel.EventOptions): boolean {
    const target = this.elementOf(nodeId);
    if (!target || !this.eventListener) return false;
    this.eventListener(target, type, detail, options);
    return true;
  }

  destroy(): void {
    this.destroyed = true;
    this.ops = [];
    this.elements.clear();
    this.pendingQueries.clear();
    this.pendingAcks.clear();
  }

  getWindowWidth(): number {
    return this.device.windowWidth();
  }
  getWindowHeight(): number {
    return this.device.windowHeight();
  }
  getDevicePixelRatio(): number {
    return this.device.pixelRatio();
  }
  getTheme(): string {
    return this.device.theme();
  }
  registerStyleSheetContent(): void {
    // styles are loaded by URL in the view
  }
  appendStyleSheetPath(path: string, styleScope?: number): number {
    const index = this.nextSheetIndex++;
    this.record([RenderOp.AddStyleSheet, index, path, styleScope === undefined ? '' : this.scopeName(styleScope)]);
    return index;
  }
  disableStyleSheet(index: number): void {
    this.record([RenderOp.DisableStyleSheet, index]);
  }
  render(cb: (err: Error | null) => void): void {
    this.renderCallbacks.push(cb);
    this.scheduleFlush();
  }
  getRootNode(): RenderElement {
    return this.rootNode;
  }
  createElement(logicalName: string, stylingName: string): RenderElement {
    const el = this.newElement();
    this.record([RenderOp.CreateElement, el.id, logicalName, stylingName]);
    return el;
  }
  createTextNode(content: string): RenderElement {
    const el = this.newElement();
    this.record([RenderOp.CreateText, el.id, content]);
    return el;
  }
  createFragment(): RenderElement {
    const el = this.newElement();
    this.record([RenderOp.CreateFragment, el.id]);
    return el;
  }
  onEvent(listener: EventListenerFn): void {
    this.eventListener = listener;
  }
  createMediaQueryObserver(): { disconnect(): void } {
    return { disconnect: () => undefined };
  }

  private newElement(): RenderElement {
    const el = new RenderElement(this, this.nextNodeId++);
    this.elements.set(el.id, el);
    return el;
  }
}
