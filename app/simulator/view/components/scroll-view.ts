// <scroll-view>: the element itself scrolls (so page WXSS lays its children out directly). scroll-top,
// scroll-left and scroll-into-view are both WeChat attributes and Element's own scrollTop / scrollLeft /
// scrollIntoView(): reading gives the live offset or the native method. A mouse drag scrolls as a finger would.
import { claimedByOther, claimPointer, releasePointer, startsInTextField } from './gesture-claim';
import type { Refresher } from './scroll-view-refresher';
import { attachRefresher, attachTouchPull } from './scroll-view-refresher';
import { lengthToPx, sheet, WxElement } from './wx-element';

const SCROLL_VIEW_CSS = `
:host { -webkit-overflow-scrolling: touch; scrollbar-width: none; position: relative; }
:host::-webkit-scrollbar { display: none; }
.refresher { overflow: hidden; height: 0; position: relative; }
`;

const DRAG_THRESHOLD_PX = 6;
const nativeScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;
const nativeScrollLeft = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollLeft')!;

function thresholdPx(value: unknown): number {
  return lengthToPx(value, 50);
}

/** A scroll-top / scroll-left value in px, or undefined when unset. */
function offsetPx(value: unknown): number | undefined {
  return value === null || value === undefined || value === '' ? undefined : lengthToPx(value);
}

export class WxScrollView extends WxElement {
  private hostStyle!: HTMLStyleElement;
  private last = { top: 0, left: 0 };
  private suppressClick = false;
  private refresher!: Refresher;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(SCROLL_VIEW_CSS)];
    this.hostStyle = document.createElement('style');
    root.append(this.hostStyle);
    this.refresher = attachRefresher(this, root);
    attachTouchPull(this, this.refresher);
    root.append(document.createElement('slot'));
    this.addEventListener('scroll', () => this.scrolled(), { passive: true });
    this.addEventListener('pointerdown', (event) => this.dragScroll(event));
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

  get liveScrollTop(): number {
    return nativeScrollTop.get!.call(this) as number;
  }

  get liveScrollLeft(): number {
    return nativeScrollLeft.get!.call(this) as number;
  }

  override get scrollTop(): number {
    return this.liveScrollTop;
  }

  override set scrollTop(value: unknown) {
    this.setProp('scrollTop', value);
    this.scrollToOffset({ top: offsetPx(this.prop('scrollTop')) });
  }

  override get scrollLeft(): number {
    return this.liveScrollLeft;
  }

  override set scrollLeft(value: unknown) {
    this.setProp('scrollLeft', value);
    this.scrollToOffset({ left: offsetPx(this.prop('scrollLeft')) });
  }

  /** Scrolls now, and again after layout in case the content it scrolls to is still being appended. */
  private scrollToOffset(target: { top?: number; left?: number }): void {
    if (target.top === undefined && target.left === undefined) return;
    const behavior: ScrollBehavior = this.prop<boolean>('scrollWithAnimation') ? 'smooth' : 'instant';
    this.scrollTo({ ...target, behavior });
    requestAnimationFrame(() => {
      const missed =
        (target.top !== undefined && Math.abs(this.liveScrollTop - target.top) > 1) || (target.left !== undefined && Math.abs(this.liveScrollLeft - target.left) > 1);
      if (missed && behavior === 'instant') this.scrollTo({ ...target, behavior });
    });
  }

  /** Scrolls the child with this id to the top (or left) edge, minus scroll-into-view-offset. */
  revealChild(id: string): void {
    if (!id) return;
    const child = this.querySelector(`#${CSS.escape(id)}`);
    if (!child) return;
    const mine = this.getBoundingClientRect();
    const theirs = child.getBoundingClientRect();
    const offset = lengthToPx(this.prop('scrollIntoViewOffset'));
    this.scrollToOffset({
      top: this.prop<boolean>('scrollY') ? this.liveScrollTop + theirs.top - mine.top - offset : undefined,
      left: this.prop<boolean>('scrollX') ? this.liveScrollLeft + theirs.left - mine.left - offset : undefined,
    });
  }

  protected override render(): void {
    const x = this.prop<boolean>('scrollX');
    const y = this.prop<boolean>('scrollY');
    const css =
      `:host { overflow-x: ${x ? 'auto' : 'hidden'} !important; overflow-y: ${y ? 'auto' : 'hidden'} !important;` +
      ` overflow-anchor: ${this.prop<boolean>('scrollAnchoring') ? 'auto' : 'none'};` +
      (this.prop<boolean>('pagingEnabled') ? ` scroll-snap-type: ${y ? 'y' : 'x'} mandatory; } ::slotted(*) { scroll-snap-align: start; }` : ' }');
    if (this.hostStyle.textContent !== css) this.hostStyle.textContent = css;
    this.refresher.sync();
  }

  protected override connected(): void {
    const top = offsetPx(this.prop('scrollTop'));
    const left = offsetPx(this.prop('scrollLeft'));
    requestAnimationFrame(() => {
      this.scrollToOffset({ top, left });
      const id = this.prop<string | null>('scrollIntoView');
      if (id) this.revealChild(id);
    });
  }

  private scrolled(): void {
    const top = this.liveScrollTop;
    const left = this.liveScrollLeft;
    const previous = this.last;
    this.last = { top, left };
    this.emit('scroll', {
      scrollLeft: left,
      scrollTop: top,
      scrollHeight: this.scrollHeight,
      scrollWidth: this.scrollWidth,
      deltaX: left - previous.left,
      deltaY: top - previous.top,
    });
    const upper = thresholdPx(this.prop('upperThreshold'));
    const lower = thresholdPx(this.prop('lowerThreshold'));
    if (this.prop<boolean>('scrollY')) {
      const bottomGap = (offset: number): number => this.scrollHeight - this.clientHeight - offset;
      if (top < previous.top && top <= upper && previous.top > upper) this.emit('scrolltoupper', { direction: 'top' });
      if (top > previous.top && bottomGap(top) <= lower && bottomGap(previous.top) > lower) this.emit('scrolltolower', { direction: 'bottom' });
    }
    if (this.prop<boolean>('scrollX')) {
      const rightGap = (offset: number): number => this.scrollWidth - this.clientWidth - offset;
      if (left < previous.left && left <= upper && previous.left > upper) this.emit('scrolltoupper', { direction: 'left' });
      if (left > previous.left && rightGap(left) <= lower && rightGap(previous.left) > lower) this.emit('scrolltolower', { direction: 'right' });
    }
  }

  /** Mouse drags scroll like a finger (the simulator stands in for a touch screen). */
  private dragScroll(event: PointerEvent): void {
    if (event.pointerType !== 'mouse' || event.button !== 0 || startsInTextField(event)) return;
    const startX = event.clientX;
    const startY = event.clientY;
    const origin = { top: this.liveScrollTop, left: this.liveScrollLeft };
    let dragging = false;
    const move = (moveEvent: PointerEvent): void => {
      const dx = moveEvent.clientX - startX;
      const dy = moveEvent.clientY - startY;
      if (claimedByOther(moveEvent.pointerId, this)) {
        // An inner slider, swiper or scroll-view took this drag.
        end(moveEvent);
        return;
      }
      if (!dragging) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
        // Only drag along an axis this view scrolls; the other axis belongs to an outer scroller.
        const alongY = Math.abs(dy) >= Math.abs(dx);
        if ((alongY && !this.prop<boolean>('scrollY')) || (!alongY && !this.prop<boolean>('scrollX'))) return;
        if (!claimPointer(moveEvent.pointerId, this)) return;
        dragging = true;
        this.setPointerCapture(moveEvent.pointerId);
        if (this.prop<boolean>('enhanced')) this.emit('dragstart', { scrollLeft: origin.left, scrollTop: origin.top });
      }
      const overscroll = dy - origin.top;
      if (this.refresher.enabled && this.prop<boolean>('scrollY') && overscroll > 0) this.refresher.pull(overscroll);
      this.scrollTo({ top: origin.top - dy, left: origin.left - dx, behavior: 'instant' });
      if (this.prop<boolean>('enhanced')) this.emit('dragging', { scrollLeft: this.liveScrollLeft, scrollTop: this.liveScrollTop });
    };
    const end = (endEvent: PointerEvent): void => {
      this.removeEventListener('pointermove', move);
      this.removeEventListener('pointerup', end);
      this.removeEventListener('pointercancel', end);
      if (!dragging) return;
      releasePointer(endEvent.pointerId, this);
      this.refresher.release();
      this.suppressClick = true;
      setTimeout(() => (this.suppressClick = false), 0);
      if (this.prop<boolean>('enhanced')) this.emit('dragend', { scrollLeft: this.liveScrollLeft, scrollTop: this.liveScrollTop, velocity: { x: 0, y: 0 } });
    };
    this.addEventListener('pointermove', move);
    this.addEventListener('pointerup', end);
    this.addEventListener('pointercancel', end);
  }
}

// scroll-into-view is WeChat's attribute and Element.scrollIntoView() at once.
Object.defineProperty(WxScrollView.prototype, 'scrollIntoView', {
  configurable: true,
  get(this: WxScrollView) {
    return (arg?: boolean | ScrollIntoViewOptions) => Element.prototype.scrollIntoView.call(this, arg);
  },
  set(this: WxScrollView, id: unknown) {
    this.setProp('scrollIntoView', id);
    const value = this.prop<string | null>('scrollIntoView');
    if (value && this.isConnected) this.revealChild(value);
  },
});
