/** Location APIs over the simulated position, with WeChat's `requiredPrivateInfos` rule and gcj02 conversion. */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { ListenerSet, simulatedNotice, type ApiMaker } from './api-maker';
import { wgs84ToGcj02 } from './coordinates';
import type { SimulatedDevice } from './simulated-device';

export function createLocationApi(host: WxHost, api: ApiMaker, device: SimulatedDevice): Record<string, unknown> {
  const change = new ListenerSet<[Record<string, unknown>]>(host, 'onLocationChange');
  let updating = false;

  /** Since 2022 WeChat refuses these APIs unless app.json declares them. */
  const requireDeclared = (name: string) => {
    const declared = host.manifest?.appJson?.requiredPrivateInfos;
    if (Array.isArray(declared) && declared.includes(name)) return;
    throw new ApiFailure(`${name}:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json`);
  };

  const position = (type: unknown, withAltitude: boolean) => {
    const { latitude, longitude, altitude, speed, accuracy } = device.state.location;
    const converted = type === 'gcj02' ? wgs84ToGcj02(latitude, longitude) : { latitude, longitude };
    return {
      latitude: round6(converted.latitude),
      longitude: round6(converted.longitude),
      speed,
      accuracy,
      altitude: withAltitude ? altitude : 0,
      verticalAccuracy: withAltitude ? accuracy : 0,
      horizontalAccuracy: accuracy,
    };
  };

  device.onChange((changed) => {
    if (changed.has('location') && updating) change.emit(position('gcj02', false));
  });

  const startUpdate = (name: string) => (o: ApiOptions) => {
    void o;
    requireDeclared(name);
    updating = true;
    queueMicrotask(() => updating && change.emit(position('gcj02', false)));
  };

  return {
    getLocation: api('getLocation', (o) => {
      requireDeclared('getLocation');
      return position(o.type ?? 'wgs84', o.altitude === true);
    }),
    getFuzzyLocation: api('getFuzzyLocation', (o) => {
      requireDeclared('getFuzzyLocation');
      const { latitude, longitude } = position(o.type ?? 'wgs84', false);
      return { latitude: Math.round(latitude * 100) / 100, longitude: Math.round(longitude * 100) / 100 };
    }),
    chooseLocation: api('chooseLocation', () => {
      requireDeclared('chooseLocation');
      simulatedNotice(host, 'chooseLocation', 'answered with the simulated location (no map picker)');
      const { name, address } = device.state.location;
      const { latitude, longitude } = position('gcj02', false);
      return { name, address, latitude, longitude };
    }),
    openLocation: api('openLocation', (o) => {
      if (typeof o.latitude !== 'number' || typeof o.longitude !== 'number') throw new ApiFailure('openLocation:fail parameter error: parameter.latitude and parameter.longitude should be Number');
      simulatedNotice(host, 'openLocation', `would open a map at ${o.latitude}, ${o.longitude}${typeof o.name === 'string' ? ` (${o.name})` : ''}`);
    }),
    startLocationUpdate: api('startLocationUpdate', startUpdate('startLocationUpdate')),
    stopLocationUpdate: api('stopLocationUpdate', () => {
      updating = false;
    }),
    onLocationChange: (listener: unknown) => {
      requireDeclaredSoft(host, 'onLocationChange');
      change.on(listener);
    },
    offLocationChange: change.off,
  };
}

function requireDeclaredSoft(host: WxHost, name: string): void {
  const declared = host.manifest?.appJson?.requiredPrivateInfos;
  if (Array.isArray(declared) && declared.includes(name)) return;
  host.post({ kind: 'log', level: 'warn', args: [`wx.${name}: declare "${name}" in app.json requiredPrivateInfos, or WeChat will not deliver location changes`] });
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
