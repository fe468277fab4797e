// <editor>: a contenteditable rich-text editor in the shadow root with WeChat's events (ready, focus, blur,
// input {html, text, delta}, statuschange {formats}) and EditorContext's methods on the element (format,
// insertText, insertImage, insertDivider, setContents, getContents, clear, removeFormat, undo, redo, blur…),
// for the runtime's EditorContext. Content set from the page goes through the rich-text sanitiser.
import { buildRichText } from './rich-text-sanitize';
import { sheet, WxElement } from './wx-element';

const EDITOR_CSS = `
:host { display: block; position: relative; box-sizing: border-box; height: 200px; min-height: 200px; overflow-y: auto; line-height: 1.5; cursor: text; }
.ql-editor { box-sizing: border-box; min-height: 100%; outline: none; white-space: pre-wrap; word-wrap: break-word; -webkit-user-select: text; user-select: text; }
.ql-editor > * { margin: 0; padding: 0; }
.ql-editor img { max-width: 100%; }
.ql-editor hr { border: 0; border-top: 1px solid #e5e5e5; margin: 8px 0; }
.ql-editor.ql-blank::before { content: attr(data-placeholder); position: absolute; color: rgba(0, 0, 0, .6); pointer-events: none; }
`;

type Formats = Record<string, string | number | boolean>;

/** EditorContext.format names that map straight onto an editing command. */
const COMMANDS: Readonly<Record<string, string>> = {
  bold: 'bold',
  italic: 'italic',
  underline: 'underline',
  ins: 'underline',
  strike: 'strikeThrough',
  color: 'foreColor',
  backgroundColor: 'hiliteColor',
};

/** Inline styles applied by wrapping the selection (WeChat's style formats). */
const STYLE_FORMATS: Readonly<Record<string, string>> = {
  fontSize: 'font-size',
  fontFamily: 'font-family',
  lineHeight: 'line-height',
  letterSpacing: 'letter-spacing',
  textDecoration: 'text-decoration',
  marginTop: 'margin-top',
  marginBottom: 'margin-bottom',
  marginLeft: 'margin-left',
  marginRight: 'margin-right',
  direction: 'direction',
};

export class WxEditor extends WxElement {
  private area!: HTMLDivElement;
  private root!: ShadowRoot;
  private lastStatus = '';

  protected override setup(): void {
    this.root = this.attachShadow({ mode: 'open' });
    this.root.adoptedStyleSheets = [sheet(EDITOR_CSS)];
    this.area = document.createElement('div');
    this.area.className = 'ql-editor ql-blank';
    this.area.setAttribute('part', 'editor');
    this.area.append(document.createElement('p'));
    this.root.append(this.area);
    for (const type of ['input', 'beforeinput', 'focus', 'blur']) this.area.addEventListener(type, (event) => event.stopPropagation());
    this.area.addEventListener('focus', () => this.emit('focus', this.contents()));
    this.area.addEventListener('blur', () => this.emit('blur', this.contents()));
    this.area.addEventListener('input', () => {
      this.markBlank();
      this.emit('input', this.contents());
    });
    queueMicrotask(() => this.emit('ready', {}));
  }

  private readonly onSelectionChange = (): void => this.reportStatus();

  protected override connected(): void {
    document.addEventListener('selectionchange', this.onSelectionChange);
  }

  protected override disconnected(): void {
    document.removeEventListener('selectionchange', this.onSelectionChange);
  }

  protected override render(): void {
    this.area.contentEditable = this.prop<boolean>('readOnly') ? 'false' : 'true';
    this.area.dataset.placeholder = this.prop<string | null>('placeholder') ?? '';
  }

  private markBlank(): void {
    this.area.classList.toggle('ql-blank', this.area.textContent === '' && !this.area.querySelector('img, hr'));
  }

  /** The editor's content in EditorContext.getContents' shape (delta is plain-text only). */
  contents(): { html: string; text: string; delta: { ops: { insert: string }[] } } {
    const text = `${this.area.innerText.replace(/\n$/, '')}\n`;
    return { html: this.area.innerHTML, text, delta: { ops: [{ insert: text }] } };
  }

  private selection(): Selection | null {
    const own = (this.root as ShadowRoot & { getSelection?: () => Selection | null }).getSelection?.();
    return own ?? document.getSelection();
  }

  private focusArea(): void {
    if (this.root.activeElement !== this.area) this.area.focus();
  }

  private exec(command: string, value?: string): void {
    this.focusArea();
    document.execCommand('styleWithCSS', false, 'true');
    document.execCommand(command, false, value);
    this.markBlank();
    this.emit('input', this.contents());
  }

  format(name: string, value?: string | number | boolean): void {
    if (this.prop<boolean>('readOnly')) return;
    const command = COMMANDS[name];
    if (command) return this.exec(command, value === undefined || typeof value === 'boolean' ? undefined : String(value));
    switch (name) {
      case 'header':
        return this.exec('formatBlock', value ? `H${Number(value) || 1}` : 'P');
      case 'align':
        return this.exec(`justify${value === 'center' ? 'Center' : value === 'right' ? 'Right' : value === 'justify' ? 'Full' : 'Left'}`);
      case 'list':
        return this.exec(value === 'ordered' ? 'insertOrderedList' : 'insertUnorderedList');
      case 'script':
        return this.exec(value === 'super' ? 'superscript' : 'subscript');
      case 'indent':
        return this.exec(String(value).startsWith('-') ? 'outdent' : 'indent');
      default: {
        const css = STYLE_FORMATS[name];
        const selected = this.selection()?.toString() ?? '';
        if (css && selected) {
          const span = document.createElement('span');
          span.style.setProperty(css, String(value ?? ''));
          span.textContent = selected;
          this.exec('insertHTML', span.outerHTML);
        }
      }
    }
  }

  insertText(options: { text?: string } = {}): void {
    this.exec('insertText', String(options.text ?? ''));
  }

  insertDivider(): void {
    this.exec('insertHorizontalRule');
  }

  insertImage(options: { src?: string; alt?: string; width?: string; height?: string } = {}): void {
    const fragment = buildRichText([{ name: 'img', attrs: { src: options.src ?? '', alt: options.alt ?? '', width: options.width, height: options.height } }], {
      space: null,
      classes: () => [],
    });
    const holder = document.createElement('div');
    holder.append(fragment);
    this.exec('insertHTML', holder.innerHTML);
  }

  setContents(options: { html?: string } = {}): void {
    this.area.replaceChildren(buildRichText(String(options.html ?? ''), { space: null, classes: (names) => names.split(/\s+/).filter(Boolean) }));
    if (!this.area.firstChild) this.area.append(document.createElement('p'));
    this.markBlank();
  }

  getContents(): ReturnType<WxEditor['contents']> {
    return this.contents();
  }

  getSelectionText(): { text: string } {
    return { text: this.selection()?.toString() ?? '' };
  }

  clear(): void {
    this.setContents({ html: '' });
    this.emit('input', this.contents());
  }

  removeFormat(): void {
    this.exec('removeFormat');
  }

  undo(): void {
    this.exec('undo');
  }

  redo(): void {
    this.exec('redo');
  }

  override blur(): void {
    this.area.blur();
  }

  /** The formats at the caret, as statuschange reports them (only the ones that apply). */
  formats(): Formats {
    const formats: Formats = {};
    const state = (command: string): boolean => document.queryCommandState(command);
    if (state('bold')) formats.bold = true;
    if (state('italic')) formats.italic = true;
    if (state('underline')) formats.underline = true;
    if (state('strikeThrough')) formats.strike = true;
    if (state('subscript')) formats.script = 'sub';
    if (state('superscript')) formats.script = 'super';
    if (state('justifyCenter')) formats.align = 'center';
    if (state('justifyRight')) formats.align = 'right';
    if (state('justifyFull')) formats.align = 'justify';
    const anchor = this.selection()?.anchorNode;
    const element = anchor instanceof Element ? anchor : anchor?.parentElement;
    const heading = element?.closest('h1, h2, h3, h4, h5, h6');
    if (heading && this.area.contains(heading)) formats.header = Number(heading.localName.slice(1));
    const list = element?.closest('ol, ul');
    if (list && this.area.contains(list)) formats.list = list.localName === 'ol' ? 'ordered' : 'bullet';
    return formats;
  }

  private reportStatus(): void {
    if (!this.isConnected || this.root.activeElement !== this.area) return;
    const formats = this.formats();
    const key = JSON.stringify(formats);
    if (key === this.lastStatus) return;
    this.lastStatus = key;
    this.emit('statuschange', formats);
  }
}
