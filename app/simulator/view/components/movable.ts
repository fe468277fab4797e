// <movable-area> and <movable-view>: drag (direction, out-of-bounds, inertia with friction/damping), x/y
// properties with animation, pinch-free scale via the mouse wheel when `scale` is set, and change / scale events.
import { claimPointer, releasePointer } from './gesture-claim';
import { lengthToPx, WxElement } from './wx-element';

export class WxMovableArea extends WxElement {}

type Source = 'touch' | 'touch-out-of-bounds' | 'out-of-bounds' | 'friction' | '';

export class WxMovableView extends WxElement {
  private posX = 0;
  private posY = 0;
  private scaleValueLive = 1;
  private animationFrame: number | undefined;
  private positionStyle!: HTMLStyleElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    this.positionStyle = document.createElement('style');
    root.append(this.positionStyle, document.createElement('slot'));
    this.addEventListener('pointerdown', (event) => this.startDrag(event));
    this.addEventListener('wheel', (event) => this.wheelScale(event), { passive: false });
  }

  protected override connected(): void {
    requestAnimationFrame(() => {
      if (this.prop<boolean>('scale')) this.scaleValueLive = Math.min(this.prop<number>('scaleMax'), Math.max(this.prop<number>('scaleMin'), this.prop<number>('scaleValue')));
      this.moveTo(this.lengthPx('x'), this.lengthPx('y'), '', false);
    });
  }

  private lengthPx(property: string): number {
    return lengthToPx(this.prop(property));
  }

  protected override propertyChanged(property: string, value: unknown, previous: unknown): void {
    if (!this.isSetUp) return; // connected() places the view from x/y/scale-value
    if (property === 'x' || property === 'y') this.moveTo(this.lengthPx('x'), this.lengthPx('y'), '', this.prop<boolean>('animation'));
    if (property === 'scaleValue' && this.prop<boolean>('scale')) this.setScale(Number(value), true);
    super.propertyChanged(property, value, previous);
  }

  /** The range x/y may take: inside the area, or with out-of-bounds a little beyond. */
  private bounds(): { minX: number; maxX: number; minY: number; maxY: number } {
    const area = this.parentElement;
    const areaRect = area?.getBoundingClientRect() ?? { width: 0, height: 0 };
    const width = this.offsetWidth * this.scaleValueLive;
    const height = this.offsetHeight * this.scaleValueLive;
    const maxX = areaRect.width - width;
    const maxY = areaRect.height - height;
    return { minX: Math.min(0, maxX), maxX: Math.max(0, maxX), minY: Math.min(0, maxY), maxY: Math.max(0, maxY) };
  }

  private clamp(x: number, y: number): [number, number] {
    const b = this.bounds();
    return [Math.min(b.maxX, Math.max(b.minX, x)), Math.min(b.maxY, Math.max(b.minY, y))];
  }

  private place(): void {
    this.positionStyle.textContent = `:host { transform: translate(${this.posX}px, ${this.posY}px) scale(${this.scaleValueLive}) !important; transform-origin: center center; }`;
  }

  private moveTo(x: number, y: number, source: Source, animate: boolean): void {
    const [targetX, targetY] = this.clamp(x, y);
    if (this.animationFrame) cancelAnimationFrame(this.animationFrame);
    this.animationFrame = undefined;
    const emit = (): void => {
      this.emit('change', { x: this.posX, y: this.posY, source });
    };
    if (!animate) {
      this.posX = targetX;
      this.posY = targetY;
      this.place();
      if (source) emit();
      return;
    }
    const fromX = this.posX;
    const fromY = this.posY;
    const began = performance.now();
    const duration = 300;
    const frame = (now: number): void => {
      const t = Math.min(1, (now - began) / duration);
      const eased = 1 - Math.pow(1 - t, 3);
      this.posX = fromX + (targetX - fromX) * eased;
      this.posY = fromY + (targetY - fromY) * eased;
      this.place();
      if (t < 1) this.animationFrame = requestAnimationFrame(frame);
      else {
        this.animationFrame = undefined;
        if (source) emit();
      }
    };
    this.animationFrame = requestAnimationFrame(frame);
  }

  private startDrag(event: PointerEvent): void {
    const direction = this.prop<string>('direction');
    if (event.button !== 0 || this.prop<boolean>('disabled') || direction === 'none' || !claimPointer(event.pointerId, this)) return;
    this.setPointerCapture(event.pointerId);
    if (this.animationFrame) cancelAnimationFrame(this.animationFrame);
    const startX = event.clientX;
    const startY = event.clientY;
    const originX = this.posX;
    const originY = this.posY;
    let last = { x: event.clientX, y: event.clientY, at: event.timeStamp };
    let velocity = { x: 0, y: 0 };
    let reportedAxis = false;
    const moveX = direction === 'all' || direction === 'horizontal';
    const moveY = direction === 'all' || direction === 'vertical';
    const move = (moveEvent: PointerEvent): void => {
      const dt = Math.max(1, moveEvent.timeStamp - last.at);
      velocity = { x: (moveEvent.clientX - last.x) / dt, y: (moveEvent.clientY - last.y) / dt };
      last = { x: moveEvent.clientX, y: moveEvent.clientY, at: moveEvent.timeStamp };
      const dx = moveX ? moveEvent.clientX - startX : 0;
      const dy = moveY ? moveEvent.clientY - startY : 0;
      if (!reportedAxis && (dx !== 0 || dy !== 0)) {
        reportedAxis = true;
        this.emit(Math.abs(dx) >= Math.abs(dy) ? 'htouchmove' : 'vtouchmove', {});
      }
      let x = originX + dx;
      let y = originY + dy;
      let source: Source = 'touch';
      if (this.prop<boolean>('outOfBounds')) {
        const [cx, cy] = this.clamp(x, y);
        // Past the edge the view follows at a third of the finger's speed.
        if (cx !== x || cy !== y) source = 'touch-out-of-bounds';
        x = cx + (x - cx) / 3;
        y = cy + (y - cy) / 3;
      } else [x, y] = this.clamp(x, y);
      this.posX = x;
      this.posY = y;
      this.place();
      this.emit('change', { x, y, source });
    };
    const end = (endEvent: PointerEvent): void => {
      this.removeEventListener('pointermove', move);
      this.removeEventListener('pointerup', end);
      this.removeEventListener('pointercancel', end);
      releasePointer(endEvent.pointerId, this);
      const [cx, cy] = this.clamp(this.posX, this.posY);
      if (cx !== this.posX || cy !== this.posY) this.moveTo(cx, cy, 'out-of-bounds', true);
      else if (this.prop<boolean>('inertia')) {
        // Friction decides how far the throw carries.
        const friction = Math.max(0.1, this.prop<number>('friction'));
        const carry = 120 / friction;
        this.moveTo(this.posX + (moveX ? velocity.x * carry : 0), this.posY + (moveY ? velocity.y * carry : 0), 'friction', true);
      }
    };
    this.addEventListener('pointermove', move);
    this.addEventListener('pointerup', end);
    this.addEventListener('pointercancel', end);
  }

  private setScale(value: number, animate: boolean): void {
    const min = this.prop<number>('scaleMin');
    const max = this.prop<number>('scaleMax');
    this.scaleValueLive = Math.min(max, Math.max(min, Number.isFinite(value) ? value : 1));
    this.moveTo(this.posX, this.posY, '', animate);
    this.place();
    this.emit('scale', { x: this.posX, y: this.posY, scale: this.scaleValueLive });
  }

  /** Ctrl+wheel (a trackpad pinch) scales, as two fingers would on a phone. */
  private wheelScale(event: WheelEvent): void {
    if (!this.prop<boolean>('scale') || this.prop<boolean>('disabled') || !event.ctrlKey) return;
    event.preventDefault();
    this.setScale(this.scaleValueLive * Math.exp(-event.deltaY / 200), false);
  }
}
