// Replays the calls a legacy CanvasContext (wx.createCanvasContext) recorded in the logic layer onto a real 2D
// context: one action per call, named as in WeChat's API (`setFillStyle`, `fillRect`, `drawImage`, …).

export interface CanvasAction {
  readonly method: string;
  readonly args: readonly unknown[];
}

type Context = CanvasRenderingContext2D;

/** WeChat's setter-style methods, mapped onto context properties. */
const SETTERS: Readonly<Record<string, (ctx: Context, args: readonly unknown[]) => void>> = {
  setFillStyle: (ctx, [style]) => (ctx.fillStyle = String(style)),
  setStrokeStyle: (ctx, [style]) => (ctx.strokeStyle = String(style)),
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
  'arc', 'arcTo', 'beginPath', 'bezierCurveTo', 'clearRect', 'clip', 'closePath', 'fill', 'fillRect', 'fillText', 'lineTo',
  'moveTo', 'quadraticCurveTo', 'rect', 'restore', 'rotate', 'save', 'scale', 'setTransform', 'stroke', 'strokeRect',
  'strokeText', 'transform', 'translate',
]);

/** Context properties a recorded assignment may set (`ctx.fillStyle = …` in newer code). */
const PROPERTIES = new Set([
  'fillStyle', 'strokeStyle', 'lineWidth', 'lineCap', 'lineJoin', 'miterLimit', 'globalAlpha', 'globalCompositeOperation',
  'font', 'textAlign', 'textBaseline', 'shadowBlur', 'shadowColor', 'shadowOffsetX', 'shadowOffsetY', 'lineDashOffset',
]);

function loadImage(src: string): Promise<HTMLImageElement | undefined> {
  return new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => resolve(undefined);
    image.src = src;
  });
}

/**
 * Draws `actions` in order. Coordinates are in CSS px: the caller scales the context to the bitmap.
 * Images are loaded first so the order of drawing is kept. Returns the methods that were not understood.
 */
export async function runCanvasActions(ctx: Context, actions: readonly CanvasAction[]): Promise<string[]> {
  const images = new Map<string, HTMLImageElement | undefined>();
  for (const action of actions) {
    const src = action.method === 'drawImage' ? action.args[0] : undefined;
    if (typeof src === 'string' && !images.has(src)) images.set(src, await loadImage(src));
  }
  const unknown: string[] = [];
  for (const { method, args } of actions) {
    const setter = SETTERS[method];
    if (setter) setter(ctx, args);
    else if (method === 'drawImage') {
      const image = images.get(String(args[0]));
      const numbers = args.slice(1).map(Number);
      if (image) (ctx.drawImage as (image: CanvasImageSource, ...rest: number[]) => void)(image, ...numbers);
    } else if (method === 'set' && typeof args[0] === 'string' && PROPERTIES.has(args[0])) {
      (ctx as unknown as Record<string, unknown>)[args[0]] = args[1];
    } else if (METHODS.has(method)) {
      (ctx[method as keyof Context] as (...rest: unknown[]) => void)(...args);
    } else unknown.push(method);
  }
  return unknown;
}
