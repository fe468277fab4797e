// <checkbox> and <checkbox-group>: a tap toggles the box; the group fires change {value: [checked values]}.
import type { FormField } from './form-field';
import { CHECK_MARK_SVG, TOGGLE_CSS } from './toggle-styles';
import { sheet, WxElement } from './wx-element';

export class WxCheckbox extends WxElement {
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
    this.setAttribute('role', 'checkbox');
    this.addEventListener('click', () => this.toggle());
  }

  activateFromLabel(): void {
    this.toggle();
  }

  private toggle(): void {
    if (this.prop<boolean>('disabled')) return;
    this.setProp('checked', !this.prop<boolean>('checked'));
    const group = this.closest('wx-checkbox-group');
    if (group instanceof WxCheckboxGroup) group.notifyChange();
  }

  protected override render(): void {
    const checked = this.prop<boolean>('checked');
    const disabled = this.prop<boolean>('disabled');
    this.box.className = `box checkbox${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`;
    this.box.setAttribute('part', `wx-checkbox-input${checked ? ' wx-checkbox-input-checked' : ''}${disabled ? ' wx-checkbox-input-disabled' : ''}`);
    this.box.style.color = disabled ? '' : this.prop<string>('color') || '#09BB07';
    this.setAttribute('aria-checked', String(checked));
  }
}

export class WxCheckboxGroup extends WxElement implements FormField {
  private boxes(): WxCheckbox[] {
    return Array.from(this.querySelectorAll('wx-checkbox')).filter((box): box is WxCheckbox => box instanceof WxCheckbox);
  }

  get formValue(): string[] {
    return this.boxes()
      .filter((box) => box.prop<boolean>('checked'))
      .map((box) => box.prop<string>('value'));
  }

  resetFormValue(): void {
    for (const box of this.boxes()) box.setProp('checked', false);
  }

  notifyChange(): void {
    this.emit('change', { value: this.formValue });
  }
}
