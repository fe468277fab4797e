// <slider>: the WeUI track and round handle; dragging fires `changing` {value} on every step and `change`
// {value} on release, a tap on the track jumps there and fires `change`.
import type { FormField } from './form-field';
import { claimPointer, releasePointer } from './gesture-claim';
import { sheet, WxElement } from './wx-element';

const SLIDER_CSS = `
:host { -webkit-tap-highlight-color: transparent; }
.wrapper { display: flex; align-items: center; min-height: 16px; }
.tap-area { flex: 1; padding: 8px 0; cursor: pointer; touch-action: none; }
:host([disabled]) .tap-area { cursor: not-allowed; }
.track { position: relative; height: 2px; border-radius: 5px; }
.fill { height: 100%; border-radius: 6px; }
.handle {
  position: absolute; top: 50%; left: 0; border-radius: 50%; box-shadow: 0 0 4px rgba(0, 0, 0, .2);
  transform: translate(-50%, -50%); box-sizing: border-box;
}
.value { width: 3ch; margin-left: 1em; color: #888888; font-size: 14px; text-align: left; }
`;

export class WxSlider extends WxElement implements FormField {
  static override reflected = ['disabled'];
  private tapArea!: HTMLDivElement;
  private track!: HTMLDivElement;
  private fill!: HTMLDivElement;
  private handle!: HTMLDivElement;
  private valueLabel!: HTMLSpanElement;
  private live: number | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(SLIDER_CSS)];
    root.innerHTML =
      '<div class="wrapper"><div class="tap-area" part="tap-area"><div class="track" part="track"><div class="fill" part="fill"></div>' +
      '<div class="handle" part="handle"></div></div></div><span class="value" part="value"></span></div>';
    this.tapArea = root.querySelector('.tap-area')!;
    this.track = root.querySelector('.track')!;
    this.fill = root.querySelector('.fill')!;
    this.handle = root.querySelector('.handle')!;
    this.valueLabel = root.querySelector('.value')!;
    this.setAttribute('role', 'slider');
    this.tapArea.addEventListener('pointerdown', (event) => this.startDrag(event));
  }

  private get bounds(): { min: number; max: number; step: number } {
    const min = this.prop<number>('min');
    const max = Math.max(min, this.prop<number>('max'));
    const step = this.prop<number>('step') > 0 ? this.prop<number>('step') : 1;
    return { min, max, step };
  }

  /** The shown value: the drag position while dragging, else the property clamped to the range. */
  private get current(): number {
    const { min, max } = this.bounds;
    return Math.min(max, Math.max(min, this.live ?? this.prop<number>('value')));
  }

  private valueAt(clientX: number): number {
    const { min, max, step } = this.bounds;
    const rect = this.track.getBoundingClientRect();
    const ratio = rect.width > 0 ? Math.min(1, Math.max(0, (clientX - rect.left) / rect.width)) : 0;
    const stepped = min + Math.round(((max - min) * ratio) / step) * step;
    // Avoid 0.30000000000000004 from fractional steps.
    return Math.min(max, Number(stepped.toFixed(10)));
  }

  private startDrag(event: PointerEvent): void {
    if (this.prop<boolean>('disabled') || event.button !== 0 || !claimPointer(event.pointerId, this)) return;
    const area = this.tapArea;
    area.setPointerCapture(event.pointerId);
    let moved = false;
    let last = this.current;
    const move = (moveEvent: PointerEvent): void => {
      moved = true;
      const value = this.valueAt(moveEvent.clientX);
      this.live = value;
      this.render();
      if (value !== last) {
        last = value;
        this.emit('changing', { value });
      }
    };
    const end = (endEvent: PointerEvent): void => {
      area.removeEventListener('pointermove', move);
      area.removeEventListener('pointerup', end);
      area.removeEventListener('pointercancel', end);
      releasePointer(endEvent.pointerId, this);
      const value = moved ? (this.live ?? last) : this.valueAt(endEvent.clientX);
      this.live = undefined;
      this.setProp('value', value);
      this.render();
      this.emit('change', { value });
    };
    area.addEventListener('pointermove', move);
    area.addEventListener('pointerup', end);
    area.addEventListener('pointercancel', end);
  }

  get formValue(): number {
    return this.current;
  }

  resetFormValue(): void {
    this.setProp('value', this.bounds.min);
  }

  protected override render(): void {
    const { min, max } = this.bounds;
    const value = this.current;
    const percent = max > min ? ((value - min) / (max - min)) * 100 : 0;
    const legacyBackground = this.prop<string>('color');
    const legacyActive = this.prop<string>('selectedColor');
    const background = this.prop<string>('backgroundColor');
    const active = this.prop<string>('activeColor');
    // The deprecated color/selected-color win only when the new attributes keep their defaults.
    this.track.style.backgroundColor = background !== '#e9e9e9' ? background : legacyBackground;
    this.fill.style.backgroundColor = active !== '#1aad19' ? active : legacyActive;
    this.fill.style.width = `${percent}%`;
    const size = Math.min(28, Math.max(12, this.prop<number>('blockSize')));
    this.handle.style.width = this.handle.style.height = `${size}px`;
    this.handle.style.left = `${percent}%`;
    this.handle.style.backgroundColor = this.prop<string>('blockColor');
    this.valueLabel.hidden = !this.prop<boolean>('showValue');
    this.valueLabel.textContent = String(value);
    this.setAttribute('aria-valuenow', String(value));
    this.setAttribute('aria-valuemin', String(min));
    this.setAttribute('aria-valuemax', String(max));
  }
}
