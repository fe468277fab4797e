// What <input> and <textarea> share: the element owns the live value. A `value` from the logic side is
// applied only when it is not a late echo of something the user already typed, so fast typing with a
// controlled value (`value="{{v}}" bindinput`) loses no character and the caret does not jump.
import { resolveUserClasses } from './user-classes';
import type { WxElement } from './wx-element';

export type TextControl = HTMLInputElement | HTMLTextAreaElement;

/** How many reported values may still come back as echoes. */
const ECHO_WINDOW = 64;

export const FIELD_CSS = `
:host { text-align: left; }
.field {
  display: block; box-sizing: border-box; width: 100%; height: 100%; margin: 0; padding: 0; border: 0; outline: none;
  background: transparent; color: inherit; font: inherit; letter-spacing: inherit; text-align: inherit;
  text-indent: inherit; resize: none; min-height: inherit;
}
.field::placeholder { color: #808080; opacity: 1; }
.field:disabled { color: inherit; -webkit-text-fill-color: currentColor; opacity: .7; }
`;

export class TextFieldController {
  /** Values reported to the logic side in `input` events, oldest first. */
  private readonly reported: string[] = [];
  private lastKeyCode = 0;
  private readonly placeholderStyle: HTMLStyleElement;

  constructor(
    private readonly host: WxElement,
    readonly control: TextControl,
    private readonly afterInput: () => void = () => {},
  ) {
    this.placeholderStyle = document.createElement('style');
    // Native input/focus/blur events are composed: keep them inside so only the WeChat-shaped CustomEvents
    // of the same names reach the page (listeners capturing above still see them; filter on CustomEvent).
    for (const type of ['input', 'beforeinput', 'focus', 'blur']) control.addEventListener(type, (event) => event.stopPropagation());
    control.classList.add('field');
    control.setAttribute('part', 'field');
    control.addEventListener('keydown', (event) => {
      this.lastKeyCode = (event as KeyboardEvent).keyCode;
    });
    // While an IME composes (pinyin), the text is provisional: report it once the composition ends.
    control.addEventListener('input', (event) => {
      if (!(event as InputEvent).isComposing) this.userInput();
    });
    control.addEventListener('compositionend', () => this.userInput());
    control.addEventListener('focus', () => {
      this.applySelection();
      this.host.emit('focus', { value: control.value, height: 0 });
      this.host.emit('keyboardheightchange', { height: 0, duration: 0 });
    });
    control.addEventListener('blur', () => {
      this.host.emit('blur', { value: control.value, cursor: control.selectionStart ?? control.value.length });
    });
  }

  get styleElement(): HTMLStyleElement {
    return this.placeholderStyle;
  }

  get value(): string {
    return this.control.value;
  }

  private userInput(): void {
    const value = this.control.value;
    this.reported.push(value);
    if (this.reported.length > ECHO_WINDOW) this.reported.shift();
    this.host.emit('input', { value, cursor: this.control.selectionStart ?? value.length, keyCode: this.lastKeyCode });
    this.afterInput();
  }

  /** A value set by the logic side (or the HTML attribute). */
  setValue(next: string): void {
    const echoAt = this.reported.indexOf(next);
    if (echoAt >= 0) {
      // A reply to something we reported: everything up to it is settled; the live value stays.
      this.reported.splice(0, echoAt + 1);
      return;
    }
    this.reported.length = 0;
    if (next === this.control.value) return;
    const focused = this.control.getRootNode() instanceof ShadowRoot && (this.control.getRootNode() as ShadowRoot).activeElement === this.control;
    const caret = this.control.selectionStart ?? next.length;
    this.control.value = next;
    if (focused) {
      const at = Math.min(caret, next.length);
      this.control.setSelectionRange(at, at);
    }
    this.afterInput();
  }

  /** Cuts the live value to maxlength (WeChat applies it to set values too); -1 means unlimited. */
  applyMaxLength(maxlength: number): void {
    if (maxlength < 0) this.control.removeAttribute('maxlength');
    else {
      this.control.maxLength = maxlength;
      if (this.control.value.length > maxlength) this.control.value = this.control.value.slice(0, maxlength);
    }
  }

  applyPlaceholder(text: string | null, style: string | null, placeholderClass: string | null, defaultClass: string): void {
    this.control.placeholder = text ?? '';
    let rules = style ?? '';
    if (placeholderClass && placeholderClass !== defaultClass) rules = `${this.classStyle(placeholderClass)}${rules}`;
    const css = rules ? `.field::placeholder { ${rules} }` : '';
    if (this.placeholderStyle.textContent !== css) this.placeholderStyle.textContent = css;
  }

  /** The page's styles for a placeholder class, read from a probe that lives for one synchronous moment. */
  private classStyle(placeholderClass: string): string {
    const probe = document.createElement('span');
    probe.className = resolveUserClasses(this.host, placeholderClass).join(' ');
    probe.style.display = 'none';
    // A sibling of the field, so the page's selectors meet it in the field's own context.
    if (this.host.parentNode) this.host.after(probe);
    else return '';
    const computed = getComputedStyle(probe);
    const css = `color: ${computed.color}; font-size: ${computed.fontSize}; font-weight: ${computed.fontWeight};`;
    probe.remove();
    return css;
  }

  applyFocus(focus: boolean): void {
    if (focus) {
      if (this.control.isConnected) this.control.focus({ preventScroll: false });
    } else if ((this.control.getRootNode() as ShadowRoot).activeElement === this.control) this.control.blur();
  }

  /** cursor / selection-start / selection-end take effect when the field gets focus. */
  private applySelection(): void {
    const length = this.control.value.length;
    const start = this.host.prop<number>('selectionStart');
    const end = this.host.prop<number>('selectionEnd');
    const cursor = this.host.prop<number>('cursor');
    if (start >= 0 && end >= 0) this.control.setSelectionRange(Math.min(start, length), Math.min(end, length));
    else if (cursor >= 0) this.control.setSelectionRange(Math.min(cursor, length), Math.min(cursor, length));
  }
}

/**
 * `focus` is WeChat's boolean attribute and HTMLElement's focus() method at once: reading it gives a working
 * focus() (Playwright, label clicks and the runtime call it), assigning it sets the attribute.
 */
export function installFocusProperty(prototype: WxElement & { focusChanged(): void }): void {
  Object.defineProperty(prototype, 'focus', {
    configurable: true,
    get(this: HTMLElement) {
      return (options?: FocusOptions) => HTMLElement.prototype.focus.call(this, options);
    },
    set(this: WxElement & { focusChanged(): void }, next: unknown) {
      this.setProp('focus', next);
      this.focusChanged();
    },
  });
}
