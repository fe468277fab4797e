/**
 * Turns DOM input into WeChat events for the Worker. Pointer input is synthesized into `touchstart/move/end`,
 * `tap` (released within 10 px) and `longpress`/`longtap` (held 350 ms); built-in components' CustomEvents
 * (`change`, `input`, `scroll`…) are forwarded as they are. Only types some node listens to are sent.
 */
import type { TouchPoint, ViewEvent } from '../protocol';
import type { WxNode } from './op-applier';

const TAP_SLOP = 10;
const LONGPRESS_MS = 350;
const GESTURE_TYPES = new Set(['tap', 'longpress', 'longtap', 'touchstart', 'touchmove', 'touchend', 'touchcancel']);
/** WeChat's touch-family events bubble; component events do as their CustomEvent says. */
const BUBBLING_GESTURES = GESTURE_TYPES;

export type SendEvent = (event: ViewEvent) => void;

interface ActivePointer {
  readonly id: number;
  readonly startX: number;
  readonly startY: number;
  readonly target: WxNode;
  moved: boolean;
  longPressed: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

export function nearestWxNode(start: EventTarget | null): WxNode | undefined {
  let node = start as WxNode | null;
  while (node) {
    if (node.__wxId !== undefined) return node;
    node = (node.parentNode ?? (node as unknown as ShadowRoot).host ?? null) as WxNode | null;
  }
  return undefined;
}

/** A native-like overlay (the picker sheet) owns its touches: tapping 确定 is not a tap on the page. */
function insideOverlay(ev: Event): boolean {
  return ev.composedPath().some((node) => (node as Partial<Element>).hasAttribute?.('data-wx-overlay') === true);
}

function touchPoint(ev: PointerEvent): TouchPoint {
  return { identifier: ev.pointerId, pageX: ev.pageX, pageY: ev.pageY, clientX: ev.clientX, clientY: ev.clientY, force: ev.pressure };
}

/** Canvas touches also carry x/y in the canvas's own coordinates (what drawing code uses). */
function canvasPoints(canvas: Element, points: TouchPoint[]): TouchPoint[] {
  const box = canvas.getBoundingClientRect();
  return points.map((p) => ({ ...p, x: p.clientX - box.left, y: p.clientY - box.top }));
}

export class EventCapture {
  private readonly listened = new Map<string, number>();
  private readonly forwarded = new Set<string>();
  private readonly active = new Map<number, ActivePointer>();
  private readonly modelNodes = new Map<WxNode, string>();

  constructor(
    private readonly doc: Document,
    private readonly send: SendEvent,
    private readonly sendModel: (nodeId: number, attribute: string, value: unknown) => void,
  ) {
    const opts = { capture: true, passive: true };
    doc.addEventListener('pointerdown', (ev) => this.onDown(ev), opts);
    doc.addEventListener('pointermove', (ev) => this.onMove(ev), opts);
    doc.addEventListener('pointerup', (ev) => this.onUp(ev, false), opts);
    doc.addEventListener('pointercancel', (ev) => this.onUp(ev, true), opts);
  }

  /** The Worker registered a listener of `type` somewhere in this page. */
  listen(type: string): void {
    this.listened.set(type, (this.listened.get(type) ?? 0) + 1);
    if (GESTURE_TYPES.has(type) || this.forwarded.has(type)) return;
    this.forwarded.add(type);
    this.doc.addEventListener(type, (ev) => this.onComponentEvent(ev), { capture: true });
  }

  bindModel(node: WxNode, attribute: string, enabled: boolean): void {
    if (!enabled) {
      this.modelNodes.delete(node);
      return;
    }
    if (this.modelNodes.has(node)) {
      this.modelNodes.set(node, attribute);
      return;
    }
    this.modelNodes.set(node, attribute);
    const forward = (ev: Event) => {
      const attr = this.modelNodes.get(node);
      if (!attr || !(ev instanceof CustomEvent) || node.__wxId === undefined) return;
      const detail = ev.detail as { value?: unknown } | null;
      if (detail && 'value' in detail) this.sendModel(node.__wxId, attr, detail.value);
    };
    node.addEventListener('input', forward);
    node.addEventListener('change', forward);
  }

  private wants(type: string): boolean {
    return (this.listened.get(type) ?? 0) > 0;
  }

  private emit(type: string, target: WxNode, detail: unknown, bubbles: boolean, touches: TouchPoint[], changed: TouchPoint[]): void {
    if (!this.wants(type) || target.__wxId === undefined) return;
    if (target instanceof Element && target.localName === 'wx-canvas') {
      touches = canvasPoints(target, touches);
      changed = canvasPoints(target, changed);
    }
    this.send({
      type,
      nodeId: target.__wxId,
      detail,
      bubbles,
      composed: bubbles,
      capturePhase: true,
      timeStamp: Math.round(performance.now()),
      touches,
      changedTouches: changed,
    });
  }

  private currentTouches(): TouchPoint[] {
    return [];
  }

  private onDown(ev: PointerEvent): void {
    if (ev.button > 0 || insideOverlay(ev)) return;
    const target = nearestWxNode(ev.target);
    if (!target) return;
    const pointer: ActivePointer = { id: ev.pointerId, startX: ev.clientX, startY: ev.clientY, target, moved: false, longPressed: false, timer: undefined };
    const point = touchPoint(ev);
    pointer.timer = setTimeout(() => {
      if (pointer.moved || !this.active.has(pointer.id)) return;
      pointer.longPressed = this.wants('longpress') || this.wants('longtap');
      this.emit('longpress', target, { x: point.pageX, y: point.pageY }, true, [point], [point]);
      this.emit('longtap', target, { x: point.pageX, y: point.pageY }, true, [point], [point]);
    }, LONGPRESS_MS);
    this.active.set(ev.pointerId, pointer);
    this.emit('touchstart', target, {}, true, [point], [point]);
  }

  private onMove(ev: PointerEvent): void {
    const pointer = this.active.get(ev.pointerId);
    if (!pointer) return;
    if (Math.hypot(ev.clientX - pointer.startX, ev.clientY - pointer.startY) > TAP_SLOP) pointer.moved = true;
    const point = touchPoint(ev);
    this.emit('touchmove', pointer.target, {}, true, [point], [point]);
  }

  private onUp(ev: PointerEvent, cancelled: boolean): void {
    const pointer = this.active.get(ev.pointerId);
    if (!pointer) return;
    this.active.delete(ev.pointerId);
    clearTimeout(pointer.timer);
    const point = touchPoint(ev);
    this.emit(cancelled ? 'touchcancel' : 'touchend', pointer.target, {}, true, this.currentTouches(), [point]);
    if (cancelled || pointer.moved || pointer.longPressed) return;
    this.emit('tap', pointer.target, { x: point.pageX, y: point.pageY }, BUBBLING_GESTURES.has('tap'), [], [point]);
  }

  private onComponentEvent(ev: Event): void {
    // Native focus/blur/click are composed too and reach this capture listener: only components' events count.
    if (!(ev instanceof CustomEvent)) return;
    const target = nearestWxNode(ev.target);
    if (!target) return;
    this.emit(ev.type, target, ev.detail ?? {}, ev.bubbles, [], []);
  }
}
