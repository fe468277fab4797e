/**
 * The `node` of a `<canvas type="2d">` (SelectorQuery `fields({node: true})`): a real OffscreenCanvas in the
 * Worker that user code draws on synchronously; after each frame with drawing, the view's <canvas> is given
 * an ImageBitmap copy of it. Images come from `canvas.createImage()`, decoded here with createImageBitmap.
 */
import { bytesToBase64 } from './encoding';
import { encodePng } from './png-encode';

/** Where a node's pixels go (the view's canvas) and how image sources are fetched. */
export interface CanvasNodeHost {
  /** Absent for an offscreen canvas, which nobody sees. */
  present?(bitmap: ImageBitmap): void;
  /** Bytes of an image source: package path, wxfile:// file or URL; rejects with a reason. */
  loadImage(src: string): Promise<Blob>;
  reportError(error: unknown, where: string): void;
}

type FrameCallback = (time: number) => void;
const frame = (callback: FrameCallback): number => {
  const native = (globalThis as { requestAnimationFrame?: (cb: FrameCallback) => number }).requestAnimationFrame;
  return native ? native(callback) : (setTimeout(() => callback(performance.now()), 16) as unknown as number);
};
const cancelFrame = (id: number): void => {
  const native = (globalThis as { cancelAnimationFrame?: (id: number) => void }).cancelAnimationFrame;
  if (native) native(id);
  else clearTimeout(id);
};

/** `canvas.createImage()`: set `src`, wait for `onload`, then draw it. */
export class CanvasImage {
  width = 0;
  height = 0;
  onload: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  /** The decoded pixels once loaded. */
  bitmap: ImageBitmap | undefined;
  private source = '';

  constructor(private readonly host: CanvasNodeHost) {}

  get src(): string {
    return this.source;
  }

  set src(value: string) {
    this.source = String(value ?? '');
    this.bitmap = undefined;
    const requested = this.source;
    void this.host
      .loadImage(requested)
      .then((blob) => createImageBitmap(blob))
      .then(
        (bitmap) => {
          if (this.source !== requested) return bitmap.close();
          this.bitmap = bitmap;
          this.width = bitmap.width;
          this.height = bitmap.height;
          this.call(this.onload, { type: 'load' });
        },
        (error: unknown) => {
          if (this.source !== requested) return;
          this.call(this.onerror, { type: 'error', errMsg: error instanceof Error ? error.message : String(error) });
        },
      );
  }

  get complete(): boolean {
    return this.bitmap !== undefined;
  }

  private call(listener: ((event: unknown) => void) | null, event: unknown): void {
    if (typeof listener !== 'function') return;
    try {
      listener.call(this, event);
    } catch (error) {
      this.host.reportError(error, 'canvas image listener');
    }
  }
}

/** Arguments that stand for images become what the native context draws. */
function drawable(arg: unknown): unknown {
  if (arg instanceof CanvasImage) return arg.bitmap;
  if (arg instanceof CanvasNode) return arg.surface;
  return arg;
}

const IMAGE_TAKING = new Set(['drawImage', 'createPattern']);

export class CanvasNode {
  readonly surface: OffscreenCanvas;
  private context: unknown;
  private presentQueued = false;

  constructor(
    private readonly host: CanvasNodeHost,
    width = 300,
    height = 150,
  ) {
    this.surface = new OffscreenCanvas(width, height);
  }

  get width(): number {
    return this.surface.width;
  }

  set width(value: number) {
    this.surface.width = Math.max(0, Math.floor(Number(value) || 0));
    this.changed();
  }

  get height(): number {
    return this.surface.height;
  }

  set height(value: number) {
    this.surface.height = Math.max(0, Math.floor(Number(value) || 0));
    this.changed();
  }

  getContext(type: string): unknown {
    if (this.context) return this.context;
    if (type !== '2d') {
      const gl = this.surface.getContext(type as 'webgl');
      this.context = gl ?? undefined;
      return gl;
    }
    const ctx = this.surface.getContext('2d');
    if (!ctx) return null;
    this.context = this.drawingProxy(ctx);
    return this.context;
  }

  createImage(): CanvasImage {
    return new CanvasImage(this.host);
  }

  createImageData(widthOrData: number | ImageData, height?: number): ImageData {
    if (widthOrData instanceof ImageData) return new ImageData(widthOrData.width, widthOrData.height);
    return new ImageData(Math.max(1, Number(widthOrData)), Math.max(1, Number(height)));
  }

  createPath2D(path?: Path2D | string): Path2D {
    return new Path2D(path);
  }

  requestAnimationFrame(callback: unknown): number {
    if (typeof callback !== 'function') return 0;
    return frame((time) => {
      try {
        (callback as FrameCallback)(time);
      } catch (error) {
        this.host.reportError(error, 'canvas.requestAnimationFrame callback');
      }
    });
  }

  cancelAnimationFrame(id: number): void {
    cancelFrame(id);
  }

  /** Synchronous, as in WeChat: PNG whatever `type` asks (the encoder the Worker has synchronously). */
  toDataURL(): string {
    const ctx = this.surface.getContext('2d');
    if (!ctx || this.surface.width === 0 || this.surface.height === 0) return 'data:,';
    const pixels = ctx.getImageData(0, 0, this.surface.width, this.surface.height);
    return `data:image/png;base64,${bytesToBase64(encodePng(pixels.width, pixels.height, pixels.data))}`;
  }

  /** canvasToTempFilePath of a node: encoded bytes of a region scaled to dest size. */
  async export(region: { x: number; y: number; width: number; height: number } | null, destWidth: number, destHeight: number, mimeType: string, quality: number): Promise<Uint8Array> {
    const source = region ?? { x: 0, y: 0, width: this.surface.width, height: this.surface.height };
    const target = new OffscreenCanvas(Math.max(1, Math.round(destWidth || source.width)), Math.max(1, Math.round(destHeight || source.height)));
    target.getContext('2d')?.drawImage(this.surface, source.x, source.y, source.width, source.height, 0, 0, target.width, target.height);
    const blob = await target.convertToBlob({ type: mimeType, quality });
    return new Uint8Array(await blob.arrayBuffer());
  }

  /** The 2d context itself, with image arguments unwrapped and each call scheduling a present. */
  private drawingProxy(ctx: OffscreenCanvasRenderingContext2D): unknown {
    const wrapped = new Map<PropertyKey, unknown>();
    return new Proxy(ctx, {
      get: (target, key) => {
        if (key === 'canvas') return this;
        const value = Reflect.get(target, key, target) as unknown;
        if (typeof value !== 'function') return value;
        let method = wrapped.get(key);
        if (!method) {
          const takesImages = IMAGE_TAKING.has(String(key));
          method = (...args: unknown[]) => {
            if (takesImages && args[0] !== undefined && drawable(args[0]) === undefined) return null; // an image not loaded yet draws nothing
            const result = (value as (...a: unknown[]) => unknown).apply(target, takesImages ? args.map(drawable) : args);
            this.changed();
            return result;
          };
          wrapped.set(key, method);
        }
        return method;
      },
      set: (target, key, value) => {
        Reflect.set(target, key, value, target);
        return true;
      },
    });
  }

  /** One present per frame at most; drawing during a present is picked up by the next one. */
  private changed(): void {
    if (this.presentQueued || !this.host.present) return;
    this.presentQueued = true;
    frame(() => {
      this.presentQueued = false;
      if (this.surface.width === 0 || this.surface.height === 0) return;
      void createImageBitmap(this.surface).then(
        (bitmap) => this.host.present?.(bitmap),
        () => undefined,
      );
    });
  }
}
