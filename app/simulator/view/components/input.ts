// <input>: a real <input> in the shadow root. The element owns the live value (see text-field.ts); `focus`
// is both WeChat's boolean attribute and, when called, HTMLElement's focus() method.
import { FIELD_CSS, installFocusProperty, TextFieldController } from './text-field';
import type { FormField } from './form-field';
import { sheet, WxElement } from './wx-element';

/** Characters each WeChat keyboard type can produce. */
const ALLOWED_CHARACTERS: Readonly<Record<string, RegExp>> = {
  number: /^[0-9]*$/,
  digit: /^[0-9.]*$/,
  idcard: /^[0-9Xx]*$/,
};
const INPUT_MODE: Readonly<Record<string, string>> = { number: 'numeric', digit: 'decimal', idcard: 'text' };

export class WxInput extends WxElement implements FormField {
  private controller!: TextFieldController;
  private pendingValue: string | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    root.adoptedStyleSheets = [sheet(FIELD_CSS)];
    const control = document.createElement('input');
    control.autocomplete = 'off';
    control.spellcheck = false;
    this.controller = new TextFieldController(this, control);
    control.addEventListener('beforeinput', (event) => {
      const allowed = ALLOWED_CHARACTERS[this.prop<string>('type')];
      const text = event.data ?? event.dataTransfer?.getData('text/plain') ?? null;
      if (!allowed || !text || allowed.test(text)) return;
      // Typed or pasted characters the keyboard type cannot produce: keep only the ones it can.
      event.preventDefault();
      const kept = Array.from(text)
        .filter((char) => allowed.test(char))
        .join('');
      if (kept) {
        control.setRangeText(kept, control.selectionStart ?? control.value.length, control.selectionEnd ?? control.value.length, 'end');
        this.controller.applyMaxLength(this.prop<number>('maxlength'));
        control.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: kept }));
      }
    });
    control.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing) return;
      this.emit('confirm', { value: control.value });
      if (!this.prop<boolean>('confirmHold')) control.blur();
    });
    root.append(this.controller.styleElement, control);
    if (this.pendingValue !== undefined) this.controller.setValue(this.pendingValue);
    this.pendingValue = undefined;
  }

  protected override connected(): void {
    if (this.prop<boolean>('autoFocus') || this.prop<boolean>('focus')) queueMicrotask(() => this.controller.applyFocus(true));
  }

  get value(): string {
    return this.controller ? this.controller.value : (this.pendingValue ?? '');
  }

  set value(next: unknown) {
    const text = next === undefined || next === null ? '' : String(next);
    if (this.controller) this.controller.setValue(text);
    else this.pendingValue = text;
  }

  /** Applies the WeChat `focus` attribute (see installFocusProperty). */
  focusChanged(): void {
    if (this.controller) this.controller.applyFocus(this.prop<boolean>('focus'));
  }

  get formValue(): string {
    return this.value;
  }

  resetFormValue(): void {
    this.value = '';
  }

  activateFromLabel(): void {
    this.controller.applyFocus(true);
  }

  protected override render(): void {
    const control = this.controller.control as HTMLInputElement;
    const type = this.prop<string>('type');
    const secret = this.prop<boolean>('password') || type === 'safe-password';
    control.type = secret ? 'password' : 'text';
    control.inputMode = INPUT_MODE[type] ?? 'text';
    control.enterKeyHint = this.prop<string>('confirmType');
    control.disabled = this.prop<boolean>('disabled');
    control.style.caretColor = this.prop<string | null>('cursorColor') ?? '';
    this.controller.applyMaxLength(this.prop<number>('maxlength'));
    this.controller.applyPlaceholder(this.prop('placeholder'), this.prop('placeholderStyle'), this.prop('placeholderClass'), 'input-placeholder');
  }
}

installFocusProperty(WxInput.prototype);
