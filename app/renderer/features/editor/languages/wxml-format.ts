/**
 * Format Document for WXML: one element per line, children indented, long tags wrapped one attribute per line.
 * Attribute values, `{{ }}` expressions, comments, `<text>` and inline `<wxs>` content are kept character for
 * character; whitespace only changes where WXML's rendering ignores it. Broken markup is kept as it is written,
 * and if the result would differ from the input in anything but whitespace, the input is returned unchanged.
 */

export interface WxmlFormatOptions {
  /** One indentation level: two spaces, a tab… */
  readonly indent: string;
  /** Tags longer than this put each attribute on its own line. */
  readonly printWidth?: number;
}

interface ElementNode {
  readonly kind: 'element';
  readonly name: string;
  /** The opening tag's attribute texts, as written (`class="a {{b}}"`, `wx:else`). */
  readonly attrs: string[];
  readonly selfClosing: boolean;
  readonly children: Node[];
  /** Source offsets: the whole element, and its content between the tags (when it has a closing tag). */
  readonly start: number;
  end: number;
  contentStart: number;
  contentEnd: number;
  closed: boolean;
}

/** Kept as written: text, comments, stray closing tags, unparseable markup. */
interface TextNode {
  readonly kind: 'text' | 'comment' | 'raw';
  readonly text: string;
}

type Node = ElementNode | TextNode;

/** Elements whose content is kept exactly: `<text>` shows its whitespace, `<wxs>` holds JavaScript. */
const VERBATIM_CONTENT = new Set(['text', 'wxs']);
const NAME = /[A-Za-z_][\w:.-]*/y;

export function formatWxml(source: string, options: WxmlFormatOptions): string {
  const root = parse(source);
  const printed = printChildren(root.children, 0, source, options).join('\n').trimEnd();
  const result = printed ? `${printed}\n` : '';
  // The safety net: formatting may only ever change whitespace outside values and verbatim content.
  return strip(result) === strip(source) ? result : source;
}

function strip(text: string): string {
  return text.replace(/\s+/g, '');
}

// ───────────────────────── parsing ─────────────────────────

function parse(source: string): ElementNode {
  const root: ElementNode = { kind: 'element', name: '#root', attrs: [], selfClosing: false, children: [], start: 0, end: source.length, contentStart: 0, contentEnd: source.length, closed: true };
  const stack: ElementNode[] = [root];
  const top = () => stack[stack.length - 1]!;
  let i = 0;
  let textStart = 0;
  const flushText = (end: number) => {
    if (end > textStart) top().children.push({ kind: 'text', text: source.slice(textStart, end) });
  };
  while (i < source.length) {
    if (source.startsWith('{{', i)) {
      const close = source.indexOf('}}', i + 2);
      i = close < 0 ? source.length : close + 2; // `<` inside an expression is an operator, not a tag
      continue;
    }
    if (source[i] !== '<') {
      i++;
      continue;
    }
    if (source.startsWith('<!--', i)) {
      flushText(i);
      const close = source.indexOf('-->', i + 4);
      const end = close < 0 ? source.length : close + 3;
      top().children.push({ kind: close < 0 ? 'raw' : 'comment', text: source.slice(i, end) });
      i = textStart = end;
      continue;
    }
    if (source[i + 1] === '/') {
      NAME.lastIndex = i + 2;
      const name = NAME.exec(source)?.[0];
      const gt = source.indexOf('>', i);
      if (!name || gt < 0) {
        i++;
        continue;
      }
      flushText(i);
      const open = stack.findLastIndex((e, index) => index > 0 && e.name === name);
      if (open < 0) {
        top().children.push({ kind: 'raw', text: source.slice(i, gt + 1) }); // a closing tag nothing opened
      } else {
        // Elements left open inside it end where it ends (their content stays theirs).
        while (stack.length > open + 1) finishUnclosed(stack.pop()!, i);
        const element = stack.pop()!;
        element.contentEnd = i;
        element.end = gt + 1;
        element.closed = true;
      }
      i = textStart = gt + 1;
      continue;
    }
    const tag = readOpenTag(source, i);
    if (!tag) {
      i++;
      continue;
    }
    flushText(i);
    const element: ElementNode = { kind: 'element', name: tag.name, attrs: tag.attrs, selfClosing: tag.selfClosing, children: [], start: i, end: tag.end, contentStart: tag.end, contentEnd: tag.end, closed: tag.selfClosing };
    top().children.push(element);
    i = textStart = tag.end;
    if (tag.selfClosing) continue;
    if (VERBATIM_CONTENT.has(tag.name)) {
      // Content up to its own closing tag is not markup (JavaScript, or text shown as written).
      const close = source.indexOf(`</${tag.name}`, i);
      const gt = close < 0 ? -1 : source.indexOf('>', close);
      if (close < 0 || gt < 0) {
        finishUnclosed(element, source.length);
        element.children.push({ kind: 'raw', text: source.slice(i) });
        i = textStart = source.length;
        continue;
      }
      if (close > i) element.children.push({ kind: 'raw', text: source.slice(i, close) });
      element.contentEnd = close;
      element.end = gt + 1;
      element.closed = true;
      i = textStart = gt + 1;
      continue;
    }
    stack.push(element);
  }
  flushText(source.length);
  while (stack.length > 1) finishUnclosed(stack.pop()!, source.length);
  return root;
}

function finishUnclosed(element: ElementNode, at: number): void {
  element.contentEnd = at;
  element.end = at;
}

/** `<name attr="v" wx:if="{{a > b}}" flag>` with quotes and `{{ }}` respected; null when it is not a tag. */
function readOpenTag(source: string, start: number): { name: string; attrs: string[]; selfClosing: boolean; end: number } | null {
  NAME.lastIndex = start + 1;
  const name = NAME.exec(source)?.[0];
  if (!name) return null;
  const attrs: string[] = [];
  let i = start + 1 + name.length;
  while (i < source.length) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (source[i] === '>') return { name, attrs, selfClosing: false, end: i + 1 };
    if (source.startsWith('/>', i)) return { name, attrs, selfClosing: true, end: i + 2 };
    const attrStart = i;
    while (i < source.length && !/[\s=>]/.test(source[i]!) && !source.startsWith('/>', i)) i++;
    if (i === attrStart) return null; // a stray `=` or `/`: not something to reshape
    let j = i;
    while (j < source.length && /\s/.test(source[j]!)) j++;
    if (source[j] === '=') {
      j++;
      while (j < source.length && /\s/.test(source[j]!)) j++;
      const quote = source[j];
      if (quote === '"' || quote === "'") {
        const close = source.indexOf(quote, j + 1);
        if (close < 0) return null; // an unterminated value: keep the rest as written
        j = close + 1;
      } else {
        while (j < source.length && !/[\s>]/.test(source[j]!) && !source.startsWith('/>', j)) j++;
      }
      attrs.push(`${source.slice(attrStart, i)}=${source.slice(source.indexOf('=', i) + 1, j).trimStart()}`);
      i = j;
    } else {
      attrs.push(source.slice(attrStart, i));
    }
  }
  return null;
}

// ───────────────────────── printing ─────────────────────────

function printChildren(children: readonly Node[], depth: number, source: string, options: WxmlFormatOptions): string[] {
  const lines: string[] = [];
  const pad = options.indent.repeat(depth);
  for (const child of children) {
    if (child.kind === 'element') lines.push(...printElement(child, depth, source, options));
    else if (child.kind === 'text') lines.push(...child.text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => pad + line));
    else lines.push(pad + child.text.trim());
  }
  return lines;
}

function printElement(element: ElementNode, depth: number, source: string, options: WxmlFormatOptions): string[] {
  const pad = options.indent.repeat(depth);
  const open = openTag(element, pad, options);
  const close = element.closed && !element.selfClosing ? `</${element.name}>` : '';
  if (element.selfClosing) return open;
  const content = source.slice(element.contentStart, element.contentEnd);
  const keepsContent = VERBATIM_CONTENT.has(element.name) || !whitespaceAtTextBoundaries(element.children);
  if (keepsContent || (!content.trimEnd().includes('\n') && element.children.every((c) => c.kind === 'text'))) {
    // Shown as written: the tags stay around the content exactly (whitespace there may be visible).
    return `${open.join('\n')}${content}${close}`.split('\n');
  }
  const inner = printChildren(element.children, depth + 1, source, options);
  if (inner.length === 0) {
    const last = open.length - 1;
    return [...open.slice(0, last), open[last] + close];
  }
  return [...open, ...inner, ...(close ? [pad + close] : [])];
}

/** The opening tag on one line, or one attribute per line when it is too long or an attribute spans lines. */
function openTag(element: ElementNode, pad: string, options: WxmlFormatOptions): string[] {
  const end = element.selfClosing ? ' />' : '>';
  const oneLine = `${pad}<${[element.name, ...element.attrs].join(' ')}${end}`;
  if (element.attrs.length <= 1 || (oneLine.length <= (options.printWidth ?? 100) && !oneLine.includes('\n'))) {
    return oneLine.split('\n');
  }
  const attrPad = pad + options.indent;
  const lines = [`${pad}<${element.name}`];
  element.attrs.forEach((attr, i) => {
    const attrLines = `${attrPad}${attr}${i === element.attrs.length - 1 ? end.trimStart() : ''}`.split('\n');
    lines.push(...attrLines);
  });
  return lines;
}

/**
 * True when every text that touches an element sibling is separated from it by whitespace, so putting them on
 * separate lines renders the same (`a <b/>` may break; `a<b/>` may not: a space would appear).
 */
function whitespaceAtTextBoundaries(children: readonly Node[]): boolean {
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.kind !== 'text' || !child.text.trim()) continue;
    if (i > 0 && children[i - 1]!.kind === 'element' && !/^\s/.test(child.text)) return false;
    if (i < children.length - 1 && children[i + 1]!.kind === 'element' && !/\s$/.test(child.text)) return false;
  }
  return true;
}
