// <icon>: every WeChat icon type as an inline SVG in its WeUI colour; `size` in px (or any CSS length).
import { cssLength, sheet, WxElement } from './wx-element';

const DISC = '<circle cx="12" cy="12" r="12" fill="currentColor"/>';
const WHITE = 'fill="#fff"';

/** 24×24 drawings, coloured with currentColor. */
const ICONS: Readonly<Record<string, { readonly color: string; readonly svg: string }>> = {
  success: { color: '#09BB07', svg: `${DISC}<path ${WHITE} d="M10.2 16.6 5.6 12l1.4-1.4 3.2 3.2 6.8-6.8 1.4 1.4z"/>` },
  success_no_circle: { color: '#09BB07', svg: '<path fill="currentColor" d="M9 17.4 3.3 11.7l1.6-1.6L9 14.2 19.1 4.1l1.6 1.6z"/>' },
  info: { color: '#10AEFF', svg: `${DISC}<rect ${WHITE} x="10.8" y="10" width="2.4" height="8" rx="1"/><circle ${WHITE} cx="12" cy="6.9" r="1.5"/>` },
  warn: { color: '#F76260', svg: `${DISC}<rect ${WHITE} x="10.8" y="5.5" width="2.4" height="8.5" rx="1"/><circle ${WHITE} cx="12" cy="17.3" r="1.5"/>` },
  waiting: { color: '#10AEFF', svg: `${DISC}<path ${WHITE} d="M11 5.5h2v6l4.2 2.5-1 1.7L11 12.6z"/>` },
  cancel: { color: '#F43530', svg: `${DISC}<path ${WHITE} d="m7.6 6.2 4.4 4.4 4.4-4.4 1.4 1.4-4.4 4.4 4.4 4.4-1.4 1.4-4.4-4.4-4.4 4.4-1.4-1.4 4.4-4.4-4.4-4.4z"/>` },
  download: { color: '#09BB07', svg: `${DISC}<path ${WHITE} d="M11 5.5h2v7.6l2.8-2.8 1.4 1.4-5.2 5.2-5.2-5.2 1.4-1.4 2.8 2.8z"/><rect ${WHITE} x="6.5" y="17.5" width="11" height="1.8" rx=".9"/>` },
  search: {
    color: '#B2B2B2',
    svg: '<circle cx="10.5" cy="10.5" r="6.5" fill="none" stroke="currentColor" stroke-width="2"/><path fill="currentColor" d="m15.2 16.6 1.4-1.4 5 5-1.4 1.4z"/>',
  },
  clear: { color: '#B2B2B2', svg: `${DISC}<path ${WHITE} d="m8.3 7 3.7 3.7L15.7 7 17 8.3 13.3 12l3.7 3.7-1.3 1.3-3.7-3.7L8.3 17 7 15.7l3.7-3.7L7 8.3z"/>` },
  circle: { color: '#C9C9C9', svg: '<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="1.5"/>' },
  info_circle: {
    color: '#09BB07',
    svg: '<circle cx="12" cy="12" r="11" fill="none" stroke="currentColor" stroke-width="1.5"/><rect fill="currentColor" x="11" y="10" width="2" height="8" rx="1"/><circle fill="currentColor" cx="12" cy="6.9" r="1.3"/>',
  },
};

const ICON_CSS = `
:host { display: inline-block; font-size: 0; line-height: 0; vertical-align: middle; }
svg { display: block; }
`;

export class WxIcon extends WxElement {
  private holder!: HTMLSpanElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(ICON_CSS)];
    this.holder = document.createElement('span');
    this.holder.setAttribute('part', 'icon');
    root.append(this.holder);
  }

  protected override render(): void {
    const type = this.prop<string | null>('type') ?? '';
    const icon = ICONS[type];
    if (!icon) {
      this.holder.innerHTML = '';
      return;
    }
    const size = cssLength(this.prop('size'), '23px');
    this.holder.style.color = this.prop<string | null>('color') || icon.color;
    this.holder.innerHTML = `<svg viewBox="0 0 24 24" width="${size}" height="${size}" aria-label="${type}" role="img">${icon.svg}</svg>`;
  }
}
