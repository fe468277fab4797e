/**
 * Device profiles the simulator can be: screen size in CSS px, pixel ratio, status bar and safe-area insets.
 * Data, not code: the device picker, the `device` URL parameter and `ministudio serve --device` read this table.
 */
import { NAVIGATION_BAR_HEIGHT, TAB_BAR_HEIGHT, type DeviceMetrics } from '../protocol';

export { NAVIGATION_BAR_HEIGHT, TAB_BAR_HEIGHT };

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


export interface WindowLayout {
  readonly customNavigation: boolean;
  readonly hasTabBar: boolean;
}

/** The metrics the Worker and the views need, for one device and one page layout. */
export function deviceMetrics(device: DeviceProfile, layout: WindowLayout, theme: 'light' | 'dark'): DeviceMetrics {
  const top = layout.customNavigation ? 0 : device.statusBarHeight + NAVIGATION_BAR_HEIGHT;
  const bottom = layout.hasTabBar ? TAB_BAR_HEIGHT + device.safeInsets.bottom : 0;
  const menuWidth = 87;
  const menuHeight = 32;
  const menuTop = device.statusBarHeight + (NAVIGATION_BAR_HEIGHT - menuHeight) / 2;
  const menuRight = device.width - 7;
  return {
    model: device.name,
    platform: device.platform,
    system: device.system,
    brand: device.brand,
    screenWidth: device.width,
    screenHeight: device.height,
    windowWidth: device.width,
    windowHeight: device.height - top - bottom,
    pixelRatio: device.pixelRatio,
    statusBarHeight: device.statusBarHeight,
    safeArea: {
      left: device.safeInsets.left,
      right: device.width - device.safeInsets.right,
      top: device.safeInsets.top,
      bottom: device.height - device.safeInsets.bottom,
      width: device.width - device.safeInsets.left - device.safeInsets.right,
      height: device.height - device.safeInsets.top - device.safeInsets.bottom,
    },
    theme,
    language: 'zh_CN',
    menuButton: { left: menuRight - menuWidth, top: menuTop, right: menuRight, bottom: menuTop + menuHeight, width: menuWidth, height: menuHeight },
  };
}
