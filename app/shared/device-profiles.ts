/**
 * Device profiles the simulator can be: screen size in CSS px, pixel ratio, status bar and safe-area insets.
 * Data, not code: the workbench's device picker, the simulator's `device` URL parameter and
 * `ministudio serve --device` read this one table.
 */

export interface DeviceProfile {
  readonly id: string;
  readonly name: string;
  readonly platform: 'ios' | 'android';
  readonly system: string;
  readonly brand: string;
  readonly width: number;
  readonly height: number;
  readonly pixelRatio: number;
  readonly statusBarHeight: number;
  readonly safeInsets: { readonly top: number; readonly right: number; readonly bottom: number; readonly left: number };
}

export const DEVICES: readonly DeviceProfile[] = [
  { id: 'iphone-se', name: 'iPhone SE', platform: 'ios', system: 'iOS 17.0', brand: 'Apple', width: 375, height: 667, pixelRatio: 2, statusBarHeight: 20, safeInsets: { top: 20, right: 0, bottom: 0, left: 0 } },
  { id: 'iphone-15', name: 'iPhone 15', platform: 'ios', system: 'iOS 17.0', brand: 'Apple', width: 393, height: 852, pixelRatio: 3, statusBarHeight: 59, safeInsets: { top: 59, right: 0, bottom: 34, left: 0 } },
  { id: 'iphone-15-pro-max', name: 'iPhone 15 Pro Max', platform: 'ios', system: 'iOS 17.0', brand: 'Apple', width: 430, height: 932, pixelRatio: 3, statusBarHeight: 59, safeInsets: { top: 59, right: 0, bottom: 34, left: 0 } },
  { id: 'android-360', name: 'Android 360×800', platform: 'android', system: 'Android 14', brand: 'Google', width: 360, height: 800, pixelRatio: 3, statusBarHeight: 24, safeInsets: { top: 24, right: 0, bottom: 0, left: 0 } },
  { id: 'ipad', name: 'iPad', platform: 'ios', system: 'iPadOS 17.0', brand: 'Apple', width: 820, height: 1180, pixelRatio: 2, statusBarHeight: 24, safeInsets: { top: 24, right: 0, bottom: 20, left: 0 } },
];

export const DEFAULT_DEVICE_ID = 'iphone-15';

/** By id (`iphone-se`) or name (`iPhone SE`), case-insensitive; undefined when unknown. */
export function findDevice(idOrName: string): DeviceProfile | undefined {
  const wanted = idOrName.trim().toLowerCase();
  return DEVICES.find((d) => d.id === wanted || d.name.toLowerCase() === wanted);
}
