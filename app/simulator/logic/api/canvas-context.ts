/**
 * WeChat's legacy CanvasContext (`wx.createCanvasContext`): the logic layer has no canvas of its own, so every
 * drawing call is recorded and `draw()` sends the list to the view, which replays it on the real <canvas>.
 * measureText is answered here, with an OffscreenCanvas that knows the same fonts as the view.
 */
import type { CanvasAction } from '../../protocol';

/** How `draw()` reaches the view; resolves with the calls the view did not understand (null: no canvas). */
export type CanvasDrawSink = (actions: readonly CanvasAction[], reserve: boolean) => Promise<readonly string[] | null>;

/** A gradient as the view rebuilds it (protocol-safe, unlike a real CanvasGradient). */
export class CanvasGradientDescription {
  readonly stops: [number, string][] = [];
  constructor(
    readonly kind: 'linear' | 'radial' | 'circular',
    readonly args: readonly number[],
  ) {}

  addColorStop(offset: number, color: string): void {
    this.stops.push([Number(offset), String(color)]);
  }

  toJSON(): Record<string, unknown> {
    return { kind: this.kind, args: this.args, stops: this.stops };
  }
}

/** Properties newer code assigns (`ctx.fillStyle = …`), replayed in order with the method calls. */
const ASSIGNABLE = [
  'fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'globalAlpha', 'globalCompositeOperation',
  'font', 'textAlign', 'textBaseline', 'shadowBlur', 'shadowColor', 'shadowOffsetX', 'shadowOffsetY', 'lineDashOffset',
] as const;

/** Calls recorded as they are (their arguments are numbers and strings). */
const PLAIN_CALLS = [
  'setStrokeStyle', 'setFillStyle', 'setShadow', 'setLineWidth', 'setLineCap', 'setLineJoin', 'setMiterLimit', 'setLineDash',
  'setGlobalAlpha', 'setTextAlign', 'setTextBaseline', 'rect', 'fillRect', 'strokeRect', 'clearRect', 'fill', 'stroke',
  'beginPath', 'closePath', 'moveTo', 'lineTo', 'arc', 'arcTo', 'ellipse', 'bezierCurveTo', 'quadraticCurveTo', 'scale',
  'rotate', 'translate', 'transform', 'setTransform', 'clip', 'fillText', 'strokeText', 'save', 'restore', 'drawImage',
] as const;

let measuring: OffscreenCanvasRenderingContext2D | null | undefined;
function measuringContext(): OffscreenCanvasRenderingContext2D | null {
  if (measuring === undefined) measuring = typeof OffscreenCanvas === 'undefined' ? null : new OffscreenCanvas(1, 1).getContext('2d');
  return measuring;
}

export class CanvasContext {
  private actions: CanvasAction[] = [];
  private fontSize = 10;
  private fontText = '10px sans-serif';
  private readonly values: Record<string, unknown> = {};
  [key: string]: unknown;

  constructor(
    readonly canvasId: string,
    private readonly sink: CanvasDrawSink,
    private readonly onUnknown: (methods: readonly string[]) => void,
  ) {
    for (const method of PLAIN_CALLS) {
      this[method] = (...args: unknown[]) => this.record(method, args);
    }
    for (const name of ASSIGNABLE) {
      Object.defineProperty(this, name, {
        get: () => this.values[name],
        set: (value: unknown) => {
          this.values[name] = value;
          if (name === 'font') this.trackFont(String(value));
          this.record('set', [name, value]);
        },
        enumerable: true,
      });
    }
  }

  setFontSize(size: number): void {
    this.fontSize = Number(size);
    this.fontText = this.fontText.replace(/\d+(\.\d+)?px/, `${this.fontSize}px`);
    this.record('setFontSize', [size]);
  }

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): CanvasGradientDescription {
    return new CanvasGradientDescription('linear', [x0, y0, x1, y1].map(Number));
  }

  /** WeChat's circular gradient: centre and radius. */
  createCircularGradient(x: number, y: number, r: number): CanvasGradientDescription {
    return new CanvasGradientDescription('circular', [x, y, r].map(Number));
  }

  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): CanvasGradientDescription {
    return new CanvasGradientDescription('radial', [x0, y0, r0, x1, y1, r1].map(Number));
  }

  createPattern(image: string, repetition?: string): Record<string, unknown> {
    return { kind: 'pattern', args: [], image: String(image), repetition: repetition ?? 'repeat' };
  }

  measureText(text: string): { width: number } {
    const ctx = measuringContext();
    if (!ctx) return { width: String(text).length * this.fontSize * 0.6 };
    ctx.font = this.fontText;
    return { width: ctx.measureText(String(text)).width };
  }

  /** Sends what was recorded since the last draw; without `reserve` the view clears the canvas first. */
  draw(reserve?: unknown, callback?: unknown): void {
    const done = typeof reserve === 'function' ? reserve : callback;
    const actions = this.actions;
    this.actions = [];
    void this.sink(actions, reserve === true).then((unknown) => {
      if (unknown?.length) this.onUnknown(unknown);
      if (typeof done === 'function') (done as () => void)();
    });
  }

  private record(method: string, args: unknown[]): void {
    this.actions.push({ method, args: args.map(plain) });
  }

  private trackFont(font: string): void {
    this.fontText = font;
    const size = /(\d+(?:\.\d+)?)px/.exec(font);
    if (size) this.fontSize = Number(size[1]);
  }
}

/** Gradients become their descriptions; anything else must survive structured clone as it is. */
function plain(value: unknown): unknown {
  if (value instanceof CanvasGradientDescription) return value.toJSON();
  if (value === null || typeof value !== 'object') return typeof value === 'function' ? undefined : value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}
