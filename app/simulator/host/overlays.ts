/** Things the host draws over the page: toast/loading, modal dialogs, the page-not-found screen, error overlays. */
import type { Diagnostic } from '../../shared/diagnostic';
import type { RuntimeErrorInfo } from '../protocol';

export interface ModalOptions {
  readonly title: string;
  readonly content: string;
  readonly showCancel: boolean;
  readonly confirmText: string;
  readonly cancelText: string;
  readonly confirmColor?: string | undefined;
  readonly cancelColor?: string | undefined;
  readonly editable?: boolean | undefined;
  readonly placeholderText?: string | undefined;
}

export class Overlays {
  private toastTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly toast: HTMLElement;
  private readonly errorPanel: HTMLElement;

  constructor(private readonly screen: HTMLElement) {
    this.toast = document.createElement('div');
    this.toast.className = 'ms-toast';
    this.toast.hidden = true;
    this.errorPanel = document.createElement('div');
    this.errorPanel.className = 'ms-error-overlay';
    this.errorPanel.hidden = true;
    screen.append(this.toast, this.errorPanel);
  }

  showToast(title: string, icon: string, duration: number): void {
    clearTimeout(this.toastTimer);
    this.toast.replaceChildren();
    if (icon !== 'none') {
      const mark = document.createElement('div');
      mark.className = `ms-toast-icon ms-toast-${icon}`;
      mark.textContent = icon === 'success' ? '✓' : icon === 'error' ? '✕' : '';
      this.toast.appendChild(mark);
    }
    const text = document.createElement('div');
    text.textContent = title;
    this.toast.appendChild(text);
    this.toast.classList.toggle('ms-toast-text-only', icon === 'none');
    this.toast.hidden = false;
    if (duration > 0) this.toastTimer = setTimeout(() => this.hideToast(), duration);
  }

  hideToast(): void {
    this.toast.hidden = true;
  }

  /** A relaunch ends every open dialog, sheet and viewer: the calls that opened them died with the old Worker. */
  dismissAll(): void {
    this.hideToast();
    for (const open of this.screen.querySelectorAll('.ms-modal-mask, .ms-sheet-mask, .ms-viewer')) open.remove();
  }

  showModal(options: ModalOptions, done: (confirm: boolean, content: string) => void): void {
    const mask = document.createElement('div');
    mask.className = 'ms-modal-mask';
    const dialog = document.createElement('div');
    dialog.className = 'ms-modal';
    dialog.setAttribute('role', 'dialog');
    const title = document.createElement('div');
    title.className = 'ms-modal-title';
    title.textContent = options.title;
    let body: HTMLElement;
    let input: HTMLTextAreaElement | undefined;
    if (options.editable) {
      body = document.createElement('div');
      body.className = 'ms-modal-content ms-modal-editable';
      input = document.createElement('textarea');
      input.className = 'ms-modal-input';
      input.rows = 1;
      input.value = options.content;
      input.placeholder = options.placeholderText ?? '';
      body.appendChild(input);
    } else {
      body = document.createElement('div');
      body.className = 'ms-modal-content';
      body.textContent = options.content;
    }
    const buttons = document.createElement('div');
    buttons.className = 'ms-modal-buttons';
    const close = (confirm: boolean) => {
      mask.remove();
      done(confirm, input?.value ?? '');
    };
    if (options.showCancel) {
      const cancel = document.createElement('button');
      cancel.textContent = options.cancelText;
      if (options.cancelColor) cancel.style.color = options.cancelColor;
      cancel.addEventListener('click', () => close(false));
      buttons.appendChild(cancel);
    }
    const confirm = document.createElement('button');
    confirm.className = 'ms-modal-confirm';
    confirm.textContent = options.confirmText;
    if (options.confirmColor) confirm.style.color = options.confirmColor;
    confirm.addEventListener('click', () => close(true));
    buttons.appendChild(confirm);
    dialog.append(title, body, buttons);
    mask.appendChild(dialog);
    this.screen.appendChild(mask);
    input?.focus();
  }

  /** A page that is not in app.json: a clear in-simulator screen instead of a blank one. */
  notFoundPage(route: string): HTMLElement {
    const page = document.createElement('div');
    page.className = 'ms-not-found';
    const heading = document.createElement('h2');
    heading.textContent = 'Page not found';
    const detail = document.createElement('p');
    detail.textContent = `"${route}" is not listed in app.json "pages" or "subPackages".`;
    page.append(heading, detail);
    return page;
  }

  /** A page whose creation threw: the error where the page would be, instead of a blank white screen. */
  pageFailure(route: string, error: RuntimeErrorInfo): HTMLElement {
    const page = document.createElement('div');
    page.className = 'ms-page-error';
    page.setAttribute('role', 'alert');
    const heading = document.createElement('h3');
    heading.textContent = `Page "${route}" failed to render`;
    const where = document.createElement('div');
    where.className = 'ms-page-error-location';
    where.textContent = error.location ? `${error.location.file}:${error.location.line}:${error.location.column}` : '';
    where.hidden = !error.location;
    const message = document.createElement('p');
    message.className = 'ms-page-error-message';
    message.textContent = error.message;
    const stack = document.createElement('pre');
    stack.textContent = userFrames(error.stack);
    page.append(heading, where, message, stack);
    return page;
  }

  /** Compile problems or a failed boot: an overlay with locations; never a white screen. */
  showProblems(title: string, lines: readonly string[]): void {
    this.errorPanel.replaceChildren();
    const heading = document.createElement('h3');
    heading.textContent = title;
    const list = document.createElement('pre');
    list.textContent = lines.join('\n\n');
    this.errorPanel.append(heading, list);
    this.errorPanel.hidden = lines.length === 0;
  }

  showDiagnostics(diagnostics: readonly Diagnostic[]): void {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    this.showProblems(
      'Compile error',
      errors.map((d) => `${d.file}:${d.line}:${d.column}  ${d.message}${d.hint ? `\n  ${d.hint}` : ''}`),
    );
  }

  showBootFailure(error: RuntimeErrorInfo): void {
    const where = error.location ? `${error.location.file}:${error.location.line}:${error.location.column}\n` : '';
    this.showProblems('The mini-program failed to start', [`${where}${error.message}\n${error.stack}`]);
  }

  clearProblems(): void {
    this.errorPanel.hidden = true;
  }
}

/** The stack frames in the mini-program's own sources; the simulator's bundled runtime frames say nothing to its author. */
function userFrames(stack: string): string {
  return stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line) && !/\(?(?:https?|blob):\/\/[^)]*\)?\s*$/.test(line))
    .join('\n');
}
