// <web-view>: the page at `src` in a sandboxed iframe filling the page (no same-origin access, so it cannot
// reach the simulator). load {src} when it loaded; messages to the mini-program are not bridged.
import { sheet, WxElement } from './wx-element';

const WEB_VIEW_CSS = `
iframe { display: block; width: 100%; height: 100%; border: 0; background: #ffffff; }
`;

export class WxWebView extends WxElement {
  private frame!: HTMLIFrameElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(WEB_VIEW_CSS)];
    this.frame = document.createElement('iframe');
    this.frame.setAttribute('part', 'frame');
    this.frame.setAttribute('sandbox', 'allow-scripts allow-forms allow-popups');
    this.frame.addEventListener('load', () => {
      const src = this.prop<string | null>('src');
      if (src) this.emit('load', { src });
    });
    root.append(this.frame);
  }

  protected override render(): void {
    const src = this.prop<string | null>('src') ?? '';
    this.frame.referrerPolicy = this.prop<string>('referrerPolicy') === 'origin' ? 'origin' : 'no-referrer';
    if (!/^https?:\/\//i.test(src) && src !== '') {
      // WeChat only opens http(s) pages; anything else (javascript:, file:) is refused.
      this.frame.removeAttribute('src');
      this.emit('error', { url: src, fullUrl: src });
      return;
    }
    if (this.frame.getAttribute('src') !== src) this.frame.src = src || 'about:blank';
  }
}
