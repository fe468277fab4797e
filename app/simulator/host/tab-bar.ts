/** The native tabBar from app.json: items with icons and colours, badges and red dots, show/hide and restyle. */
import { TAB_BAR_HEIGHT } from '../protocol';

export interface TabBarItem {
  pagePath: string;
  text: string;
  iconPath?: string;
  selectedIconPath?: string;
  badge?: string;
  redDot?: boolean;
}

export interface TabBarConfig {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  borderStyle: string;
  custom: boolean;
  items: TabBarItem[];
}

export function tabBarConfigOf(appJson: Readonly<Record<string, unknown>>): TabBarConfig | undefined {
  const raw = appJson.tabBar as Record<string, unknown> | undefined;
  if (!raw || !Array.isArray(raw.list) || raw.list.length < 2) return undefined;
  return {
    color: String(raw.color ?? '#7A7E83'),
    selectedColor: String(raw.selectedColor ?? '#3cc51f'),
    backgroundColor: String(raw.backgroundColor ?? '#ffffff'),
    borderStyle: String(raw.borderStyle ?? 'black'),
    custom: raw.custom === true,
    items: (raw.list as Record<string, unknown>[]).map((item) => ({
      pagePath: String(item.pagePath ?? '').replace(/^\//, '').replace(/\.(wxml|js)$/, ''),
      text: String(item.text ?? ''),
      ...(typeof item.iconPath === 'string' ? { iconPath: item.iconPath } : {}),
      ...(typeof item.selectedIconPath === 'string' ? { selectedIconPath: item.selectedIconPath } : {}),
    })),
  };
}

export class TabBar {
  readonly element: HTMLElement;
  private selected = -1;
  private visible = true;

  constructor(
    parent: HTMLElement,
    readonly config: TabBarConfig,
    private readonly resolveAsset: (path: string) => string,
    private readonly onSelect: (index: number, item: TabBarItem) => void,
  ) {
    this.element = document.createElement('nav');
    this.element.className = 'ms-tab-bar';
    this.element.setAttribute('role', 'tablist');
    parent.appendChild(this.element);
    this.render();
  }

  get height(): number {
    return TAB_BAR_HEIGHT;
  }

  indexOf(route: string): number {
    return this.config.items.findIndex((item) => item.pagePath === route);
  }

  select(route: string | undefined): void {
    this.selected = route === undefined ? -1 : this.indexOf(route);
    this.render();
  }

  setVisible(visible: boolean): void {
    this.visible = visible;
    this.render();
  }

  isShownFor(route: string | undefined): boolean {
    return this.visible && !this.config.custom && route !== undefined && this.indexOf(route) >= 0;
  }

  update(index: number, change: Partial<TabBarItem>): void {
    const item = this.config.items[index];
    if (!item) return;
    Object.assign(item, change);
    if (change.badge === '') delete item.badge;
    this.render();
  }

  restyle(style: Readonly<Record<string, string>>): void {
    Object.assign(this.config, style);
    this.render();
  }

  private render(): void {
    const { config } = this;
    this.element.style.backgroundColor = config.backgroundColor;
    this.element.style.borderTopColor = config.borderStyle === 'white' ? '#eeeeee' : 'rgba(0,0,0,0.15)';
    this.element.replaceChildren(
      ...config.items.map((item, index) => {
        const selected = index === this.selected;
        const button = document.createElement('button');
        button.className = 'ms-tab-item';
        button.setAttribute('role', 'tab');
        button.setAttribute('aria-selected', String(selected));
        button.dataset.pagePath = item.pagePath;
        button.style.color = selected ? config.selectedColor : config.color;
        const icon = selected ? item.selectedIconPath ?? item.iconPath : item.iconPath;
        if (icon) {
          const img = document.createElement('img');
          img.className = 'ms-tab-icon';
          img.src = this.resolveAsset(icon);
          img.alt = '';
          button.appendChild(img);
        }
        const label = document.createElement('span');
        label.className = 'ms-tab-text';
        label.textContent = item.text;
        button.appendChild(label);
        if (item.badge) {
          const badge = document.createElement('span');
          badge.className = 'ms-tab-badge';
          badge.textContent = item.badge;
          button.appendChild(badge);
        } else if (item.redDot) {
          const dot = document.createElement('span');
          dot.className = 'ms-tab-dot';
          button.appendChild(dot);
        }
        button.addEventListener('click', () => this.onSelect(index, item));
        return button;
      }),
    );
  }
}
