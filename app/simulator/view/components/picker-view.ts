// <picker-view> and <picker-view-column>: an inline picker whose columns are the user's own items. Each
// column snaps its items to the indicator band; when scrolling ends the view fires change {value: [indexes]}
// (pickstart / pickend around each scroll).
import { sheet, WxElement } from './wx-element';

const DEFAULT_ITEM_HEIGHT_PX = 34;

const PICKER_VIEW_CSS = `
:host { display: block; position: relative; overflow: hidden; }
.wrapper { display: flex; height: 100%; position: relative; }
.mask {
  position: absolute; inset: 0; pointer-events: none; z-index: 2;
  background-image: linear-gradient(180deg, rgba(255, 255, 255, .95), rgba(255, 255, 255, .6)), linear-gradient(0deg, rgba(255, 255, 255, .95), rgba(255, 255, 255, .6));
  background-position: top, bottom; background-repeat: no-repeat;
}
.indicator {
  position: absolute; left: 0; right: 0; pointer-events: none; z-index: 3; box-sizing: border-box;
  border-top: 1px solid #e5e5e5; border-bottom: 1px solid #e5e5e5;
}
`;

const COLUMN_CSS = `
:host { display: block; flex: 1; position: relative; height: 100%; overflow: hidden; }
.scroller {
  height: 100%; overflow-y: scroll; scrollbar-width: none; scroll-snap-type: y mandatory; overscroll-behavior: contain;
}
.scroller::-webkit-scrollbar { display: none; }
::slotted(*) { scroll-snap-align: center; overflow: hidden; height: var(--wx-picker-item-height, 34px) !important; box-sizing: border-box; }
`;

export class WxPickerView extends WxElement {
  private mask!: HTMLDivElement;
  private indicator!: HTMLDivElement;
  private picking = 0;
  private resizeObserver: ResizeObserver | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(PICKER_VIEW_CSS)];
    root.innerHTML = '<div class="wrapper" part="wrapper"><slot></slot></div><div class="mask" part="mask"></div><div class="indicator" part="indicator"></div>';
    this.mask = root.querySelector('.mask')!;
    this.indicator = root.querySelector('.indicator')!;
    this.indicator.addEventListener('transitionend', () => this.layout());
  }

  protected override connected(): void {
    this.resizeObserver ??= new ResizeObserver(() => this.layout());
    this.resizeObserver.observe(this);
  }

  protected override disconnected(): void {
    this.resizeObserver?.disconnect();
  }

  columns(): WxPickerViewColumn[] {
    return Array.from(this.children).filter((child): child is WxPickerViewColumn => child instanceof WxPickerViewColumn);
  }

  /** The indicator's height decides the item height, as in WeChat (indicator-style="height: 50px"). */
  get itemHeight(): number {
    return this.indicator.getBoundingClientRect().height || DEFAULT_ITEM_HEIGHT_PX;
  }

  protected override render(): void {
    this.indicator.style.cssText = `height: ${DEFAULT_ITEM_HEIGHT_PX}px; ${this.prop<string | null>('indicatorStyle') ?? ''}`;
    this.mask.style.cssText = this.prop<string | null>('maskStyle') ?? '';
    this.layout();
    const value = this.prop<unknown[]>('value');
    this.columns().forEach((column, i) => column.showIndex(Number(value[i] ?? 0)));
  }

  refresh(): void {
    this.render();
  }

  layout(): void {
    const height = this.getBoundingClientRect().height;
    const item = this.itemHeight;
    const band = Math.max(0, (height - item) / 2);
    this.indicator.style.top = `${band}px`;
    this.mask.style.backgroundSize = `100% ${band}px`;
    for (const column of this.columns()) column.layout(item, band);
  }

  pickStarted(): void {
    if (this.picking++ === 0) this.emit('pickstart', {});
  }

  columnSettled(): void {
    const value = this.columns().map((column) => column.index);
    this.setProp('value', value);
    this.emit('change', { value });
    if (this.picking > 0) {
      this.picking = 0;
      this.emit('pickend', {});
    }
  }
}

export class WxPickerViewColumn extends WxElement {
  private scroller!: HTMLDivElement;
  private top!: HTMLDivElement;
  private bottom!: HTMLDivElement;
  private itemHeight = DEFAULT_ITEM_HEIGHT_PX;
  private settled = 0;
  private moving = false;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(COLUMN_CSS)];
    root.innerHTML = '<div class="scroller" part="scroller"><div class="pad"></div><slot></slot><div class="pad"></div></div>';
    this.scroller = root.querySelector('.scroller')!;
    [this.top, this.bottom] = Array.from(root.querySelectorAll<HTMLDivElement>('.pad')) as [HTMLDivElement, HTMLDivElement];
    this.scroller.addEventListener('scroll', () => this.scrolled(), { passive: true });
    this.scroller.addEventListener('scrollend', () => this.settle());
    this.scroller.addEventListener('wheel', () => this.view()?.pickStarted(), { passive: true });
  }

  protected override connected(): void {
    this.observer ??= new MutationObserver(() => this.view()?.layout());
    this.observer.observe(this, { childList: true });
    requestAnimationFrame(() => this.view()?.refresh());
  }

  protected override disconnected(): void {
    this.observer?.disconnect();
  }

  private view(): WxPickerView | null {
    return this.parentElement instanceof WxPickerView ? this.parentElement : null;
  }

  private get itemCount(): number {
    return this.children.length;
  }

  get index(): number {
    return this.settled;
  }

  layout(itemHeight: number, band: number): void {
    this.itemHeight = itemHeight;
    this.top.style.height = this.bottom.style.height = `${band}px`;
    this.scroller.style.setProperty('--wx-picker-item-height', `${itemHeight}px`);
    this.scroller.scrollTo({ top: this.settled * itemHeight, behavior: 'instant' });
  }

  showIndex(index: number): void {
    this.settled = Math.max(0, Math.min(this.itemCount - 1, Number.isFinite(index) ? Math.round(index) : 0));
    this.scroller.scrollTo({ top: this.settled * this.itemHeight, behavior: 'instant' });
  }

  private scrolled(): void {
    const expected = this.settled * this.itemHeight;
    if (!this.moving && Math.abs(this.scroller.scrollTop - expected) > 1) {
      this.moving = true;
      this.view()?.pickStarted();
    }
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), 150);
  }

  private settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.moving = false;
    const index = Math.max(0, Math.min(this.itemCount - 1, Math.round(this.scroller.scrollTop / this.itemHeight)));
    if (index === this.settled) return;
    this.settled = index;
    this.view()?.columnSettled();
  }
}
