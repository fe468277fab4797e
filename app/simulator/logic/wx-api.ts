/**
 * The `wx` object user code calls. Router and window-chrome calls become messages to the host; storage is a
 * synchronous mirror in the Worker persisted by the host; system info comes from the pushed device metrics.
 */
import type { PackageManifest } from '../../shared/package-format';
import type { DeviceMetrics, LaunchOptions, RouteKind, UiAction, WorkerToHost } from '../protocol';
import { withApiFamilies } from './api';
import { createEventChannel, type EventChannelEnd } from './event-channel';
import type { PageRecord } from './page-record';
import { ApiFailure, asyncApi, type ApiOptions } from './wx-callbacks';

export interface WxHost {
  post(message: WorkerToHost): void;
  metrics(): DeviceMetrics;
  readonly launch: LaunchOptions;
  readonly manifest: PackageManifest;
  storage: Map<string, string>;
  readonly channels: Map<number, { opener: EventChannelEnd; opened: EventChannelEnd }>;
  readonly modalCallbacks: Map<number, (confirm: boolean) => void>;
  route(kind: RouteKind, url: string, extra: { delta?: number; eventChannel?: number }, done: (ok: boolean, errMsg: string) => void): void;
  newCallId(): number;
  topPage(): PageRecord | undefined;
  /** A SelectorQuery scoped to the current page, resolved when it runs. */
  pageSelectorQuery(): unknown;
  reportError(error: unknown, kind: 'error', where?: string): Promise<void>;
}

const SDK_VERSION = '3.4.0';

export function createWx(host: WxHost): Record<string, unknown> {
  const onCallbackError = (error: unknown) => void host.reportError(error, 'error', 'wx API callback');
  const api = (name: string, impl: (options: ApiOptions) => Record<string, unknown> | Promise<Record<string, unknown>> | void) =>
    asyncApi(name, impl, onCallbackError);
  const ui = (action: UiAction) => host.post({ kind: 'ui', action });

  const routeApi = (kind: RouteKind) =>
    api(kind, (options) => {
      const url = typeof options.url === 'string' ? options.url : '';
      if (kind !== 'navigateBack' && !url) throw new ApiFailure(`${kind}:fail parameter error: parameter.url should be String`);
      let channelId: number | undefined;
      let channel: { opener: EventChannelEnd; opened: EventChannelEnd } | undefined;
      if (kind === 'navigateTo') {
        channelId = host.newCallId();
        channel = createEventChannel(options.events as Record<string, (data: unknown) => void> | undefined);
        host.channels.set(channelId, channel);
      }
      return new Promise<Record<string, unknown>>((resolve, reject) => {
        const extra: { delta?: number; eventChannel?: number } = {};
        if (kind === 'navigateBack') extra.delta = typeof options.delta === 'number' ? options.delta : 1;
        if (channelId !== undefined) extra.eventChannel = channelId;
        host.route(kind, url, extra, (ok, errMsg) => {
          if (ok) resolve(channel ? { eventChannel: channel.opener } : {});
          else reject(new ApiFailure(errMsg));
        });
      });
    });

  const systemInfo = () => {
    const m = host.metrics();
    return {
      brand: m.brand,
      model: m.model,
      pixelRatio: m.pixelRatio,
      screenWidth: m.screenWidth,
      screenHeight: m.screenHeight,
      windowWidth: m.windowWidth,
      windowHeight: m.windowHeight,
      statusBarHeight: m.statusBarHeight,
      language: m.language,
      version: '8.0.50',
      system: m.system,
      platform: m.platform,
      fontSizeSetting: 16,
      SDKVersion: SDK_VERSION,
      benchmarkLevel: 1,
      theme: m.theme,
      safeArea: { ...m.safeArea },
      screenTop: 0,
      enableDebug: false,
      deviceOrientation: m.screenWidth > m.screenHeight ? 'landscape' : 'portrait',
    };
  };

  const storageApi = createStorageApi(host, api);

  return withApiFamilies(host, {
    // router
    navigateTo: routeApi('navigateTo'),
    redirectTo: routeApi('redirectTo'),
    navigateBack: routeApi('navigateBack'),
    switchTab: routeApi('switchTab'),
    reLaunch: routeApi('reLaunch'),
    // storage
    ...storageApi,
    // system
    getSystemInfoSync: systemInfo,
    getSystemInfo: api('getSystemInfo', systemInfo),
    getSystemInfoAsync: api('getSystemInfoAsync', systemInfo),
    getWindowInfo: () => {
      const s = systemInfo();
      return { pixelRatio: s.pixelRatio, screenWidth: s.screenWidth, screenHeight: s.screenHeight, windowWidth: s.windowWidth, windowHeight: s.windowHeight, statusBarHeight: s.statusBarHeight, safeArea: s.safeArea, screenTop: 0 };
    },
    getDeviceInfo: () => {
      const s = systemInfo();
      return { brand: s.brand, model: s.model, system: s.system, platform: s.platform, benchmarkLevel: 1, abi: 'arm64' };
    },
    getAppBaseInfo: () => {
      const s = systemInfo();
      return { SDKVersion: SDK_VERSION, enableDebug: false, language: s.language, version: s.version, theme: s.theme, fontSizeSetting: 16 };
    },
    getMenuButtonBoundingClientRect: () => ({ ...host.metrics().menuButton }),
    getLaunchOptionsSync: () => ({ ...host.launch }),
    getEnterOptionsSync: () => ({ ...host.launch }),
    getAccountInfoSync: () => ({ miniProgram: { appId: host.manifest.appId, envVersion: 'develop', version: '' } }),
    canIUse: (schema: string) => typeof schema === 'string' && schema.length > 0,
    env: { USER_DATA_PATH: 'http://usr' },
    nextTick: (fn: () => void) => queueMicrotask(() => {
      try {
        fn();
      } catch (error) {
        onCallbackError(error);
      }
    }),
    // window chrome
    setNavigationBarTitle: api('setNavigationBarTitle', (o) => ui({ type: 'setNavigationBarTitle', title: String(o.title ?? '') })),
    setNavigationBarColor: api('setNavigationBarColor', (o) =>
      ui({ type: 'setNavigationBarColor', frontColor: String(o.frontColor ?? '#000000'), backgroundColor: String(o.backgroundColor ?? '#ffffff') }),
    ),
    showNavigationBarLoading: api('showNavigationBarLoading', () => ui({ type: 'showNavigationBarLoading' })),
    hideNavigationBarLoading: api('hideNavigationBarLoading', () => ui({ type: 'hideNavigationBarLoading' })),
    setBackgroundColor: api('setBackgroundColor', (o) => ui({ type: 'setBackgroundColor', backgroundColor: String(o.backgroundColor ?? '') })),
    setBackgroundTextStyle: api('setBackgroundTextStyle', () => undefined),
    startPullDownRefresh: api('startPullDownRefresh', () => host.topPage()?.post({ kind: 'pull-down', active: true })),
    stopPullDownRefresh: api('stopPullDownRefresh', () => host.topPage()?.post({ kind: 'pull-down', active: false })),
    pageScrollTo: api('pageScrollTo', (o) => {
      const page = host.topPage();
      page?.post({ kind: 'scroll-to', scrollTop: Number(o.scrollTop ?? 0), duration: Number(o.duration ?? 300) });
    }),
    setTabBarBadge: api('setTabBarBadge', (o) => ui({ type: 'setTabBarBadge', index: Number(o.index), text: String(o.text ?? '') })),
    removeTabBarBadge: api('removeTabBarBadge', (o) => ui({ type: 'removeTabBarBadge', index: Number(o.index) })),
    showTabBarRedDot: api('showTabBarRedDot', (o) => ui({ type: 'showTabBarRedDot', index: Number(o.index) })),
    hideTabBarRedDot: api('hideTabBarRedDot', (o) => ui({ type: 'hideTabBarRedDot', index: Number(o.index) })),
    showTabBar: api('showTabBar', () => ui({ type: 'showTabBar' })),
    hideTabBar: api('hideTabBar', () => ui({ type: 'hideTabBar' })),
    setTabBarStyle: api('setTabBarStyle', (o) => ui({ type: 'setTabBarStyle', style: pickStrings(o, ['color', 'selectedColor', 'backgroundColor', 'borderStyle']) })),
    setTabBarItem: api('setTabBarItem', (o) => ui({ type: 'setTabBarItem', index: Number(o.index), item: pickStrings(o, ['text', 'iconPath', 'selectedIconPath', 'pagePath']) })),
    showToast: api('showToast', (o) => ui({ type: 'showToast', title: String(o.title ?? ''), icon: String(o.icon ?? 'success'), duration: Number(o.duration ?? 1500) })),
    hideToast: api('hideToast', () => ui({ type: 'hideToast' })),
    showLoading: api('showLoading', (o) => ui({ type: 'showToast', title: String(o.title ?? ''), icon: 'loading', duration: 0 })),
    hideLoading: api('hideLoading', () => ui({ type: 'hideToast' })),
    showModal: api('showModal', (o) => {
      const callId = host.newCallId();
      return new Promise<Record<string, unknown>>((resolve) => {
        host.modalCallbacks.set(callId, (confirm) => resolve({ confirm, cancel: !confirm }));
        ui({
          type: 'showModal',
          callId,
          title: String(o.title ?? ''),
          content: String(o.content ?? ''),
          showCancel: o.showCancel !== false,
          confirmText: String(o.confirmText ?? 'OK'),
          cancelText: String(o.cancelText ?? 'Cancel'),
        });
      });
    }),
    // queries
    createSelectorQuery: () => host.pageSelectorQuery(),
    createIntersectionObserver: (component?: { createIntersectionObserver?: (o: unknown) => unknown }, options?: unknown) =>
      component?.createIntersectionObserver ? component.createIntersectionObserver(options) : callTopPage(host, 'createIntersectionObserver', options),
  });
}

function callTopPage(host: WxHost, method: string, ...args: unknown[]): unknown {
  const caller = host.topPage()?.caller as Record<string, unknown> | undefined;
  const fn = caller?.[method];
  if (typeof fn !== 'function') throw new Error(`wx.${method}: there is no current page`);
  return (fn as (...a: unknown[]) => unknown).apply(caller, args);
}

function pickStrings(options: ApiOptions, keys: readonly string[]): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) if (typeof options[key] === 'string') picked[key] = options[key];
  return picked;
}

type ApiFactory = (name: string, impl: (options: ApiOptions) => Record<string, unknown> | Promise<Record<string, unknown>> | void) => (options?: ApiOptions) => unknown;

/** Storage mirrors WeChat's: any JSON value per key, sync and async forms; the host persists every change. */
function createStorageApi(host: WxHost, api: ApiFactory): Record<string, unknown> {
  const set = (key: unknown, data: unknown) => {
    if (typeof key !== 'string' || key === '') throw new ApiFailure('setStorage:fail parameter error: parameter.key should be a non-empty String');
    const encoded = JSON.stringify(data === undefined ? null : data);
    host.storage.set(key, encoded);
    host.post({ kind: 'storage', key, value: encoded });
  };
  const get = (key: unknown): unknown => {
    const encoded = typeof key === 'string' ? host.storage.get(key) : undefined;
    return encoded === undefined ? '' : (JSON.parse(encoded) as unknown);
  };
  const remove = (key: unknown) => {
    if (typeof key !== 'string') return;
    host.storage.delete(key);
    host.post({ kind: 'storage', key, value: null });
  };
  const clear = () => {
    host.storage.clear();
    host.post({ kind: 'storage-clear' });
  };
  const info = () => {
    let bytes = 0;
    for (const [k, v] of host.storage) bytes += k.length + v.length;
    return { keys: [...host.storage.keys()], currentSize: Math.ceil(bytes / 1024), limitSize: 10240 };
  };
  return {
    setStorageSync: set,
    getStorageSync: get,
    removeStorageSync: remove,
    clearStorageSync: clear,
    getStorageInfoSync: info,
    setStorage: api('setStorage', (o) => set(o.key, o.data)),
    getStorage: api('getStorage', (o) => {
      if (typeof o.key !== 'string' || !host.storage.has(o.key)) throw new ApiFailure('getStorage:fail data not found');
      return { data: get(o.key) };
    }),
    removeStorage: api('removeStorage', (o) => remove(o.key)),
    clearStorage: api('clearStorage', () => clear()),
    getStorageInfo: api('getStorageInfo', () => info()),
  };
}
