// <textarea>: a real <textarea> in the shadow root, sharing the live-value rules of <input>; auto-height
// grows the element with its content and `linechange` reports the line count.
import { FIELD_CSS, installFocusProperty, TextFieldController } from './text-field';
import type { FormField } from './form-field';
import { sheet, WxElement } from './wx-element';

const TEXTAREA_CSS = `
.field { overflow-y: auto; word-break: break-all; white-space: pre-wrap; }
.field.auto-height { overflow: hidden; }
`;

export class WxTextarea extends WxElement implements FormField {
  private controller!: TextFieldController;
  private hostFix!: HTMLStyleElement;
  private pendingValue: string | undefined;
  private lineCount = 0;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open', delegatesFocus: true });
    root.adoptedStyleSheets = [sheet(FIELD_CSS), sheet(TEXTAREA_CSS)];
    const control = document.createElement('textarea');
    control.spellcheck = false;
    this.controller = new TextFieldController(this, control, () => this.measure());
    control.addEventListener('keydown', (event) => {
      if (event.key !== 'Enter' || event.isComposing || this.prop<string>('confirmType') === 'return') return;
      event.preventDefault();
      this.emit('confirm', { value: control.value });
      if (!this.prop<boolean>('confirmHold')) control.blur();
    });
    this.hostFix = document.createElement('style');
    root.append(this.hostFix, this.controller.styleElement, control);
    if (this.pendingValue !== undefined) this.controller.setValue(this.pendingValue);
    this.pendingValue = undefined;
  }

  protected override connected(): void {
    if (this.prop<boolean>('autoFocus') || this.prop<boolean>('focus')) queueMicrotask(() => this.controller.applyFocus(true));
    requestAnimationFrame(() => this.measure());
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
    const control = this.controller.control;
    control.disabled = this.prop<boolean>('disabled');
    control.enterKeyHint = this.prop<string>('confirmType') === 'return' ? 'enter' : this.prop<string>('confirmType');
    control.style.padding = this.prop<boolean>('disableDefaultPadding') ? '0' : '';
    this.controller.applyMaxLength(this.prop<number>('maxlength'));
    this.controller.applyPlaceholder(this.prop('placeholder'), this.prop('placeholderStyle'), this.prop('placeholderClass'), 'textarea-placeholder');
    const autoHeight = this.prop<boolean>('autoHeight');
    control.classList.toggle('auto-height', autoHeight);
    const fix = autoHeight ? ':host { height: auto !important; }' : '';
    if (this.hostFix.textContent !== fix) this.hostFix.textContent = fix;
    this.measure();
  }

  /** Grows an auto-height textarea and fires linechange when the number of lines changes. */
  private measure(): void {
    const control = this.controller.control;
    if (!control.isConnected) return;
    const autoHeight = this.prop<boolean>('autoHeight');
    if (autoHeight) control.style.height = 'auto';
    const style = getComputedStyle(control);
    const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2 || 16;
    const padding = Number.parseFloat(style.paddingTop) + Number.parseFloat(style.paddingBottom);
    const contentHeight = control.scrollHeight - padding;
    if (autoHeight) control.style.height = `${Math.max(control.scrollHeight, lineHeight + padding)}px`;
    const lines = Math.max(1, Math.round(contentHeight / lineHeight));
    if (lines !== this.lineCount) {
      const first = this.lineCount === 0;
      this.lineCount = lines;
      const height = lines * lineHeight;
      if (!first) this.emit('linechange', { height, heightRpx: Math.round((height * 750) / window.innerWidth), lineCount: lines });
    }
  }
}

installFocusProperty(WxTextarea.prototype);
