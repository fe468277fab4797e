// <canvas>: a real <canvas> in the shadow root. type="2d" / "webgl" expose it as `node` (the page sizes the
// bitmap itself, as in WeChat); a legacy canvas keeps its bitmap at CSS size × devicePixelRatio for the
// logic-side drawing context.
import type { CanvasAction } from './canvas-actions';
import { runCanvasActions } from './canvas-actions';
import { sheet, WxElement } from './wx-element';

const CANVAS_CSS = `
:host { display: block; }
:host([disable-scroll]) { touch-action: none; }
canvas { display: block; width: 100%; height: 100%; }
`;

export class WxCanvas extends WxElement {
  static override reflected = ['disable-scroll'];
  private canvas!: HTMLCanvasElement;
  private resizeObserver: ResizeObserver | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(CANVAS_CSS)];
    this.canvas = document.createElement('canvas');
    this.canvas.setAttribute('part', 'canvas');
    root.append(this.canvas);
  }

  /** The drawing surface (`SelectorQuery.fields({node: true})` for type="2d" / "webgl"). */
  get node(): HTMLCanvasElement {
    return this.canvas;
  }

  /**
   * CanvasContext.draw(reserve) of a legacy canvas: clears unless `reserve`, then replays the recorded calls
   * in CSS px. Resolves with the names of calls it did not understand.
   */
  async drawActions(actions: readonly CanvasAction[], reserve = false): Promise<string[]> {
    this.fitLegacyBitmap();
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return [];
    const ratio = this.canvas.width / Math.max(1, this.clientWidth);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (!reserve) ctx.clearRect(0, 0, this.clientWidth, this.clientHeight);
    ctx.save();
    try {
      return await runCanvasActions(ctx, actions);
    } finally {
      ctx.restore();
    }
  }

  private get legacy(): boolean {
    return !this.prop<string | null>('type');
  }

  protected override connected(): void {
    this.resizeObserver ??= new ResizeObserver(() => this.fitLegacyBitmap());
    this.resizeObserver.observe(this);
  }

  protected override disconnected(): void {
    this.resizeObserver?.disconnect();
  }

  protected override render(): void {
    this.fitLegacyBitmap();
  }

  private fitLegacyBitmap(): void {
    if (!this.legacy) return;
    const ratio = window.devicePixelRatio || 1;
    const width = Math.round(this.clientWidth * ratio);
    const height = Math.round(this.clientHeight * ratio);
    // Resizing clears the bitmap: only when the size really changed.
    if (this.canvas.width !== width) this.canvas.width = width;
    if (this.canvas.height !== height) this.canvas.height = height;
  }
}
