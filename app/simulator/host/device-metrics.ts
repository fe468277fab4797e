/** The page window metrics of a device profile (app/shared/device-profiles.ts), for the Worker and the views. */
import type { DeviceProfile } from '../../shared/device-profiles';
import { NAVIGATION_BAR_HEIGHT, TAB_BAR_HEIGHT, type DeviceMetrics } from '../protocol';

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
