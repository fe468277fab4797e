// <swiper> and <swiper-item>: slides laid out by a generated shadow stylesheet (the runtime owns the items'
// inline styles), pointer-drag swiping, autoplay, circular wrap-around, vertical mode, indicator dots, and
// change {current, currentItemId, source} / transition {dx, dy} / animationfinish events.
import { claimPointer, releasePointer, startsInTextField } from './gesture-claim';
import { cssLength, sheet, WxElement } from './wx-element';

const SWIPER_CSS = `
:host { -webkit-user-select: none; user-select: none; }
.slides { position: absolute; inset: 0; overflow: visible; }
.dots { position: absolute; display: flex; justify-content: center; pointer-events: none; }
.dots.horizontal { left: 0; right: 0; bottom: 10px; flex-direction: row; }
.dots.vertical { top: 0; bottom: 0; right: 10px; flex-direction: column; }
.dot { width: 8px; height: 8px; border-radius: 50%; transition: background-color .3s; }
.dots.horizontal .dot { margin: 0 4px; }
.dots.vertical .dot { margin: 4px 0; }
`;

const EASINGS: Readonly<Record<string, (t: number) => number>> = {
  default: (t) => 1 - Math.pow(1 - t, 3),
  linear: (t) => t,
  easeInCubic: (t) => t * t * t,
  easeOutCubic: (t) => 1 - Math.pow(1 - t, 3),
  easeInOutCubic: (t) => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2),
};

const DRAG_THRESHOLD_PX = 6;
const FLICK_VELOCITY_PX_PER_MS = 0.4;

export type ChangeSource = 'touch' | 'autoplay' | '';

export class WxSwiper extends WxElement {
  private slides!: HTMLDivElement;
  private dots!: HTMLDivElement;
  private layout!: HTMLStyleElement;
  /** Index of the slide at rest; `position` is where the track is (fractional while moving). */
  private currentIndex = 0;
  private position = 0;
  private animation: number | undefined;
  private autoplayTimer: ReturnType<typeof setTimeout> | undefined;
  private dragging = false;
  private suppressClick = false;
  private observer: MutationObserver | undefined;
  /** Set while the swiper writes its own `current`, which must not start another move. */
  private syncingCurrent = false;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(SWIPER_CSS)];
    this.layout = document.createElement('style');
    this.slides = document.createElement('div');
    this.slides.className = 'slides';
    this.slides.setAttribute('part', 'slides');
    this.slides.append(document.createElement('slot'));
    this.dots = document.createElement('div');
    this.dots.setAttribute('part', 'indicator');
    root.append(this.layout, this.slides, this.dots);
    this.addEventListener('pointerdown', (event) => this.startDrag(event));
    this.addEventListener(
      'click',
      (event) => {
        if (!this.suppressClick) return;
        this.suppressClick = false;
        event.stopPropagation();
        event.preventDefault();
      },
      true,
    );
  }

  protected override connected(): void {
    this.observer ??= new MutationObserver(() => this.itemsChanged());
    this.observer.observe(this, { childList: true });
    this.itemsChanged();
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
    this.stopAutoplay();
    if (this.animation) cancelAnimationFrame(this.animation);
    this.animation = undefined;
  }

  private items(): HTMLElement[] {
    return Array.from(this.children).filter((child): child is HTMLElement => child.localName === 'wx-swiper-item');
  }

  private get count(): number {
    return this.items().length;
  }

  private get visibleCount(): number {
    return Math.max(1, Math.floor(this.prop<number>('displayMultipleItems') || 1));
  }

  /** Last index the track may rest on without showing empty space (non-circular). */
  private get lastIndex(): number {
    return Math.max(0, this.count - (this.prop<boolean>('circular') ? 1 : this.visibleCount));
  }

  get currentItemIdValue(): string {
    return this.items()[this.currentIndex]?.getAttribute('item-id') ?? (this.items()[this.currentIndex] as { itemId?: string } | undefined)?.itemId ?? '';
  }

  private itemsChanged(): void {
    // `current` may have arrived before the items did: settle on it without animation.
    const wanted = this.clampIndex(this.prop<number>('current'));
    if (!this.dragging && !this.animation && wanted !== this.currentIndex) this.currentIndex = this.position = wanted;
    if (this.currentIndex > this.lastIndex) {
      this.currentIndex = this.lastIndex;
      this.position = this.currentIndex;
    }
    this.render();
  }

  protected override propertyChanged(property: string, value: unknown, previous: unknown): void {
    // Before the first connection only the value is kept; connected() settles on it.
    if (this.syncingCurrent || !this.isSetUp) return;
    if (property === 'current' && !this.dragging) this.goTo(this.clampIndex(Number(value)), '', true);
    if (property === 'currentItemId' && value) {
      const index = this.items().findIndex((item) => (item.getAttribute('item-id') ?? (item as { itemId?: string }).itemId) === value);
      if (index >= 0) this.goTo(index, '', true);
    }
    if (property === 'autoplay' || property === 'interval') this.restartAutoplay();
    super.propertyChanged(property, value, previous);
  }

  private clampIndex(index: number): number {
    if (!Number.isFinite(index)) return 0;
    return Math.min(this.lastIndex, Math.max(0, Math.round(index)));
  }

  protected override render(): void {
    const vertical = this.prop<boolean>('vertical');
    const previousMargin = cssLength(this.prop('previousMargin'));
    const nextMargin = cssLength(this.prop('nextMargin'));
    this.slides.style.inset = vertical ? `${previousMargin} 0 ${nextMargin} 0` : `0 ${nextMargin} 0 ${previousMargin}`;
    this.writeLayout();
    this.renderDots();
    if (this.autoplayTimer === undefined) this.restartAutoplay();
  }

  /** Places every item at its offset from the track position (wrapping round when circular). */
  private writeLayout(): void {
    const count = this.count;
    const vertical = this.prop<boolean>('vertical');
    const circular = this.prop<boolean>('circular') && count > this.visibleCount;
    const size = 100 / this.visibleCount;
    // The page may still scroll across the swiper's axis (a horizontal swiper inside a vertical page).
    const rules: string[] = [
      `:host { touch-action: ${vertical ? 'pan-x' : 'pan-y'}; }`,
      `::slotted(wx-swiper-item) { ${vertical ? 'height' : 'width'}: ${size}% !important; }`,
    ];
    for (let index = 0; index < count; index++) {
      let offset = index - this.position;
      if (circular) {
        // Wrap into the window [-1, count - 1) so the item before the first sits on the left.
        offset = ((((offset + 1) % count) + count) % count) - 1;
      }
      const shift = `${(offset * 100).toFixed(4)}%`;
      rules.push(`::slotted(wx-swiper-item:nth-of-type(${index + 1})) { transform: ${vertical ? `translate3d(0, ${shift}, 0)` : `translate3d(${shift}, 0, 0)`} !important; }`);
    }
    const css = rules.join('\n');
    if (this.layout.textContent !== css) this.layout.textContent = css;
  }

  private renderDots(): void {
    const show = this.prop<boolean>('indicatorDots');
    this.dots.hidden = !show;
    if (!show) return;
    const vertical = this.prop<boolean>('vertical');
    this.dots.className = `dots ${vertical ? 'vertical' : 'horizontal'}`;
    const count = this.count;
    while (this.dots.children.length > count) this.dots.lastElementChild!.remove();
    while (this.dots.children.length < count) {
      const dot = document.createElement('span');
      dot.className = 'dot';
      this.dots.append(dot);
    }
    Array.from(this.dots.children).forEach((dot, index) => {
      const active = index === this.currentIndex;
      dot.setAttribute('part', active ? 'dot dot-active' : 'dot');
      (dot as HTMLElement).style.backgroundColor = active ? this.prop<string>('indicatorActiveColor') : this.prop<string>('indicatorColor');
    });
  }

  private slideSizePx(): number {
    const rect = this.slides.getBoundingClientRect();
    return (this.prop<boolean>('vertical') ? rect.height : rect.width) / this.visibleCount || 1;
  }

  private emitTransition(): void {
    const delta = (this.position - this.currentIndex) * this.slideSizePx();
    this.emit('transition', this.prop<boolean>('vertical') ? { dx: 0, dy: delta } : { dx: delta, dy: 0 });
  }

  /** Moves to `index` (animated unless `instant`), firing change when the current slide changes. */
  private goTo(index: number, source: ChangeSource, fromProperty = false, direction = 0): void {
    const count = this.count;
    if (count === 0) {
      this.currentIndex = this.position = 0;
      return;
    }
    const circular = this.prop<boolean>('circular') && count > this.visibleCount;
    const target = circular ? ((index % count) + count) % count : this.clampIndex(index);
    const changed = target !== this.currentIndex;
    // Circular moves go the short way round (or the way the finger went).
    let end = target;
    if (circular) {
      let distance = target - this.position;
      if (direction !== 0) distance = direction > 0 ? ((distance % count) + count) % count : -((((-distance) % count) + count) % count);
      else if (Math.abs(distance) > count / 2) distance -= Math.sign(distance) * count;
      end = this.position + distance;
    }
    this.currentIndex = target;
    if (changed) {
      const detail = { current: target, currentItemId: this.currentItemIdValue, source };
      // A `current` set by the page still fires change, with source '' ("other reasons" in WeChat's words).
      this.emit('change', fromProperty ? { ...detail, source: '' } : detail);
    }
    this.syncingCurrent = true;
    try {
      this.setProp('current', target);
    } finally {
      this.syncingCurrent = false;
    }
    this.slideTo(end, source);
    this.renderDots();
  }

  private slideTo(end: number, source: ChangeSource): void {
    if (this.animation) cancelAnimationFrame(this.animation);
    const start = this.position;
    const duration = Math.max(0, this.prop<number>('duration'));
    const ease = EASINGS[this.prop<string>('easingFunction')] ?? EASINGS.default!;
    const began = performance.now();
    const finish = (): void => {
      this.animation = undefined;
      this.position = this.currentIndex;
      this.writeLayout();
      this.emit('animationfinish', { current: this.currentIndex, currentItemId: this.currentItemIdValue, source });
      this.restartAutoplay();
    };
    if (duration === 0 || start === end) {
      finish();
      return;
    }
    const frame = (now: number): void => {
      const t = Math.min(1, (now - began) / duration);
      this.position = start + (end - start) * ease(t);
      this.writeLayout();
      this.emitTransition();
      if (t < 1) this.animation = requestAnimationFrame(frame);
      else finish();
    };
    this.animation = requestAnimationFrame(frame);
  }

  private stopAutoplay(): void {
    if (this.autoplayTimer !== undefined) clearTimeout(this.autoplayTimer);
    this.autoplayTimer = undefined;
  }

  private restartAutoplay(): void {
    this.stopAutoplay();
    if (!this.prop<boolean>('autoplay') || !this.isConnected || this.count <= 1 || this.dragging) return;
    this.autoplayTimer = setTimeout(() => {
      this.autoplayTimer = undefined;
      if (this.dragging || this.animation) return;
      const circular = this.prop<boolean>('circular');
      const next = this.currentIndex + 1 > this.lastIndex && !circular ? 0 : this.currentIndex + 1;
      this.goTo(next, 'autoplay', false, circular ? 1 : 0);
    }, Math.max(0, this.prop<number>('interval')));
  }

  private startDrag(event: PointerEvent): void {
    if (event.button !== 0 || this.prop<boolean>('disableTouch') || !this.prop<boolean>('touchable') || this.count === 0) return;
    if (startsInTextField(event)) return;
    const vertical = this.prop<boolean>('vertical');
    const start = vertical ? event.clientY : event.clientX;
    const cross = vertical ? event.clientX : event.clientY;
    const origin = this.position;
    let samples: { at: number; coordinate: number }[] = [{ at: event.timeStamp, coordinate: start }];
    let captured = false;
    const move = (moveEvent: PointerEvent): void => {
      const coordinate = vertical ? moveEvent.clientY : moveEvent.clientX;
      const delta = coordinate - start;
      if (!captured) {
        const crossDelta = (vertical ? moveEvent.clientX : moveEvent.clientY) - cross;
        if (Math.abs(delta) < DRAG_THRESHOLD_PX) {
          if (Math.abs(crossDelta) >= DRAG_THRESHOLD_PX) cleanup();
          return;
        }
        if (!claimPointer(moveEvent.pointerId, this)) {
          cleanup();
          return;
        }
        captured = true;
        this.dragging = true;
        this.stopAutoplay();
        if (this.animation) cancelAnimationFrame(this.animation);
        this.animation = undefined;
        this.setPointerCapture(moveEvent.pointerId);
      }
      samples = [...samples.filter((sample) => moveEvent.timeStamp - sample.at < 100), { at: moveEvent.timeStamp, coordinate }];
      let position = origin - delta / this.slideSizePx();
      if (!this.prop<boolean>('circular')) {
        // Rubber band past the ends.
        if (position < 0) position *= 0.3;
        if (position > this.lastIndex) position = this.lastIndex + (position - this.lastIndex) * 0.3;
      }
      this.position = position;
      this.writeLayout();
      this.emitTransition();
    };
    const cleanup = (): void => {
      this.removeEventListener('pointermove', move);
      this.removeEventListener('pointerup', end);
      this.removeEventListener('pointercancel', end);
    };
    const end = (endEvent: PointerEvent): void => {
      cleanup();
      if (!captured) return;
      releasePointer(endEvent.pointerId, this);
      this.dragging = false;
      this.suppressClick = true;
      setTimeout(() => (this.suppressClick = false), 0);
      const first = samples[0]!;
      const coordinate = vertical ? endEvent.clientY : endEvent.clientX;
      const velocity = (coordinate - first.coordinate) / Math.max(1, endEvent.timeStamp - first.at);
      const moved = this.position - this.currentIndex;
      let step = Math.round(moved);
      if (step === 0 && Math.abs(velocity) > FLICK_VELOCITY_PX_PER_MS) step = velocity < 0 ? 1 : -1;
      const circular = this.prop<boolean>('circular');
      const base = this.currentIndex;
      const next = circular ? base + step : this.clampIndex(base + step);
      this.goTo(next, 'touch', false, step);
    };
    this.addEventListener('pointermove', move);
    this.addEventListener('pointerup', end);
    this.addEventListener('pointercancel', end);
  }
}
