/** Base APIs: canIUse from the support tables, nextTick, base64 helpers, random values, analytics. */
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { simulatedNotice, type ApiMaker } from './api-maker';
import { canIUse } from './can-i-use';
import { base64ToBytes, bytesOf, bytesToBase64, toArrayBuffer } from './encoding';

export function createBaseApi(host: WxHost, api: ApiMaker): Record<string, unknown> {
  const report = (name: string) => (eventName: unknown, data?: unknown) => simulatedNotice(host, name, `${String(eventName)} ${JSON.stringify(data ?? {})}`);
  return {
    canIUse,
    nextTick: (fn: unknown) => {
      if (typeof fn !== 'function') return;
      queueMicrotask(() => {
        try {
          (fn as () => void)();
        } catch (error) {
          void host.reportError(error, 'error', 'wx.nextTick callback');
        }
      });
    },
    arrayBufferToBase64: (buffer: unknown) => {
      const bytes = bytesOf(buffer);
      if (!bytes) throw new TypeError('wx.arrayBufferToBase64: the argument should be an ArrayBuffer');
      return bytesToBase64(bytes);
    },
    base64ToArrayBuffer: (text: unknown) => toArrayBuffer(base64ToBytes(String(text))),
    getRandomValues: api('getRandomValues', (o) => {
      const length = Number(o.length);
      if (!Number.isInteger(length) || length <= 0 || length > 65536) throw new ApiFailure('getRandomValues:fail parameter error: parameter.length should be an integer from 1 to 65536');
      return { randomValues: toArrayBuffer(crypto.getRandomValues(new Uint8Array(length))) };
    }),
    reportAnalytics: report('reportAnalytics'),
    reportEvent: report('reportEvent'),
    reportMonitor: (name: unknown, value: unknown) => simulatedNotice(host, 'reportMonitor', `${String(name)} = ${String(value)}`),
    setEnableDebug: api('setEnableDebug', () => undefined),
    showShareMenu: api('showShareMenu', () => undefined),
    hideShareMenu: api('hideShareMenu', () => undefined),
    updateShareMenu: api('updateShareMenu', () => undefined),
    getSystemSetting: () => ({ bluetoothEnabled: true, locationEnabled: true, wifiEnabled: true, deviceOrientation: orientation(host) }),
    getAppAuthorizeSetting: () => ({
      albumAuthorized: 'authorized',
      bluetoothAuthorized: 'authorized',
      cameraAuthorized: 'authorized',
      locationAuthorized: 'authorized',
      locationReducedAccuracy: false,
      microphoneAuthorized: 'authorized',
      notificationAuthorized: 'authorized',
      phoneCalendarAuthorized: 'authorized',
    }),
    openAppAuthorizeSetting: api('openAppAuthorizeSetting', () => simulatedNotice(host, 'openAppAuthorizeSetting', 'every permission is granted in the simulator')),
  };
}

function orientation(host: WxHost): 'portrait' | 'landscape' {
  const metrics = host.metrics();
  return metrics.screenWidth > metrics.screenHeight ? 'landscape' : 'portrait';
}
