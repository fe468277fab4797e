// Replays the calls a legacy CanvasContext (wx.createCanvasContext) recorded in the logic layer onto a real 2D
// context: one action per call, named as in WeChat's API (`setFillStyle`, `fillRect`, `drawImage`, …).
import type { CanvasAction } from '../../protocol';

export type { CanvasAction };

type Context = CanvasRenderingContext2D;

/** A gradient or pattern as the logic layer describes it (it has no canvas to make real ones). */
interface StyleDescription {
  readonly kind: 'linear' | 'radial' | 'circular' | 'pattern';
  readonly args: readonly number[];
  readonly stops?: readonly (readonly [number, string])[];
  readonly image?: string;
  readonly repetition?: string;
}

type Images = ReadonlyMap<string, HTMLImageElement | undefined>;

function isDescription(value: unknown): value is StyleDescription {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

function paint(ctx: Context, value: unknown, images: Images): string | CanvasGradient | CanvasPattern {
  if (!isDescription(value)) return String(value);
  const n = value.args.map(Number);
  let gradient: CanvasGradient;
  if (value.kind === 'pattern') {
    const image = value.image ? images.get(value.image) : undefined;
    return (image && ctx.createPattern(image, value.repetition || 'repeat')) || 'transparent';
  } else if (value.kind === 'linear') gradient = ctx.createLinearGradient(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0);
  else if (value.kind === 'circular') gradient = ctx.createRadialGradient(n[0] ?? 0, n[1] ?? 0, 0, n[0] ?? 0, n[1] ?? 0, n[2] ?? 0);
  else gradient = ctx.createRadialGradient(n[0] ?? 0, n[1] ?? 0, n[2] ?? 0, n[3] ?? 0, n[4] ?? 0, n[5] ?? 0);
  for (const [offset, color] of value.stops ?? []) {
    try {
      gradient.addColorStop(Number(offset), String(color));
    } catch {
      // an offset outside 0…1 or an unparsable color: WeChat ignores the stop too
    }
  }
  return gradient;
}

/** WeChat's setter-style methods, mapped onto context properties. */
const SETTERS: Readonly<Record<string, (ctx: Context, args: readonly unknown[], images: Images) => void>> = {
  setFillStyle: (ctx, [style], images) => (ctx.fillStyle = paint(ctx, style, images)),
  setStrokeStyle: (ctx, [style], images) => (ctx.strokeStyle = paint(ctx, style, images)),
  setLineWidth: (ctx, [width]) => (ctx.lineWidth = Number(width)),
  setLineCap: (ctx, [cap]) => (ctx.lineCap = String(cap) as CanvasLineCap),
  setLineJoin: (ctx, [join]) => (ctx.lineJoin = String(join) as CanvasLineJoin),
  setMiterLimit: (ctx, [limit]) => (ctx.miterLimit = Number(limit)),
  setGlobalAlpha: (ctx, [alpha]) => (ctx.globalAlpha = Number(alpha)),
  setTextAlign: (ctx, [align]) => (ctx.textAlign = String(align) as CanvasTextAlign),
  setTextBaseline: (ctx, [baseline]) => (ctx.textBaseline = String(baseline) as CanvasTextBaseline),
  setFontSize: (ctx, [size]) => (ctx.font = ctx.font.replace(/\d+(\.\d+)?px/, `${Number(size)}px`)),
  setLineDash: (ctx, [pattern, offset]) => {
    ctx.setLineDash(Array.isArray(pattern) ? pattern.map(Number) : []);
    ctx.lineDashOffset = Number(offset ?? 0);
  },
  setShadow: (ctx, [x, y, blur, color]) => {
    ctx.shadowOffsetX = Number(x ?? 0);
    ctx.shadowOffsetY = Number(y ?? 0);
    ctx.shadowBlur = Number(blur ?? 0);
    ctx.shadowColor = String(color ?? 'black');
  },
};

/** Standard context methods a recorded call may name; anything else is ignored (never eval'd). */
const METHODS = new Set([
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'ellipse', 'fill', 'fillRect', 'fillText', 'lineTo',
  'moveTo', 'quadraticCurveTo', 'rect', 'restore', 'rotate', 'save', 'scale', 'setTransform', 'stroke', 'strokeRect',
  'strokeText', 'transform', 'translate',
]);

/** Context properties a recorded assignment may set (`ctx.fillStyle = …` in newer code). */
const PROPERTIES = new Set([
  'fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'globalAlpha', 'globalCompositeOperation',
  'font', 'textAlign', 'textBaseline', 'shadowBlur', 'shadowColor', 'shadowOffsetX', 'shadowOffsetY', 'lineDashOffset',
]);
const PAINT_PROPERTIES = new Set(['fillStyle', 'strokeStyle']);

function loadImage(src: string): Promise<HTMLImageElement | undefined> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(undefined);
    image.src = src;
  });
}

/** Every image source the actions name (drawImage and pattern fills), to load before drawing. */
function imageSources(actions: readonly CanvasAction[]): Set<string> {
  const sources = new Set<string>();
  for (const { method, args } of actions) {
    if (method === 'drawImage' && typeof args[0] === 'string') sources.add(args[0]);
    for (const arg of args) if (isDescription(arg) && arg.kind === 'pattern' && arg.image) sources.add(arg.image);
  }
  return sources;
}

/**
 * Draws `actions` in order. Coordinates are in CSS px: the caller scales the context to the bitmap.
 * Images are loaded first so the order of drawing is kept; `resolveSrc` makes package paths loadable.
 * Returns the methods that were not understood.
 */
export async function runCanvasActions(ctx: Context, actions: readonly CanvasAction[], resolveSrc: (src: string) => string = (s) => s): Promise<string[]> {
  const images = new Map<string, HTMLImageElement | undefined>();
  await Promise.all([...imageSources(actions)].map(async (src) => images.set(src, await loadImage(resolveSrc(src)))));
  const unknown: string[] = [];
  for (const { method, args } of actions) {
    const setter = SETTERS[method];
    try {
      if (setter) setter(ctx, args, images);
      else if (method === 'drawImage') {
        const image = images.get(String(args[0]));
        const numbers = args.slice(1).map(Number);
        if (image) (ctx.drawImage as (image: CanvasImageSource, ...rest: number[]) => void)(image, ...numbers);
      } else if (method === 'set' && typeof args[0] === 'string' && PROPERTIES.has(args[0])) {
        (ctx as unknown as Record<string, unknown>)[args[0]] = PAINT_PROPERTIES.has(args[0]) ? paint(ctx, args[1], images) : args[1];
      } else if (METHODS.has(method)) {
        (ctx[method as keyof Context] as (...rest: unknown[]) => void)(...args);
      } else unknown.push(method);
    } catch {
      // a bad argument (e.g. a negative radius) fails that call only, as on a phone
      unknown.push(method);
    }
  }
  return unknown;
}
