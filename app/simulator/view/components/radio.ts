// <radio> and <radio-group>: a tap checks the radio and unchecks its siblings; the group fires change {value}.
import type { FormField } from './form-field';
import { CHECK_MARK_SVG, TOGGLE_CSS } from './toggle-styles';
import { sheet, WxElement } from './wx-element';

export class WxRadio extends WxElement {
  static override reflected = ['disabled', 'checked'];
  private box!: HTMLSpanElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(TOGGLE_CSS)];
    const wrapper = document.createElement('span');
    wrapper.className = 'wrapper';
    this.box = document.createElement('span');
    this.box.innerHTML = CHECK_MARK_SVG;
    wrapper.append(this.box, document.createElement('slot'));
    root.append(wrapper);
    this.setAttribute('role', 'radio');
    this.addEventListener('click', () => this.choose());
  }

  activateFromLabel(): void {
    this.choose();
  }

  private choose(): void {
    if (this.prop<boolean>('disabled') || this.prop<boolean>('checked')) return;
    this.setProp('checked', true);
    const group = this.closest('wx-radio-group');
    if (group instanceof WxRadioGroup) group.chosen(this);
  }

  protected override render(): void {
    const checked = this.prop<boolean>('checked');
    const disabled = this.prop<boolean>('disabled');
    const color = this.prop<string>('color') || '#09BB07';
    this.box.className = `box radio${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`;
    this.box.setAttribute('part', `wx-radio-input${checked ? ' wx-radio-input-checked' : ''}${disabled ? ' wx-radio-input-disabled' : ''}`);
    this.box.style.backgroundColor = checked ? color : '';
    this.box.style.borderColor = checked ? color : '';
    this.setAttribute('aria-checked', String(checked));
  }
}

export class WxRadioGroup extends WxElement implements FormField {
  private radios(): WxRadio[] {
    return Array.from(this.querySelectorAll('wx-radio')).filter((radio): radio is WxRadio => radio instanceof WxRadio);
  }

  get formValue(): string {
    return this.radios().find((radio) => radio.prop<boolean>('checked'))?.prop<string>('value') ?? '';
  }

  resetFormValue(): void {
    for (const radio of this.radios()) radio.setProp('checked', false);
  }

  chosen(chosen: WxRadio): void {
    for (const radio of this.radios()) if (radio !== chosen) radio.setProp('checked', false);
    this.emit('change', { value: chosen.prop<string>('value') });
  }
}
