/** Device APIs answered by the simulated phone: vibration, phone calls, scanning, network, battery, clipboard, screen. */
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { ListenerSet, simulatedNotice, type ApiMaker } from './api-maker';
import { confirmInSimulator, localized } from './confirm';
import { bytesToBase64 } from './encoding';
import type { SimulatedDevice } from './simulated-device';

export function createDeviceApi(host: WxHost, api: ApiMaker, device: SimulatedDevice): Record<string, unknown> {
  const networkChange = new ListenerSet<[{ isConnected: boolean; networkType: string }]>(host, 'onNetworkStatusChange');
  const weakChange = new ListenerSet<[{ weakNet: boolean; networkType: string }]>(host, 'onNetworkWeakChange');
  const state = device.state;

  device.onChange((changed) => {
    if (changed.has('networkType')) networkChange.emit({ isConnected: state.networkType !== 'none', networkType: state.networkType });
    if (changed.has('weakNetwork')) weakChange.emit({ weakNet: state.weakNetwork, networkType: state.networkType });
  });

  const battery = () => ({ level: state.battery.level, isCharging: state.battery.isCharging });

  return {
    vibrateShort: api('vibrateShort', (o) => {
      simulatedNotice(host, 'vibrateShort', `short vibration${typeof o.type === 'string' ? ` (${o.type})` : ''}`);
    }),
    vibrateLong: api('vibrateLong', () => simulatedNotice(host, 'vibrateLong', 'long vibration')),
    makePhoneCall: api('makePhoneCall', async (o) => {
      if (typeof o.phoneNumber !== 'string' || o.phoneNumber === '') throw new ApiFailure('makePhoneCall:fail parameter error: parameter.phoneNumber should be String');
      const call = await confirmInSimulator(host, o.phoneNumber, localized(host, '模拟器不会拨打电话', 'The simulator does not place calls'), localized(host, '呼叫', 'Call'), localized(host, '取消', 'Cancel'));
      if (!call) throw new ApiFailure('makePhoneCall:fail cancel');
      return {};
    }),
    scanCode: api('scanCode', () => {
      simulatedNotice(host, 'scanCode', `answered with the simulated scan result "${state.scan.result}"`);
      return { result: state.scan.result, scanType: state.scan.scanType, charSet: state.scan.charSet, path: '', rawData: bytesToBase64(new TextEncoder().encode(state.scan.result)) };
    }),
    getNetworkType: api('getNetworkType', () => ({ networkType: state.networkType, signalStrength: state.networkType === 'wifi' ? 4 : 0, hasSystemProxy: false })),
    onNetworkStatusChange: networkChange.on,
    offNetworkStatusChange: networkChange.off,
    onNetworkWeakChange: weakChange.on,
    offNetworkWeakChange: weakChange.off,
    getBatteryInfo: api('getBatteryInfo', battery),
    getBatteryInfoSync: battery,
    setClipboardData: api('setClipboardData', (o) => {
      if (typeof o.data !== 'string') throw new ApiFailure('setClipboardData:fail parameter error: parameter.data should be String');
      device.apply({ clipboard: o.data });
      host.post({ kind: 'ui', action: { type: 'showToast', title: localized(host, '内容已复制', 'Copied'), icon: 'none', duration: 1500 } });
    }),
    getClipboardData: api('getClipboardData', () => ({ data: state.clipboard })),
    setKeepScreenOn: api('setKeepScreenOn', (o) => device.apply({ keepScreenOn: o.keepScreenOn === true })),
    getScreenBrightness: api('getScreenBrightness', () => ({ value: state.screenBrightness })),
    setScreenBrightness: api('setScreenBrightness', (o) => {
      const value = Number(o.value);
      if (!Number.isFinite(value) || value < 0 || value > 1) throw new ApiFailure('setScreenBrightness:fail parameter error: parameter.value should be a Number between 0 and 1');
      device.apply({ screenBrightness: value });
    }),
  };
}
