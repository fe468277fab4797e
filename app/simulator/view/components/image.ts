// <image> and <cover-image>: every WeChat mode, lazy-load, fade-in, and load/error events with the natural size.
import { sheet, WxElement } from './wx-element';

const IMAGE_CSS = `
:host { overflow: hidden; }
#frame { position: relative; width: 100%; height: 100%; background-repeat: no-repeat; }
#frame.fade { transition: opacity .3s ease; opacity: 0; }
#frame.fade.loaded { opacity: 1; }
img { display: block; }
img.probe { position: absolute; width: 1px; height: 1px; opacity: 0; pointer-events: none; }
img.flow { width: 100%; height: auto; -webkit-user-drag: none; }
img.flow-height { height: 100%; width: auto; -webkit-user-drag: none; }
`;

/** background-size / background-position for each mode drawn as a background. */
const BACKGROUND: Readonly<Record<string, readonly [string, string]>> = {
  scaleToFill: ['100% 100%', '0% 0%'],
  aspectFit: ['contain', 'center center'],
  aspectFill: ['cover', 'center center'],
  top: ['auto auto', 'center top'],
  bottom: ['auto auto', 'center bottom'],
  center: ['auto auto', 'center center'],
  left: ['auto auto', 'left center'],
  right: ['auto auto', 'right center'],
  'top left': ['auto auto', 'left top'],
  'top right': ['auto auto', 'right top'],
  'bottom left': ['auto auto', 'left bottom'],
  'bottom right': ['auto auto', 'right bottom'],
};

export class WxImage extends WxElement {
  private frame!: HTMLDivElement;
  private img!: HTMLImageElement;
  private fixStyle!: HTMLStyleElement;
  private requestedSrc = '';
  private visible = false;
  private lazyObserver: IntersectionObserver | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(IMAGE_CSS)];
    this.fixStyle = document.createElement('style');
    this.frame = document.createElement('div');
    this.frame.id = 'frame';
    this.frame.setAttribute('part', 'image');
    this.img = document.createElement('img');
    this.img.alt = '';
    this.img.draggable = false;
    this.img.addEventListener('load', () => this.loaded());
    this.img.addEventListener('error', () => this.failed());
    this.frame.append(this.img);
    root.append(this.fixStyle, this.frame);
  }

  protected override connected(): void {
    this.observeVisibility();
  }

  protected override disconnected(): void {
    this.lazyObserver?.disconnect();
    this.lazyObserver = undefined;
  }

  private observeVisibility(): void {
    if (!this.prop<boolean>('lazyLoad') || this.visible || this.lazyObserver) return;
    // WeChat starts loading lazy images when they come within about one screen of the viewport.
    this.lazyObserver = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        this.visible = true;
        this.lazyObserver?.disconnect();
        this.lazyObserver = undefined;
        this.render();
      },
      { rootMargin: '100% 50%' },
    );
    this.lazyObserver.observe(this);
  }

  private get displayMode(): string {
    return this.prop<string | undefined>('mode') ?? 'scaleToFill';
  }

  protected override render(): void {
    const src = this.prop<string | null>('src') ?? '';
    const mode = this.displayMode;
    const flow = mode === 'widthFix' || mode === 'heightFix';
    this.fixStyle.textContent =
      mode === 'widthFix' ? ':host { height: auto !important; }' : mode === 'heightFix' ? ':host { width: auto !important; }' : '';
    this.img.className = mode === 'widthFix' ? 'flow' : mode === 'heightFix' ? 'flow-height' : 'probe';
    this.frame.classList.toggle('fade', this.prop<boolean>('fadeIn'));
    const [size, position] = BACKGROUND[mode] ?? BACKGROUND.scaleToFill!;
    this.frame.style.backgroundSize = flow ? '' : size;
    this.frame.style.backgroundPosition = flow ? '' : position;
    if (this.prop<boolean>('lazyLoad') && !this.visible) {
      if (this.isConnected) this.observeVisibility();
      return;
    }
    if (src !== this.requestedSrc) {
      this.requestedSrc = src;
      this.frame.classList.remove('loaded');
      this.frame.style.backgroundImage = '';
      if (src) this.img.src = src;
      else this.img.removeAttribute('src');
    }
  }

  private loaded(): void {
    const url = this.img.currentSrc || this.img.src;
    if (this.displayMode !== 'widthFix' && this.displayMode !== 'heightFix') this.frame.style.backgroundImage = `url(${JSON.stringify(url)})`;
    this.frame.classList.add('loaded');
    this.emit('load', { width: this.img.naturalWidth, height: this.img.naturalHeight });
  }

  private failed(): void {
    if (!this.requestedSrc) return;
    this.emit('error', { errMsg: `GET ${this.requestedSrc} failed: the image could not be loaded` });
  }
}

/** cover-image: an image drawn at the size its box gives it. */
export class WxCoverImage extends WxImage {}
