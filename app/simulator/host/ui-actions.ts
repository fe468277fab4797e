/** Window-chrome calls from wx.* (navigation bar, tabBar, toasts, modals, sheets, choosers) applied to the host's chrome. */
import type { PageWindowConfig, UiAction, UiResult } from '../protocol';
import { showActionSheet } from './action-sheet';
import { chooseFiles } from './file-chooser';
import { showMediaViewer } from './media-viewer';
import type { NavigationState } from './navigation-bar';
import type { Overlays } from './overlays';
import type { TabBar } from './tab-bar';

export interface PageChromeState {
  config: PageWindowConfig;
  /** What wx.setNavigationBar* changed on this page; it wins over the json config. */
  navOverrides: Partial<NavigationState>;
  /** wx.enableAlertBeforeUnload's message: the back button asks before leaving. */
  alertBeforeUnload?: string | undefined;
}

export interface UiTargets {
  /** The page on top, which navigation-bar calls change. */
  readonly page: PageChromeState | undefined;
  readonly tabBar: TabBar | undefined;
  readonly overlays: Overlays;
  answerModal(callId: number, confirm: boolean): void;
  /** Answers a sheet or chooser call (file bytes are transferred). */
  answer(callId: number, result: UiResult, transfer: Transferable[]): void;
  /** The device screen sheets and viewers are drawn over. */
  readonly screen: HTMLElement;
  readonly chinese: boolean;
  readonly safeBottom: number;
  /** A package path or URL as the host can load it. */
  resolveUrl(url: string): string;
}

export function applyUiAction(action: UiAction, targets: UiTargets): void {
  const { page, tabBar, overlays, answerModal, answer, screen } = targets;
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
      overlays.showModal(action, (confirm, content) =>
        action.answerAsUiResult ? answer(action.callId, { type: 'modal', confirm, content }, []) : answerModal(action.callId, confirm),
      );
      return;
    case 'hideHomeButton':
      if (nav) nav.showHome = false;
      return;
    case 'alertBeforeUnload':
      if (page) page.alertBeforeUnload = action.message ?? undefined;
      return;
    case 'showActionSheet':
      showActionSheet(screen, { ...action, cancelText: targets.chinese ? '取消' : 'Cancel', safeBottom: targets.safeBottom }, (tapIndex) =>
        answer(action.callId, { type: 'action-sheet', tapIndex }, []),
      );
      return;
    case 'chooseFiles':
      void chooseFiles(screen, { ...action, chinese: targets.chinese, safeBottom: targets.safeBottom }).then(({ files, source }) =>
        answer(action.callId, { type: 'files', files, source }, files?.map((f) => f.bytes) ?? []),
      );
      return;
    case 'previewMedia':
      showMediaViewer(screen, action.sources, action.current, targets.resolveUrl);
      return;
    case 'downloadFile': {
      const link = document.createElement('a');
      link.href = targets.resolveUrl(action.url);
      link.download = action.fileName;
      link.click();
      return;
    }
    case 'startPullDownRefresh':
    case 'stopPullDownRefresh':
    case 'pageScrollTo':
      // handled by the page's view
      return;
  }
}
