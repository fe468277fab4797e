/**
 * The page's style sheets, in the order the engine appended them. CSS arrives with `rpx` kept; we convert it for
 * the current device and map `env(safe-area-inset-*)` to variables the host sets (Chromium only knows real
 * display cutouts). A device switch re-converts every sheet from its source text.
 */
import { convertRpxInCss, type RpxPlatform } from '../../shared/rpx';

interface Sheet {
  readonly url: string;
  source: string;
  readonly element: HTMLStyleElement;
  disabled: boolean;
}

export interface RpxDevice {
  readonly windowWidth: number;
  readonly platform: RpxPlatform;
  readonly pixelRatio: number;
  /** The simulated theme: `prefers-color-scheme` queries follow it, not the host browser. */
  readonly theme?: 'light' | 'dark';
}

const COLOR_SCHEME_QUERY = /\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)/g;

const SAFE_AREA = /\b(?:env|constant)\(\s*safe-area-inset-(top|right|bottom|left)\s*(?:,([^)]*))?\)/g;

export function adaptCss(css: string, device: RpxDevice): string {
  const withSafeArea = css.replace(SAFE_AREA, (_m, side: string, fallback: string | undefined) =>
    `var(--safe-area-inset-${side}${fallback ? `,${fallback}` : ', 0px'})`,
  );
  const themed = device.theme
    ? withSafeArea.replace(COLOR_SCHEME_QUERY, (_m, scheme: string) => (scheme === device.theme ? '(min-width: 0px)' : '(max-width: -1px)'))
    : withSafeArea;
  return convertRpxInCss(themed, device.windowWidth, device.platform, device.pixelRatio);
}

export class StyleSheets {
  private readonly sheets = new Map<number, Sheet>();
  private readonly pending = new Set<Promise<void>>();

  constructor(
    private readonly head: HTMLElement,
    private device: RpxDevice,
  ) {}

  add(index: number, url: string): void {
    const element = document.createElement('style');
    element.dataset.sheet = String(index);
    element.dataset.url = url;
    this.head.appendChild(element);
    const sheet: Sheet = { url, source: '', element, disabled: false };
    this.sheets.set(index, sheet);
    this.track(this.load(sheet, url));
  }

  disable(index: number): void {
    const sheet = this.sheets.get(index);
    if (!sheet) return;
    sheet.disabled = true;
    sheet.element.disabled = true;
  }

  /** Resolves when every sheet requested so far has its text: the first frame is never unstyled. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Any CSS text (an inline style) converted for the current device. */
  adapt(css: string): string {
    return adaptCss(css, this.device);
  }

  setDevice(device: RpxDevice): void {
    this.device = device;
    for (const sheet of this.sheets.values()) sheet.element.textContent = adaptCss(sheet.source, device);
  }

  /** Hot reload: refetch the sheets loaded from these URLs. */
  reload(urls: readonly string[]): void {
    const wanted = new Set(urls);
    for (const sheet of this.sheets.values()) {
      if (wanted.has(sheet.url)) this.track(this.load(sheet, `${sheet.url}${sheet.url.includes('?') ? '&' : '?'}t=${Date.now()}`));
    }
  }

  private track(promise: Promise<void>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }

  private async load(sheet: Sheet, url: string): Promise<void> {
    try {
      const response = await fetch(url, { cache: 'no-cache' });
      sheet.source = response.ok ? await response.text() : `/* ${url}: HTTP ${response.status} */`;
    } catch (error) {
      sheet.source = `/* ${url}: ${String(error)} */`;
    }
    sheet.element.textContent = adaptCss(sheet.source, this.device);
  }
}
