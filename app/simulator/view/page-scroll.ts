/**
 * The page's own scrolling: `onPageScroll` (once per frame), `onReachBottom` (once per arrival within
 * onReachBottomDistance) and pull-down refresh (a drag down at the top when enablePullDownRefresh is on).
 */
import type { PageWindowConfig, ViewToWorker } from '../protocol';

const PULL_TRIGGER_PX = 60;

export class PageScroll {
  private reachBottomDistance = 50;
  private pullDownEnabled = false;
  private atBottom = false;
  private framePending = false;
  private readonly indicator: HTMLElement;
  private dragStartY: number | undefined;
  private refreshing = false;

  constructor(
    private readonly doc: Document,
    private readonly send: (message: ViewToWorker) => void,
  ) {
    this.indicator = doc.createElement('div');
    this.indicator.className = 'wx-pull-down';
    this.indicator.innerHTML = '<i></i><i></i><i></i>';
    const win = doc.defaultView ?? window;
    win.addEventListener('scroll', () => this.onScroll(), { passive: true });
    doc.addEventListener('pointerdown', (ev) => {
      this.dragStartY = this.scrollTop() <= 0 && this.pullDownEnabled ? ev.clientY : undefined;
    });
    doc.addEventListener('pointermove', (ev) => {
      if (this.dragStartY !== undefined && ev.buttons && ev.clientY - this.dragStartY > PULL_TRIGGER_PX) {
        this.dragStartY = undefined;
        this.setRefreshing(true, true);
      }
    });
    doc.addEventListener('pointerup', () => {
      this.dragStartY = undefined;
    });
    win.addEventListener('wheel', (ev) => {
      if (this.pullDownEnabled && ev.deltaY < -40 && this.scrollTop() <= 0) this.setRefreshing(true, true);
    });
  }

  configure(config: PageWindowConfig): void {
    this.reachBottomDistance = config.onReachBottomDistance ?? 50;
    this.pullDownEnabled = config.enablePullDownRefresh === true;
    this.indicator.style.color = config.backgroundTextStyle === 'light' ? '#fff' : '#999';
    this.doc.documentElement.style.overflow = config.disableScroll ? 'hidden' : '';
  }

  /** Shows or hides the refresh indicator; a new refresh calls the page's onPullDownRefresh. */
  setRefreshing(active: boolean, notify: boolean): void {
    if (active === this.refreshing) return;
    this.refreshing = active;
    if (active && !this.indicator.isConnected) this.doc.body.prepend(this.indicator);
    this.indicator.classList.toggle('active', active);
    if (active && notify) this.send({ kind: 'pull-down' });
  }

  contentChanged(): void {
    this.checkBottom();
  }

  private scrollTop(): number {
    return (this.doc.scrollingElement ?? this.doc.documentElement).scrollTop;
  }

  private onScroll(): void {
    if (this.framePending) return;
    this.framePending = true;
    requestAnimationFrame(() => {
      this.framePending = false;
      const el = this.doc.scrollingElement ?? this.doc.documentElement;
      this.send({ kind: 'page-scroll', scrollTop: el.scrollTop, scrollHeight: el.scrollHeight, clientHeight: el.clientHeight });
      this.checkBottom();
    });
  }

  private checkBottom(): void {
    const el = this.doc.scrollingElement ?? this.doc.documentElement;
    if (el.scrollHeight <= el.clientHeight) {
      this.atBottom = false;
      return;
    }
    const near = el.scrollTop + el.clientHeight >= el.scrollHeight - this.reachBottomDistance;
    if (near && !this.atBottom) this.send({ kind: 'reach-bottom' });
    this.atBottom = near;
  }
}
