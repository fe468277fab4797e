// <switch>: the WeUI toggle (or a checkbox with type="checkbox"); a tap flips it and fires change {value}.
import type { FormField } from './form-field';
import { CHECK_MARK_SVG, TOGGLE_CSS } from './toggle-styles';
import { sheet, WxElement } from './wx-element';

export class WxSwitch extends WxElement implements FormField {
  static override reflected = ['disabled', 'checked'];
  private input!: HTMLSpanElement;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(TOGGLE_CSS)];
    const wrapper = document.createElement('span');
    wrapper.className = 'wrapper';
    this.input = document.createElement('span');
    wrapper.append(this.input, document.createElement('slot'));
    root.append(wrapper);
    this.setAttribute('role', 'switch');
    this.addEventListener('click', () => this.toggle());
  }

  activateFromLabel(): void {
    this.toggle();
  }

  private toggle(): void {
    if (this.prop<boolean>('disabled')) return;
    this.setProp('checked', !this.prop<boolean>('checked'));
    this.emit('change', { value: this.prop<boolean>('checked') });
  }

  get formValue(): boolean {
    return this.prop<boolean>('checked');
  }

  resetFormValue(): void {
    this.setProp('checked', false);
  }

  protected override render(): void {
    const checked = this.prop<boolean>('checked');
    const disabled = this.prop<boolean>('disabled');
    const asCheckbox = this.prop<string>('type') === 'checkbox';
    const color = this.prop<string>('color') || '#04BE02';
    const kind = asCheckbox ? 'wx-checkbox-input' : 'wx-switch-input';
    this.input.className = `${asCheckbox ? 'box checkbox' : 'switch'}${checked ? ' checked' : ''}${disabled ? ' disabled' : ''}`;
    this.input.setAttribute('part', `${kind}${checked ? ` ${kind}-checked` : ''}${disabled ? ` ${kind}-disabled` : ''}`);
    this.input.innerHTML = asCheckbox ? CHECK_MARK_SVG : '';
    this.input.style.color = asCheckbox ? color : '';
    this.input.style.backgroundColor = !asCheckbox && checked ? color : '';
    this.input.style.borderColor = !asCheckbox && checked ? color : '';
    this.setAttribute('aria-checked', String(checked));
  }
}
