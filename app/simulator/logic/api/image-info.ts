/**
 * `wx.getImageInfo`: decodes the image in the logic layer (createImageBitmap) to report its size and type.
 * Sources: http(s)/data URLs, `wxfile://` files, and package paths when the runtime tells us its base URL.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';
import type { NetworkTransport } from './network-transport';
import type { VirtualFs } from './virtual-fs';

/** The runtime's WxHost may offer the package base URL (where `/images/a.png` is served). */
type HostWithBase = WxHost & { readonly baseUrl?: string };

const SIGNATURES: readonly [string, (b: Uint8Array) => boolean][] = [
  ['png', (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47],
  ['jpeg', (b) => b[0] === 0xff && b[1] === 0xd8],
  ['gif', (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46],
  ['webp', (b) => b[8] === 0x57 && b[9] === 0x45 && b[10] === 0x42 && b[11] === 0x50],
  ['bmp', (b) => b[0] === 0x42 && b[1] === 0x4d],
  ['svg', (b) => /<svg[\s>]/i.test(new TextDecoder().decode(b.subarray(0, 512)))],
];

export function imageTypeOf(bytes: Uint8Array): string {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? 'unknown';
}

export function createImageInfoApi(host: HostWithBase, api: ApiMaker, transport: NetworkTransport, fs: VirtualFs): Record<string, unknown> {
  const packageUrl = (src: string): string => {
    const base = host.baseUrl;
    if (!base) throw new ApiFailure(`getImageInfo:fail package paths such as "${src}" cannot be resolved yet in the simulator; use a URL or a wxfile:// path`);
    const route = host.topPage()?.route ?? '';
    const path = src.startsWith('/') ? src.slice(1) : joinRelative(route.slice(0, route.lastIndexOf('/') + 1), src);
    const output = host.manifest.assets?.[path] ?? path;
    return new URL(output, base).href;
  };

  const load = async (src: string): Promise<{ bytes: Uint8Array; path: string }> => {
    if (src.startsWith('wxfile://') || src.startsWith('http://usr/') || src.startsWith('http://tmp/')) {
      try {
        return { bytes: fs.readFile(src), path: src };
      } catch (error) {
        throw new ApiFailure(`getImageInfo:fail ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const remote = /^(https?:|data:|blob:)/i.test(src);
    const url = remote ? src : packageUrl(src);
    let response: Response;
    try {
      response = await transport.fetchImpl(/^https?:/i.test(url) && remote ? transport.httpUrl(url) : url);
    } catch (error) {
      throw new ApiFailure(`getImageInfo:fail download image fail: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) throw new ApiFailure(`getImageInfo:fail download image fail: HTTP ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { bytes, path: remote ? fs.createTempFile(bytes, imageTypeOf(bytes) === 'jpeg' ? 'jpg' : imageTypeOf(bytes)) : src };
  };

  return {
    getImageInfo: api('getImageInfo', async (o) => {
      if (typeof o.src !== 'string' || o.src === '') throw new ApiFailure('getImageInfo:fail parameter error: parameter.src should be String');
      const { bytes, path } = await load(o.src);
      const type = imageTypeOf(bytes);
      if (typeof createImageBitmap !== 'function') throw new ApiFailure('getImageInfo:fail this runtime cannot decode images');
      let bitmap: ImageBitmap;
      try {
        bitmap = await createImageBitmap(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: type === 'svg' ? 'image/svg+xml' : `image/${type}` }));
      } catch {
        throw new ApiFailure(`getImageInfo:fail ${o.src} is not an image the simulator can decode`);
      }
      const { width, height } = bitmap;
      bitmap.close();
      return { width, height, path, orientation: 'up', type };
    }),
  };
}

function joinRelative(base: string, relative: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
