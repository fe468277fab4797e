/** Where the cursor is in a WXML document, as far as completion cares. Pure: no Monaco, unit-tested in Node. */
export type WxmlContext =
  | { readonly kind: 'text' }
  | { readonly kind: 'expression' }
  | { readonly kind: 'tag-name'; readonly prefix: string; readonly closing: boolean }
  | { readonly kind: 'attribute-name'; readonly tag: string; readonly prefix: string; readonly present: readonly string[] }
  | { readonly kind: 'attribute-value'; readonly tag: string; readonly attribute: string; readonly prefix: string };

/** Only this much text before the cursor is scanned: tags are short, files can be long. */
const WINDOW = 4000;

/**
 * Reads the text before the cursor: inside `{{ }}`, a tag name, an attribute name, an attribute value, or text.
 */
export function wxmlContextAt(textBeforeCursor: string): WxmlContext {
  const text = textBeforeCursor.slice(-WINDOW);
  const lastOpen = text.lastIndexOf('{{');
  if (lastOpen >= 0 && text.indexOf('}}', lastOpen) < 0) return { kind: 'expression' };
  const commentStart = text.lastIndexOf('<!--');
  if (commentStart >= 0 && text.indexOf('-->', commentStart) < 0) return { kind: 'text' };
  const tagStart = text.lastIndexOf('<');
  if (tagStart < 0 || text.indexOf('>', tagStart) >= 0) return { kind: 'text' };
  const inside = text.slice(tagStart + 1);
  if (inside.startsWith('!--')) return { kind: 'text' };
  const nameMatch = /^(\/?)([\w-]*)$/.exec(inside);
  if (nameMatch) return { kind: 'tag-name', prefix: nameMatch[2] ?? '', closing: nameMatch[1] === '/' };
  const tag = /^[\w-]+/.exec(inside)?.[0] ?? '';
  const rest = inside.slice(tag.length);
  const attributes = scanAttributes(rest);
  if (attributes.openValue) return { kind: 'attribute-value', tag, attribute: attributes.openValue.name, prefix: attributes.openValue.prefix };
  const prefix = /[\w:.*-]*$/.exec(rest)?.[0] ?? '';
  return { kind: 'attribute-name', tag, prefix, present: attributes.names };
}

interface ScannedAttributes {
  readonly names: string[];
  readonly openValue?: { readonly name: string; readonly prefix: string };
}

function scanAttributes(source: string): ScannedAttributes {
  const names: string[] = [];
  const pattern = /([\w:.*-]+)(?:\s*=\s*(?:"([^"]*)("?)|'([^']*)('?)|([^\s"'>]*)))?/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(source))) {
    const name = match[1]!;
    const doubleOpen = match[2] !== undefined && match[3] === '' && match.index + match[0].length === source.length;
    const singleOpen = match[4] !== undefined && match[5] === '' && match.index + match[0].length === source.length;
    if (doubleOpen || singleOpen) return { names, openValue: { name, prefix: (doubleOpen ? match[2] : match[4]) ?? '' } };
    names.push(name);
  }
  return { names };
}

/** The tag name at `offset` in `line` when the cursor is on a start or end tag name (`<my-card`, `</my-card`). */
export function tagNameAt(line: string, offset: number): string | null {
  const pattern = /<\/?([\w-]+)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line))) {
    const start = match.index + match[0].length - match[1]!.length;
    if (offset >= start && offset <= start + match[1]!.length) return match[1]!;
  }
  return null;
}

/** The `src` value under the cursor on `<import src>`, `<include src>`, `<wxs src>`, else null. */
export function sourceReferenceAt(line: string, offset: number): string | null {
  const pattern = /<(import|include|wxs)\b[^>]*?\bsrc\s*=\s*(["'])([^"']*)\2/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(line))) {
    const value = match[3]!;
    const start = match.index + match[0].length - 1 - value.length;
    if (offset >= start && offset <= start + value.length) return value;
  }
  return null;
}
