/**
 * Platform facts that hold in the simulator and need no native service: the API category (always the default
 * mode), Skyline availability (the simulator renders WebView pages), buffer URLs (blob: URLs the views can
 * load), idle callbacks and the performance clock.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { ListenerSet, simulatedNotice, type ApiMaker } from './api-maker';
import { bytesOf } from './encoding';

const SKYLINE = { isSupported: false, reason: 'the Mini Studio simulator renders WebView pages; Skyline is not available' };

export function createPlatformApi(host: WxHost, api: ApiMaker): Record<string, unknown> {
  const category = new ListenerSet<[{ apiCategory: string }]>(host, 'onApiCategoryChange');
  const idle = new Map<number, ReturnType<typeof setTimeout>>();
  let nextIdle = 1;
  const buffers = new Set<string>();

  return {
    getApiCategory: () => 'default',
    // Called unguarded at startup by third-party-platform templates; throwing there would stop the app.
    getExtConfigSync: () => ({}),
    getExtConfig: api('getExtConfig', () => ({ extConfig: {} })),
    getExptInfoSync: () => ({}),
    // Feature queries with a true answer: the simulator has neither.
    isVKSupport: () => false,
    checkIsPictureInPictureActive: () => false,
    onApiCategoryChange: category.on,
    offApiCategoryChange: category.off,
    getSkylineInfoSync: () => ({ ...SKYLINE, version: '' }),
    getSkylineInfo: api('getSkylineInfo', () => ({ ...SKYLINE, version: '' })),
    createBufferURL: (buffer: unknown) => {
      const bytes = bytesOf(buffer);
      if (!bytes) throw new TypeError('wx.createBufferURL: the argument should be an ArrayBuffer or a TypedArray');
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>]));
      buffers.add(url);
      return url;
    },
    revokeBufferURL: (url: unknown) => {
      if (typeof url !== 'string' || !buffers.delete(url)) return;
      URL.revokeObjectURL(url);
    },
    // A Worker has no idle period to wait for: the callback runs on the next task, with a full budget.
    requestIdleCallback: (callback: unknown, options?: { timeout?: number }) => {
      if (typeof callback !== 'function') throw new TypeError('wx.requestIdleCallback: the callback should be a function');
      const id = nextIdle++;
      const started = performance.now();
      idle.set(
        id,
        setTimeout(() => {
          idle.delete(id);
          const didTimeout = typeof options?.timeout === 'number' && performance.now() - started >= options.timeout;
          try {
            (callback as (deadline: unknown) => void)({ didTimeout, timeRemaining: () => Math.max(0, 50 - (performance.now() - started)) });
          } catch (error) {
            void host.reportError(error, 'error', 'wx.requestIdleCallback callback');
          }
        }, 1),
      );
      return id;
    },
    cancelIdleCallback: (id: unknown) => {
      if (typeof id !== 'number') return;
      clearTimeout(idle.get(id));
      idle.delete(id);
    },
    getPerformance: () => ({
      now: () => performance.now(),
      // WeChat's own navigation/render/script entries come from its client; the simulator records none.
      getEntries: () => [],
      getEntriesByName: () => [],
      getEntriesByType: () => [],
      setBufferSize: () => undefined,
      createObserver: () => ({ observe: () => undefined, disconnect: () => undefined }),
    }),
    reportPerformance: (id: unknown, value: unknown, dimensions?: unknown) => {
      if (typeof id !== 'number' || typeof value !== 'number') throw new ApiFailure('reportPerformance:fail parameter error: id and value should be Number');
      simulatedNotice(host, 'reportPerformance', `${id} = ${value}${dimensions === undefined ? '' : ` ${JSON.stringify(dimensions)}`}`);
    },
  };
}
