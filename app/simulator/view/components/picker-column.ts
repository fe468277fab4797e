// One scrolling column of the picker sheet: items snap to the centre band; when scrolling settles the
// column reports its index. Mouse users can drag, wheel or click an item.

export const ITEM_HEIGHT_PX = 34;
export const VISIBLE_ITEMS = 7;

export const PICKER_COLUMN_CSS = `
.column {
  position: relative; flex: 1; height: ${ITEM_HEIGHT_PX * VISIBLE_ITEMS}px; overflow-y: scroll; scrollbar-width: none;
  scroll-snap-type: y mandatory; overscroll-behavior: contain; touch-action: pan-y;
  padding: ${(ITEM_HEIGHT_PX * (VISIBLE_ITEMS - 1)) / 2}px 0; box-sizing: border-box;
}
.column::-webkit-scrollbar { display: none; }
.item {
  height: ${ITEM_HEIGHT_PX}px; line-height: ${ITEM_HEIGHT_PX}px; text-align: center; white-space: nowrap; overflow: hidden;
  text-overflow: ellipsis; scroll-snap-align: center; color: #000000; font-size: 17px; cursor: pointer; padding: 0 4px;
}
`;

export class PickerColumn {
  readonly element: HTMLDivElement;
  private labels: readonly string[] = [];
  private settled = 0;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private picking = false;

  constructor(
    private readonly onSettle: (index: number) => void,
    private readonly onPickStart: () => void = () => {},
  ) {
    this.element = document.createElement('div');
    this.element.className = 'column';
    this.element.setAttribute('part', 'column');
    this.element.addEventListener('scroll', () => this.scrolled(), { passive: true });
    this.element.addEventListener('scrollend', () => this.settle());
    this.element.addEventListener('click', (event) => {
      const item = (event.target as Element).closest('.item');
      if (item) this.scrollToIndex(Number((item as HTMLElement).dataset.index), true);
    });
    this.element.addEventListener('pointerdown', (event) => this.drag(event));
  }

  get index(): number {
    return this.settled;
  }

  /** Replaces the labels (when they differ) and shows `index` without animation. */
  setItems(labels: readonly string[], index: number): void {
    const same = labels.length === this.labels.length && labels.every((text, i) => text === this.labels[i]);
    if (!same) {
      this.labels = [...labels];
      this.element.replaceChildren(
        ...labels.map((text, i) => {
          const item = document.createElement('div');
          item.className = 'item';
          item.dataset.index = String(i);
          item.textContent = text;
          return item;
        }),
      );
    }
    this.settled = Math.max(0, Math.min(labels.length - 1, index));
    if (this.currentIndex() !== this.settled || !same) this.scrollToIndex(this.settled, false);
  }

  scrollToIndex(index: number, smooth: boolean): void {
    this.element.scrollTo({ top: index * ITEM_HEIGHT_PX, behavior: smooth ? 'smooth' : 'instant' });
  }

  private currentIndex(): number {
    return Math.max(0, Math.min(this.labels.length - 1, Math.round(this.element.scrollTop / ITEM_HEIGHT_PX)));
  }

  private scrolled(): void {
    if (!this.picking) {
      this.picking = true;
      this.onPickStart();
    }
    // scrollend is the signal; the timer covers scrolls that end without one.
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.settle(), 150);
  }

  private settle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    this.settleTimer = undefined;
    this.picking = false;
    const index = this.currentIndex();
    if (index === this.settled) return;
    this.settled = index;
    this.onSettle(index);
  }

  private drag(event: PointerEvent): void {
    if (event.pointerType !== 'mouse' || event.button !== 0) return;
    const startY = event.clientY;
    const origin = this.element.scrollTop;
    let dragging = false;
    const move = (moveEvent: PointerEvent): void => {
      const dy = moveEvent.clientY - startY;
      if (!dragging && Math.abs(dy) < 4) return;
      if (!dragging) {
        dragging = true;
        this.element.setPointerCapture(moveEvent.pointerId);
        this.element.style.scrollSnapType = 'none';
      }
      this.element.scrollTop = origin - dy;
    };
    const end = (): void => {
      this.element.removeEventListener('pointermove', move);
      this.element.removeEventListener('pointerup', end);
      this.element.removeEventListener('pointercancel', end);
      if (!dragging) return;
      this.element.style.scrollSnapType = '';
      this.scrollToIndex(this.currentIndex(), true);
    };
    this.element.addEventListener('pointermove', move);
    this.element.addEventListener('pointerup', end);
    this.element.addEventListener('pointercancel', end);
  }
}
