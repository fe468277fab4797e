// Turns rich-text `nodes` (an HTML string or WeChat's node array) into safe DOM: only WeChat's allowed tags and
// attributes survive, so no script, no event handler attribute and no javascript: URL can reach the page.
import { transformText } from './text';

export interface RichTextNode {
  readonly type?: 'node' | 'text';
  readonly name?: string;
  readonly attrs?: Readonly<Record<string, unknown>>;
  readonly children?: readonly RichTextNode[];
  readonly text?: string;
}

/** Tags WeChat's rich-text renders, with the attributes each may carry besides class and style. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  ...Object.fromEntries(
    'a abbr address article aside b bdi big blockquote br caption center cite code dd del div dl dt em fieldset footer h1 h2 h3 h4 h5 h6 header hr i ins label legend li mark nav p pre q rt ruby s section small span strong sub sup tbody tfoot thead tt u ul'
      .split(' ')
      .map((tag) => [tag, []]),
  ),
  bdo: ['dir'],
  col: ['span', 'width'],
  colgroup: ['span', 'width'],
  font: ['color', 'face', 'size'],
  img: ['alt', 'src', 'height', 'width'],
  ol: ['start', 'type'],
  table: ['width', 'border', 'cellpadding', 'cellspacing'],
  td: ['colspan', 'height', 'rowspan', 'width'],
  th: ['colspan', 'height', 'rowspan', 'width'],
  tr: [],
};

const SAFE_URL = /^(?:https?:|wxfile:|cloud:|data:image\/(?:png|jpe?g|gif|webp|svg\+xml|bmp);|\/|\.{0,2}\/|[^:]*$)/i;
const UNSAFE_STYLE = /expression\s*\(|javascript:|vbscript:|-moz-binding|behavior\s*:/i;

export interface SanitizeOptions {
  readonly space: string | null;
  /** Maps the user's class names to the page's scoped class names. */
  readonly classes: (classNames: string) => string[];
}

export function isSafeUrl(url: string): boolean {
  // Control characters and whitespace inside the scheme are how `java\tscript:` slips past naive checks.
  const compact = Array.from(url)
    .filter((char) => char.charCodeAt(0) > 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('');
  return SAFE_URL.test(compact);
}

function applyAttributes(element: HTMLElement, tag: string, attrs: Readonly<Record<string, unknown>>, options: SanitizeOptions): void {
  const allowed = ALLOWED[tag] ?? [];
  for (const [rawName, rawValue] of Object.entries(attrs)) {
    const name = rawName.toLowerCase();
    if (rawValue === undefined || rawValue === null) continue;
    const value = String(rawValue);
    if (name === 'class') {
      const classes = options.classes(value);
      if (classes.length) element.className = classes.join(' ');
    } else if (name === 'style') {
      if (!UNSAFE_STYLE.test(value)) element.setAttribute('style', value);
    } else if (allowed.includes(name)) {
      if (name === 'src' && !isSafeUrl(value)) continue;
      element.setAttribute(name, value);
    }
  }
}

function buildNode(node: RichTextNode, options: SanitizeOptions, depth: number): Node | null {
  if (depth > 64) return null; // hostile nesting
  if (node.type === 'text') return document.createTextNode(transformText(decodeEntities(String(node.text ?? '')), options.space, false));
  const tag = String(node.name ?? '').toLowerCase();
  if (!(tag in ALLOWED)) {
    // Unknown tags vanish but keep their children, as in WeChat (script/style/iframe content is dropped).
    if (['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript'].includes(tag)) return null;
    const fragment = document.createDocumentFragment();
    appendChildren(fragment, node.children, options, depth);
    return fragment;
  }
  const element = document.createElement(tag);
  applyAttributes(element, tag, node.attrs ?? {}, options);
  appendChildren(element, node.children, options, depth);
  return element;
}

function appendChildren(parent: Node, children: readonly RichTextNode[] | undefined, options: SanitizeOptions, depth: number): void {
  if (!Array.isArray(children)) return;
  for (const child of children) {
    if (!child || typeof child !== 'object') continue;
    const built = buildNode(child, options, depth + 1);
    if (built) parent.appendChild(built);
  }
}

const entityDecoder = (): HTMLTextAreaElement => document.createElement('textarea');

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  const decoder = entityDecoder();
  decoder.innerHTML = text;
  return decoder.value;
}

/** Parses an HTML string inertly (DOMParser runs no script and loads nothing) into WeChat's node array. */
export function parseHtmlNodes(html: string): RichTextNode[] {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const convert = (node: Node): RichTextNode | null => {
    if (node.nodeType === Node.TEXT_NODE) return { type: 'text', text: (node as Text).data.replace(/&/g, '&amp;') };
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const element = node as Element;
    const attrs: Record<string, string> = {};
    for (const attribute of Array.from(element.attributes)) attrs[attribute.name] = attribute.value;
    return { name: element.localName, attrs, children: Array.from(element.childNodes).map(convert).filter((n): n is RichTextNode => n !== null) };
  };
  return Array.from(parsed.body.childNodes)
    .map(convert)
    .filter((n): n is RichTextNode => n !== null);
}

export function buildRichText(nodes: unknown, options: SanitizeOptions): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const list = typeof nodes === 'string' ? parseHtmlNodes(nodes) : Array.isArray(nodes) ? (nodes as RichTextNode[]) : [];
  appendChildren(fragment, list, options, 0);
  return fragment;
}
