/**
 * Canvas APIs: the legacy `wx.createCanvasContext(canvasId, component)` drawing on `<canvas canvas-id>`,
 * `wx.canvasToTempFilePath`, `wx.canvasGetImageData` / `canvasPutImageData`, and the `node` field of
 * SelectorQuery for `<canvas type="2d">` (canvas-node.ts).
 */
import type * as glassEasel from 'glass-easel';
import * as adapter from 'glass-easel-miniprogram-adapter';
import type { CanvasAction, CanvasRegion, NodeCall } from '../../protocol';
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';
import { CanvasContext } from './canvas-context';
import { CanvasNode } from './canvas-node';
import { base64ToBytes } from './encoding';
import { viewValueOf } from './file-urls';
import type { VirtualFs } from './virtual-fs';

type GlassElement = glassEasel.Element;
/** The render backend's element: which page view it lives in and its node id there. */
interface ViewNode {
  readonly id: number;
  readonly ctx: { callNode(nodeId: number, call: NodeCall, cb: (res: unknown) => void): void };
}
type HostWithBase = WxHost & { readonly baseUrl?: string };

function viewNodeOf(element: GlassElement): ViewNode | undefined {
  const backend = element.getBackendElement() as unknown as Partial<ViewNode> | null;
  return backend && typeof backend.id === 'number' && backend.ctx ? (backend as ViewNode) : undefined;
}

function callView(element: GlassElement, call: NodeCall): Promise<unknown> {
  const node = viewNodeOf(element);
  if (!node) return Promise.resolve(null);
  return new Promise((resolve) => node.ctx.callNode(node.id, call, resolve));
}

/** The component to search: the one passed (a `this` of a component), else the current page. */
function scopeOf(host: WxHost, component: unknown): GlassElement | undefined {
  const given = (component as { _$?: GlassElement } | null | undefined)?._$;
  return given ?? (host.topPage()?.caller as { _$?: GlassElement } | undefined)?._$;
}

/** The `<canvas canvas-id="…">` in the component's own template (WeChat's lookup scope). */
function findLegacyCanvas(scope: GlassElement | undefined, canvasId: string): GlassElement | undefined {
  const root = (scope as glassEasel.GeneralComponent | undefined)?.getShadowRoot?.();
  if (!root) return undefined;
  const visit = (node: glassEasel.Node): GlassElement | undefined => {
    const element = node as GlassElement;
    if ((element as { is?: string }).is === 'canvas' && String((element as glassEasel.NativeNode).getAttribute?.('canvas-id') ?? '') === canvasId) return element;
    if (adapter.glassEasel.Component.isComponent(element)) return undefined;
    for (const child of (element as { childNodes?: glassEasel.Node[] }).childNodes ?? []) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(root as unknown as glassEasel.Node);
}

function regionOf(o: ApiOptions): CanvasRegion | null {
  if (o.width === undefined && o.height === undefined && o.x === undefined && o.y === undefined) return null;
  return { x: Number(o.x ?? 0), y: Number(o.y ?? 0), width: Number(o.width ?? 0), height: Number(o.height ?? 0) };
}

export function createCanvasApi(host: HostWithBase, api: ApiMaker, fs: VirtualFs): Record<string, unknown> {
  installCanvasNodeField(host, fs);
  const warned = new Set<string>();
  const warnUnknown = (methods: readonly string[]) => {
    const fresh = methods.filter((m) => !warned.has(m));
    fresh.forEach((m) => warned.add(m));
    if (fresh.length) host.post({ kind: 'log', level: 'warn', args: [`[simulator] CanvasContext: the view could not draw ${fresh.join(', ')}`] });
  };

  const legacyCanvas = (name: string, o: ApiOptions, component: unknown): GlassElement => {
    const canvasId = typeof o.canvasId === 'string' ? o.canvasId : '';
    const found = findLegacyCanvas(scopeOf(host, component), canvasId);
    if (!found) throw new ApiFailure(`${name}:fail canvas is empty`);
    return found;
  };

  return {
    /** WeChat's offscreen canvas is a canvas node nobody sees: same getContext/createImage/toDataURL. */
    createOffscreenCanvas: (options?: unknown, height?: unknown) => {
      const o = (typeof options === 'object' && options !== null ? options : { width: options, height }) as { type?: unknown; width?: unknown; height?: unknown };
      if (typeof OffscreenCanvas === 'undefined') throw new Error('wx.createOffscreenCanvas: this runtime has no OffscreenCanvas');
      const node = new CanvasNode(
        { loadImage: (src) => loadImageBlob(src, host, fs), reportError: (error, where) => void host.reportError(error, 'error', where) },
        Number(o.width) > 0 ? Number(o.width) : 300,
        Number(o.height) > 0 ? Number(o.height) : 150,
      );
      return node;
    },
    createCanvasContext: (canvasId: unknown, component?: unknown) => {
      const id = String(canvasId ?? '');
      const scope = () => scopeOf(host, component);
      return new CanvasContext(
        id,
        async (actions, reserve) => {
          const canvas = findLegacyCanvas(scope(), id);
          if (!canvas) {
            host.post({ kind: 'log', level: 'warn', args: [`[simulator] CanvasContext.draw: no <canvas canvas-id="${id}"> in this page or component`] });
            return null;
          }
          const result = (await callView(canvas, { op: 'canvas-draw', actions: actions.map(viewSources), reserve })) as { unknown?: string[] } | null;
          return result?.unknown ?? [];
        },
        warnUnknown,
      );
    },
    canvasToTempFilePath: (options: ApiOptions = {}, component?: unknown) =>
      api('canvasToTempFilePath', async (o) => {
        const fileType = o.fileType === 'jpg' ? 'jpg' : 'png';
        const mimeType = fileType === 'jpg' ? 'image/jpeg' : 'image/png';
        const quality = typeof o.quality === 'number' ? o.quality : 1;
        const destWidth = Number(o.destWidth ?? 0);
        const destHeight = Number(o.destHeight ?? 0);
        let bytes: Uint8Array;
        if (o.canvas instanceof CanvasNode) {
          bytes = await o.canvas.export(regionOf(o), destWidth, destHeight, mimeType, quality);
        } else {
          const canvas = legacyCanvas('canvasToTempFilePath', o, component);
          const result = (await callView(canvas, { op: 'canvas-export', region: regionOf(o), destWidth, destHeight, mimeType, quality })) as { dataUrl?: string } | null;
          const dataUrl = result?.dataUrl ?? '';
          const comma = dataUrl.indexOf(',');
          if (!dataUrl.startsWith('data:image/') || comma < 0) throw new ApiFailure('canvasToTempFilePath:fail the canvas could not be exported');
          bytes = base64ToBytes(dataUrl.slice(comma + 1));
        }
        return { tempFilePath: fs.createTempFile(bytes, fileType) };
      })(options),
    canvasGetImageData: (options: ApiOptions = {}, component?: unknown) =>
      api('canvasGetImageData', async (o) => {
        const region = regionOf(o);
        if (!region || region.width <= 0 || region.height <= 0) throw new ApiFailure('canvasGetImageData:fail parameter error: width and height should be positive');
        const canvas = legacyCanvas('canvasGetImageData', o, component);
        const result = (await callView(canvas, { op: 'canvas-get-image-data', region })) as { width: number; height: number; data: Uint8ClampedArray } | null;
        if (!result) throw new ApiFailure('canvasGetImageData:fail canvas is empty');
        return { width: result.width, height: result.height, data: result.data };
      })(options),
    canvasPutImageData: (options: ApiOptions = {}, component?: unknown) =>
      api('canvasPutImageData', async (o) => {
        const region = regionOf(o);
        const data = o.data instanceof Uint8ClampedArray || o.data instanceof Uint8Array ? new Uint8ClampedArray(o.data) : undefined;
        if (!region || !data || data.length !== Math.round(region.width) * Math.round(region.height) * 4) {
          throw new ApiFailure('canvasPutImageData:fail parameter error: data should be width × height × 4 bytes');
        }
        const canvas = legacyCanvas('canvasPutImageData', o, component);
        await callView(canvas, { op: 'canvas-put-image-data', region, data });
        return {};
      })(options),
  };
}

/** drawImage and pattern sources naming files of the virtual file system become URLs the view can load. */
function viewSources(action: CanvasAction): CanvasAction {
  if (action.method === 'drawImage') return { method: action.method, args: [viewValueOf(action.args[0]), ...action.args.slice(1)] };
  const pattern = action.args.find((a) => typeof a === 'object' && a !== null && (a as { kind?: unknown }).kind === 'pattern') as { image?: unknown } | undefined;
  if (!pattern) return action;
  return { method: action.method, args: action.args.map((a) => (a === pattern ? { ...pattern, image: viewValueOf(pattern.image) } : a)) };
}

const nodes = new WeakMap<GlassElement, CanvasNode>();
let fieldInstalled = false;

/**
 * The adapter's SelectorQuery knows no `node` field: for `fields({node: true})` the result gets the canvas
 * node of each matched `<canvas type="2d">` (null for other elements, as WeChat gives for plain views).
 */
function installCanvasNodeField(host: HostWithBase, fs: VirtualFs): void {
  if (fieldInstalled) return;
  fieldInstalled = true;
  const query = adapter.component.ComponentCaller.prototype.createSelectorQuery.call({} as never) as unknown as object;
  const proto = Object.getPrototypeOf(query) as { _$push(selector: string | null, comp: { _$: glassEasel.GeneralComponent }, single: boolean, fields: Record<string, unknown>, cb: (res: unknown) => void): void };
  const push = proto._$push;
  proto._$push = function pushWithNode(selector, comp, single, fields, cb) {
    if (!fields?.node || selector === null) return push.call(this, selector, comp, single, fields, cb);
    const attach = (result: unknown) => {
      const root = comp._$.getShadowRoot();
      const elements = single ? [root?.querySelector(selector)] : (root?.querySelectorAll(selector) ?? []);
      const results = single ? [result] : ((result as unknown[] | null) ?? []);
      results.forEach((entry, index) => {
        const element = elements[index];
        if (entry && typeof entry === 'object' && element) (entry as Record<string, unknown>).node = canvasNodeOf(element, host, fs);
      });
      cb(result);
    };
    return push.call(this, selector, comp, single, fields, attach);
  };
}

function canvasNodeOf(element: GlassElement, host: HostWithBase, fs: VirtualFs): CanvasNode | null {
  if ((element as { is?: string }).is !== 'canvas') return null;
  let node = nodes.get(element);
  if (!node) {
    node = new CanvasNode({
      present: (bitmap) => void callView(element, { op: 'canvas-present', bitmap }),
      loadImage: (src) => loadImageBlob(src, host, fs),
      reportError: (error, where) => void host.reportError(error, 'error', where),
    });
    nodes.set(element, node);
  }
  return node;
}

async function loadImageBlob(src: string, host: HostWithBase, fs: VirtualFs): Promise<Blob> {
  if (/^(wxfile:\/\/|http:\/\/(usr|tmp)\/)/.test(src)) return new Blob([fs.readFile(src) as Uint8Array<ArrayBuffer>]);
  let url = src;
  if (!/^(https?:|data:|blob:)/i.test(src)) {
    if (!host.baseUrl) throw new Error(`cannot resolve the package path ${src}`);
    const route = host.topPage()?.route ?? '';
    const path = new URL(src.startsWith('/') ? src.slice(1) : route.slice(0, route.lastIndexOf('/') + 1) + src, 'http://package/').pathname.slice(1);
    url = new URL(host.manifest.assets?.[path] ?? path, host.baseUrl).href;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${src}`);
  return response.blob();
}
