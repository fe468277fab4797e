/** Window-chrome calls from wx.* (navigation bar, tabBar, toasts, modals) applied to the host's chrome. */
import type { PageWindowConfig, UiAction } from '../protocol';
import type { NavigationState } from './navigation-bar';
import type { Overlays } from './overlays';
import type { TabBar } from './tab-bar';

export interface PageChromeState {
  config: PageWindowConfig;
  /** What wx.setNavigationBar* changed on this page; it wins over the json config. */
  navOverrides: Partial<NavigationState>;
}

export interface UiTargets {
  /** The page on top, which navigation-bar calls change. */
  readonly page: PageChromeState | undefined;
  readonly tabBar: TabBar | undefined;
  readonly overlays: Overlays;
  answerModal(callId: number, confirm: boolean): void;
}

export function applyUiAction(action: UiAction, { page, tabBar, overlays, answerModal }: UiTargets): void {
  const nav = page?.navOverrides;
  switch (action.type) {
    case 'setNavigationBarTitle':
      if (nav) nav.title = action.title;
      return;
    case 'setNavigationBarColor':
      if (nav) {
        nav.frontColor = action.frontColor.toLowerCase() === '#ffffff' ? 'white' : 'black';
        nav.backgroundColor = action.backgroundColor;
      }
      return;
    case 'showNavigationBarLoading':
    case 'hideNavigationBarLoading':
      if (nav) nav.loading = action.type === 'showNavigationBarLoading';
      return;
    case 'setBackgroundColor':
      if (page) page.config = { ...page.config, backgroundColor: action.backgroundColor };
      return;
    case 'setTabBarBadge':
      tabBar?.update(action.index, { badge: action.text });
      return;
    case 'removeTabBarBadge':
      tabBar?.update(action.index, { badge: '' });
      return;
    case 'showTabBarRedDot':
    case 'hideTabBarRedDot':
      tabBar?.update(action.index, { redDot: action.type === 'showTabBarRedDot' });
      return;
    case 'showTabBar':
    case 'hideTabBar':
      tabBar?.setVisible(action.type === 'showTabBar');
      return;
    case 'setTabBarStyle':
      tabBar?.restyle(action.style);
      return;
    case 'setTabBarItem':
      tabBar?.update(action.index, action.item);
      return;
    case 'showToast':
      overlays.showToast(action.title, action.icon, action.duration);
      return;
    case 'hideToast':
      overlays.hideToast();
      return;
    case 'showModal':
      overlays.showModal(action, (confirm) => answerModal(action.callId, confirm));
      return;
    case 'startPullDownRefresh':
    case 'stopPullDownRefresh':
    case 'pageScrollTo':
      // handled by the page's view
      return;
  }
}
