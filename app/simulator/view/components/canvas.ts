// <canvas>: a real <canvas> in the shadow root. type="2d" / "webgl" expose it as `node` (the page sizes the
// bitmap itself, as in WeChat); a legacy canvas keeps its bitmap at CSS size × devicePixelRatio for the
// logic-side drawing context.
import type { CanvasAction, CanvasRegion, NodeCall } from '../../protocol';
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
  async drawActions(actions: readonly CanvasAction[], reserve = false, resolveSrc?: (src: string) => string): Promise<string[]> {
    this.fitLegacyBitmap();
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return [];
    const ratio = this.canvas.width / Math.max(1, this.clientWidth);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    if (!reserve) ctx.clearRect(0, 0, this.clientWidth, this.clientHeight);
    ctx.save();
    try {
      return await runCanvasActions(ctx, actions, resolveSrc);
    } finally {
      ctx.restore();
    }
  }

  /** A request from the logic layer (protocol `node-call`). */
  async nodeCall(call: NodeCall, resolveSrc: (src: string) => string): Promise<unknown> {
    switch (call.op) {
      case 'canvas-draw':
        return { unknown: await this.drawActions(call.actions, call.reserve, resolveSrc) };
      case 'canvas-present':
        this.present(call.bitmap as ImageBitmap);
        return {};
      case 'canvas-export':
        return { dataUrl: this.exportRegion(call.region, call.destWidth, call.destHeight, call.mimeType, call.quality) };
      case 'canvas-get-image-data': {
        const copy = this.copyRegion(call.region, call.region.width, call.region.height);
        const data = copy?.getContext('2d')?.getImageData(0, 0, copy.width, copy.height).data;
        return { width: call.region.width, height: call.region.height, data: data ?? new Uint8ClampedArray(0) };
      }
      case 'canvas-put-image-data':
        this.putRegion(call.region, call.data);
        return {};
    }
  }

  /** A type="2d" node draws in the Worker; its bitmap size is the node's width/height, as in WeChat. */
  private present(bitmap: ImageBitmap): void {
    if (this.canvas.width !== bitmap.width) this.canvas.width = bitmap.width;
    if (this.canvas.height !== bitmap.height) this.canvas.height = bitmap.height;
    const ctx = this.canvas.getContext('2d');
    ctx?.clearRect(0, 0, this.canvas.width, this.canvas.height);
    ctx?.drawImage(bitmap, 0, 0);
    bitmap.close();
  }

  /** Bitmap pixels per CSS px of a legacy canvas (the page sizes a 2d canvas's bitmap itself). */
  private get bitmapRatio(): number {
    return this.legacy ? this.canvas.width / Math.max(1, this.clientWidth) : 1;
  }

  private copyRegion(region: CanvasRegion | null, width: number, height: number): HTMLCanvasElement | undefined {
    const ratio = this.bitmapRatio;
    const source = region ?? { x: 0, y: 0, width: this.canvas.width / ratio, height: this.canvas.height / ratio };
    const copy = document.createElement('canvas');
    copy.width = Math.max(1, Math.round(width));
    copy.height = Math.max(1, Math.round(height));
    const ctx = copy.getContext('2d');
    if (!ctx || source.width <= 0 || source.height <= 0) return undefined;
    ctx.drawImage(this.canvas, source.x * ratio, source.y * ratio, source.width * ratio, source.height * ratio, 0, 0, copy.width, copy.height);
    return copy;
  }

  private exportRegion(region: CanvasRegion | null, destWidth: number, destHeight: number, mimeType: string, quality: number): string {
    const ratio = this.bitmapRatio;
    const width = destWidth > 0 ? destWidth : (region?.width ?? this.canvas.width / ratio) * (window.devicePixelRatio || 1);
    const height = destHeight > 0 ? destHeight : (region?.height ?? this.canvas.height / ratio) * (window.devicePixelRatio || 1);
    try {
      return this.copyRegion(region, width, height)?.toDataURL(mimeType, quality) ?? '';
    } catch {
      return ''; // a cross-origin image tainted the canvas
    }
  }

  private putRegion(region: CanvasRegion, data: Uint8ClampedArray): void {
    const width = Math.round(region.width);
    const height = Math.round(region.height);
    if (width <= 0 || height <= 0 || data.length !== width * height * 4) return;
    this.fitLegacyBitmap();
    const scratch = document.createElement('canvas');
    scratch.width = width;
    scratch.height = height;
    scratch.getContext('2d')?.putImageData(new ImageData(new Uint8ClampedArray(data), width, height), 0, 0);
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    const ratio = this.bitmapRatio;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(region.x * ratio, region.y * ratio, width * ratio, height * ratio);
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(scratch, region.x * ratio, region.y * ratio, width * ratio, height * ratio);
    ctx.restore();
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
