/**
 * The status bar, the navigation bar (title, colours, back/home buttons, loading) and the capsule (menu
 * button), drawn by the host above the page's iframe, as WeChat draws them natively.
 */
import type { PageWindowConfig } from '../protocol';
import type { DeviceProfile } from '../../shared/device-profiles';
import { NAVIGATION_BAR_HEIGHT } from '../protocol';

export interface NavigationState {
  title: string;
  backgroundColor: string;
  frontColor: 'white' | 'black';
  custom: boolean;
  loading: boolean;
  showBack: boolean;
  showHome: boolean;
}

export function navigationStateOf(config: PageWindowConfig, canGoBack: boolean, isFirstNonTabPage: boolean): NavigationState {
  return {
    title: config.navigationBarTitleText ?? '',
    backgroundColor: config.navigationBarBackgroundColor ?? '#000000',
    frontColor: config.navigationBarTextStyle === 'black' ? 'black' : 'white',
    custom: config.navigationStyle === 'custom',
    loading: false,
    showBack: canGoBack,
    showHome: !canGoBack && isFirstNonTabPage,
  };
}

export class NavigationBar {
  readonly statusBar: HTMLElement;
  readonly bar: HTMLElement;
  readonly capsule: HTMLElement;
  private readonly title: HTMLElement;
  private readonly back: HTMLButtonElement;
  private readonly home: HTMLButtonElement;
  private readonly spinner: HTMLElement;

  constructor(
    parent: HTMLElement,
    private readonly actions: { back(): void; home(): void },
  ) {
    this.statusBar = el('div', 'ms-status-bar');
    this.statusBar.innerHTML = '<span class="ms-time">9:41</span><span class="ms-indicators">▮▮▮ ◔ ▭</span>';
    this.bar = el('div', 'ms-nav-bar');
    this.back = el('button', 'ms-nav-back') as HTMLButtonElement;
    this.back.setAttribute('aria-label', 'Back');
    this.back.textContent = '‹';
    this.back.addEventListener('click', () => this.actions.back());
    this.home = el('button', 'ms-nav-home') as HTMLButtonElement;
    this.home.setAttribute('aria-label', 'Home');
    this.home.textContent = '⌂';
    this.home.addEventListener('click', () => this.actions.home());
    this.spinner = el('span', 'ms-nav-loading');
    this.title = el('div', 'ms-nav-title');
    const titleRow = el('div', 'ms-nav-center');
    titleRow.append(this.spinner, this.title);
    this.bar.append(this.back, this.home, titleRow);
    this.capsule = el('div', 'ms-capsule');
    this.capsule.innerHTML = '<span class="ms-capsule-menu">•••</span><span class="ms-capsule-sep"></span><span class="ms-capsule-close">◎</span>';
    parent.append(this.statusBar, this.bar, this.capsule);
  }

  layout(device: DeviceProfile): void {
    this.statusBar.style.height = `${device.statusBarHeight}px`;
    this.bar.style.top = `${device.statusBarHeight}px`;
    this.bar.style.height = `${NAVIGATION_BAR_HEIGHT}px`;
    this.capsule.style.top = `${device.statusBarHeight + (NAVIGATION_BAR_HEIGHT - 32) / 2}px`;
  }

  render(state: NavigationState): void {
    this.title.textContent = state.title;
    this.bar.hidden = state.custom;
    this.bar.style.backgroundColor = state.backgroundColor;
    const color = state.frontColor === 'white' ? '#ffffff' : '#000000';
    this.bar.style.color = color;
    this.statusBar.style.color = color;
    this.statusBar.style.backgroundColor = state.custom ? 'transparent' : state.backgroundColor;
    this.capsule.dataset.tone = state.frontColor;
    this.back.hidden = !state.showBack;
    this.home.hidden = !state.showHome;
    this.spinner.hidden = !state.loading;
  }
}

function el(tag: string, className: string): HTMLElement {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}
