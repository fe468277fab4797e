// <match-media>: its content shows only while the page viewport matches the given sizes and orientation.
import { sheet, WxElement } from './wx-element';

const FEATURES: readonly (readonly [property: string, feature: string])[] = [
  ['minWidth', 'min-width'],
  ['maxWidth', 'max-width'],
  ['width', 'width'],
  ['minHeight', 'min-height'],
  ['maxHeight', 'max-height'],
  ['height', 'height'],
];

export class WxMatchMedia extends WxElement {
  private hostStyle!: HTMLStyleElement;
  private query: MediaQueryList | undefined;
  private readonly update = (): void => this.applyMatch();

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(':host { display: block; }')];
    this.hostStyle = document.createElement('style');
    root.append(this.hostStyle, document.createElement('slot'));
  }

  /** The CSS media query for the current attributes ('all' when none is set). */
  mediaQuery(): string {
    const parts = FEATURES.flatMap(([property, feature]) => {
      const value = this.prop<number | null>(property);
      return typeof value === 'number' ? [`(${feature}: ${value}px)`] : [];
    });
    const orientation = this.prop<string | null>('orientation');
    if (orientation) parts.push(`(orientation: ${orientation})`);
    return parts.length ? parts.join(' and ') : 'all';
  }

  protected override render(): void {
    const text = this.mediaQuery();
    if (this.query?.media !== text) {
      this.query?.removeEventListener('change', this.update);
      this.query = window.matchMedia(text);
      this.query.addEventListener('change', this.update);
    }
    this.applyMatch();
  }

  protected override disconnected(): void {
    this.query?.removeEventListener('change', this.update);
    this.query = undefined;
  }

  private applyMatch(): void {
    const css = this.query?.matches === false ? ':host { display: none !important; }' : '';
    if (this.hostStyle.textContent !== css) this.hostStyle.textContent = css;
  }
}
