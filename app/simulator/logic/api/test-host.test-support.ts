/** A WxHost for unit tests of the API families: records what the families post and report. */
import type { PackageManifest } from '../../../shared/package-format';
import type { DeviceMetrics, WorkerToHost } from '../../protocol';
import type { WxHost } from '../wx-api';

export interface TestHost extends WxHost {
  readonly posted: WorkerToHost[];
  readonly errors: unknown[];
}

export const TEST_METRICS: DeviceMetrics = {
  model: 'iPhone 12',
  platform: 'ios',
  system: 'iOS 16.0',
  brand: 'Apple',
  screenWidth: 390,
  screenHeight: 844,
  windowWidth: 390,
  windowHeight: 844,
  pixelRatio: 3,
  statusBarHeight: 47,
  safeArea: { left: 0, right: 390, top: 47, bottom: 810, width: 390, height: 763 },
  theme: 'light',
  language: 'zh_CN',
  menuButton: { left: 296, top: 51, right: 383, bottom: 83, width: 87, height: 32 },
};

export function createTestHost(profile: 'wechat' | 'finclip' = 'wechat'): TestHost {
  const posted: WorkerToHost[] = [];
  const errors: unknown[] = [];
  let nextId = 1;
  return {
    posted,
    errors,
    post: (message) => posted.push(message),
    metrics: () => TEST_METRICS,
    launch: { path: 'pages/index/index', query: {}, scene: 1001, referrerInfo: {} },
    manifest: { appId: 'wx0123456789abcdef', profile } as unknown as PackageManifest,
    storage: new Map(),
    channels: new Map(),
    modalCallbacks: new Map(),
    route: (_kind, _url, _extra, done) => done(true, ''),
    newCallId: () => nextId++,
    topPage: () => undefined,
    pageSelectorQuery: () => {
      throw new Error('API unit tests have no pages');
    },
    reportError: async (error) => {
      errors.push(error);
    },
  };
}
