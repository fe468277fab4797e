// <progress>: the WeUI bar with optional percentage, active (animated from 0 or from the last value) and activeend.
import { cssLength, sheet, WxElement } from './wx-element';

const PROGRESS_CSS = `
:host { display: flex; align-items: center; }
#track { flex: 1; overflow: hidden; }
#bar { height: 100%; width: 0; }
#info { margin-top: 0; margin-bottom: 0; min-width: 2em; margin-left: 15px; font-size: 16px; }
`;

export class WxProgress extends WxElement {
  private track!: HTMLDivElement;
  private bar!: HTMLDivElement;
  private info!: HTMLSpanElement;
  private shown = 0;
  private animation: number | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(PROGRESS_CSS)];
    this.track = document.createElement('div');
    this.track.id = 'track';
    this.track.setAttribute('part', 'track');
    this.bar = document.createElement('div');
    this.bar.id = 'bar';
    this.bar.setAttribute('part', 'bar');
    this.track.append(this.bar);
    this.info = document.createElement('span');
    this.info.id = 'info';
    this.info.setAttribute('part', 'info');
    root.append(this.track, this.info);
    this.setAttribute('role', 'progressbar');
  }

  private get clampedPercent(): number {
    return Math.min(100, Math.max(0, this.prop<number>('percent') || 0));
  }

  protected override render(): void {
    const active = this.prop<string | null>('activeColor');
    const legacy = this.prop<string>('color');
    // `color` is the deprecated spelling: it wins only when activeColor keeps its default.
    this.bar.style.backgroundColor = active && active !== '#09BB07' ? active : legacy || '#09BB07';
    this.track.style.backgroundColor = this.prop<string>('backgroundColor');
    this.track.style.height = this.bar.style.height = cssLength(this.prop('strokeWidth'), '6px');
    this.track.style.borderRadius = this.bar.style.borderRadius = cssLength(this.prop('borderRadius'));
    this.info.style.fontSize = cssLength(this.prop('fontSize'), '16px');
    this.info.hidden = !this.prop<boolean>('showInfo');
    this.setAttribute('aria-valuenow', String(this.clampedPercent));
    const target = this.clampedPercent;
    if (this.prop<boolean>('active') && target !== this.shown) this.animateTo(target);
    else if (!this.animation) this.show(target);
  }

  private show(value: number): void {
    this.shown = value;
    this.bar.style.width = `${value}%`;
    this.info.textContent = `${Math.round(value)}%`;
  }

  private animateTo(target: number): void {
    if (this.animation) cancelAnimationFrame(this.animation);
    const from = this.prop<string>('activeMode') === 'forwards' ? this.shown : 0;
    const stepMs = Math.max(1, this.prop<number>('duration') || 30);
    const started = performance.now();
    const tick = (now: number): void => {
      const step = Math.floor((now - started) / stepMs);
      const value = from <= target ? Math.min(target, from + step) : Math.max(target, from - step);
      this.show(value);
      if (value === target) {
        this.animation = undefined;
        this.emit('activeend', { curPercent: value });
        return;
      }
      this.animation = requestAnimationFrame(tick);
    };
    this.show(from);
    this.animation = requestAnimationFrame(tick);
  }
}
