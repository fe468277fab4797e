import { EditedSource, type SourceEdit } from './source-edits';

/** A rewrite the pre-pass made (a warning), or WXML WeChat rejects (an error), at `start..end` of the original source. */
export interface LeniencyNote {
  readonly start: number;
  readonly end: number;
  readonly code: string;
  readonly message: string;
  readonly severity: 'warning' | 'error';
}

export interface PrepassResult {
  readonly source: EditedSource;
  readonly notes: readonly LeniencyNote[];
}

const LEGACY_DIRECTIVE = /^(?:wx|ft)-(if|elif|else|for|for-item|for-index|for-items|key)$/;
const FT_DIRECTIVE = /^ft:(.+)$/;
const LEGACY_EVENT = /^(bind|catch|capture-bind|capture-catch|mut-bind)([A-Za-z][\w-]*)$/;

/**
 * Rewrites the looser WXML that WeChat's own compiler accepts into what glass-easel-template-compiler 0.12.1
 * parses, keeping a map back to the original positions. Only touches tags and attributes; text is left alone.
 */
export function leniencyPrepass(src: string): PrepassResult {
  const edits: SourceEdit[] = [];
  const notes: LeniencyNote[] = [];
  const note = (start: number, end: number, code: string, message: string): void => {
    notes.push({ start, end, code, message, severity: 'warning' });
  };
  const n = src.length;
  let i = 0;

  let mustache = -2; // next `{{` at or after i, -1 when none; found lazily so the scan stays linear
  while (i < n) {
    const lt = src.indexOf('<', i);
    if (lt < 0) break;
    if (mustache !== -1 && mustache < i) mustache = src.indexOf('{{', i);
    if (mustache >= 0 && mustache < lt) {
      // `{{ a<b }}` in text is an expression, not a tag
      const close = src.indexOf('}}', mustache + 2);
      i = close < 0 ? n : close + 2;
      continue;
    }
    i = lt;
    if (src.startsWith('<!--', i)) {
      const close = src.indexOf('-->', i + 4);
      i = close < 0 ? n : close + 3;
      continue;
    }
    const closing = src[i + 1] === '/';
    const nameStart = i + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(src[nameStart] ?? '')) {
      if (!closing && !startsTagName(src, nameStart)) {
        notes.push({ start: i, end: i + 1, code: 'wxml-bare-less-than', severity: 'error', message: "a '<' in text must be written &lt; (WeChat rejects a '<' that does not start a tag)" });
      }
      i++;
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < n && /[\w:.-]/.test(src[nameEnd]!)) nameEnd++;
    const rawName = src.slice(nameStart, nameEnd);
    let name = rawName.toLowerCase();
    if (name === 'fts') name = 'wxs';
    if (name !== rawName) {
      edits.push({ start: nameStart, end: nameEnd, text: name });
      if (!closing && rawName !== rawName.toLowerCase()) {
        note(nameStart, nameEnd, 'wxml-uppercase-tag', `tag <${rawName}> written in uppercase; read as <${name}>`);
      }
    }
    if (closing) {
      const gt = src.indexOf('>', nameEnd);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    const tag = scanAttributes(src, nameEnd, name, edits, note);
    i = tag.end;
    if (tag.selfClosing) continue;
    if (name === 'wxs') {
      i = skipRawContent(src, i, /<\/\s*(wxs|fts)\s*>/i);
    } else if (name === 'slot') {
      i = dropSlotChildren(src, i, edits, note);
    }
  }
  return { source: EditedSource.apply(src, edits), notes };
}

interface ScannedTag {
  readonly end: number;
  readonly selfClosing: boolean;
}

function scanAttributes(
  src: string,
  from: number,
  tagName: string,
  edits: SourceEdit[],
  note: (start: number, end: number, code: string, message: string) => void,
): ScannedTag {
  const n = src.length;
  const seen = new Map<string, { start: number; end: number }>();
  const values = new Map<string, { start: number; end: number }>();
  const finish = (tag: ScannedTag): ScannedTag => {
    rewriteKeyBinding(src, values, edits, note);
    return tag;
  };
  let i = from;
  for (;;) {
    const attrGapStart = i;
    while (i < n && isSpace(src.charCodeAt(i))) i++;
    if (i >= n) return finish({ end: n, selfClosing: false });
    if (src[i] === '>') return finish({ end: i + 1, selfClosing: false });
    if (src.startsWith('/>', i)) return finish({ end: i + 2, selfClosing: true });
    if (src[i] === '<') return finish({ end: i, selfClosing: false }); // unterminated tag: let the parser report it
    const nameStart = i;
    while (i < n && isNameChar(src.charCodeAt(i))) i++;
    if (i === nameStart) {
      i++; // a stray quote or slash; the template compiler reports it
      continue;
    }
    const rawName = src.slice(nameStart, i);
    const canonical = canonicalAttributeName(rawName);
    if (canonical.name !== rawName) {
      edits.push({ start: nameStart, end: i, text: canonical.name });
      if (canonical.warning) note(nameStart, i, canonical.code, canonical.warning);
    }
    let j = i;
    while (j < n && isSpace(src.charCodeAt(j))) j++;
    let valueEnd = i;
    if (src[j] === '=') {
      j++;
      while (j < n && isSpace(src.charCodeAt(j))) j++;
      valueEnd = scanValue(src, j, tagName, canonical.name, edits, note);
      const quoted = src[j] === '"' || src[j] === "'";
      values.set(canonical.name, quoted ? { start: j + 1, end: valueEnd - 1 } : { start: j, end: valueEnd });
    }
    const earlier = seen.get(canonical.name);
    if (earlier) {
      // wcc keeps the last value: drop the earlier attribute, whole
      edits.push({ start: earlier.start, end: earlier.end, text: '', priority: 1 });
      note(nameStart, i, 'wxml-duplicate-attribute', `duplicate attribute '${rawName}': this one overrides the earlier one`);
    }
    seen.set(canonical.name, { start: attrGapStart, end: Math.max(valueEnd, i) });
    i = Math.max(valueEnd, i);
  }
}

/**
 * `wx:key="{{ item.id }}"` is common in the wild; WeChat reads it as `wx:key="id"` (and `{{ item }}` as `*this`),
 * glass-easel ignores a binding there. Rewrite the two forms that have a meaning; leave the rest to the parser.
 */
function rewriteKeyBinding(
  src: string,
  values: ReadonlyMap<string, { start: number; end: number }>,
  edits: SourceEdit[],
  note: (start: number, end: number, code: string, message: string) => void,
): void {
  const key = values.get('wx:key');
  if (!key || key.end <= key.start) return;
  const m = /^\s*\{\{\s*([A-Za-z_$][\w$]*)(?:\.([A-Za-z_$][\w$]*))?\s*\}\}\s*$/.exec(src.slice(key.start, key.end));
  if (!m) return;
  const itemRange = values.get('wx:for-item');
  const itemName = itemRange ? src.slice(itemRange.start, itemRange.end).trim() : 'item';
  if (m[1] !== itemName) return;
  const replacement = m[2] ?? '*this';
  edits.push({ start: key.start, end: key.end, text: replacement });
  note(key.start, key.end, 'wxml-key-binding', `wx:key takes a property name, not a binding; read as wx:key="${replacement}"`);
}

const PLAIN = { code: '' } as const;

function canonicalAttributeName(raw: string): { name: string; code: string; warning?: string } {
  // only `wx-…`, `ft-…`, `ft:…`, `wx:…` and `bind…`/`catch…`/`capture-…`/`mut-bind…` may be rewritten: most
  // attributes (class, style, data-*) need no regex
  const first = raw.charCodeAt(0);
  const third = raw.charCodeAt(2);
  const directiveLike = (first === 119 || first === 102) && (third === 45 || third === 58);
  const eventLike = raw.startsWith('bind') || raw.startsWith('catch') || raw.startsWith('capture-') || raw.startsWith('mut-bind');
  if (!directiveLike && !eventLike) return { name: raw, ...PLAIN };
  const legacy = LEGACY_DIRECTIVE.exec(raw);
  if (legacy) {
    const directive = legacy[1] === 'for-items' ? 'for' : legacy[1]!;
    return { name: `wx:${directive}`, code: 'wxml-legacy-directive', warning: `'${raw}' is read as 'wx:${directive}'` };
  }
  if (raw === 'wx:for-items' || raw === 'ft:for-items') {
    return { name: 'wx:for', code: 'wxml-for-items', warning: `'${raw}' is deprecated; read as 'wx:for'` };
  }
  const ft = FT_DIRECTIVE.exec(raw);
  if (ft) return { name: `wx:${ft[1]!}`, code: '' };
  const event = LEGACY_EVENT.exec(raw);
  if (event) return { name: `${event[1]!}:${event[2]!}`, code: '' };
  return { name: raw, code: '' };
}

/** Scans an attribute value starting at `i`; returns the offset after it. */
function scanValue(
  src: string,
  i: number,
  tagName: string,
  attrName: string,
  edits: SourceEdit[],
  note: (start: number, end: number, code: string, message: string) => void,
): number {
  const n = src.length;
  const quote = src[i];
  const isSrc = attrName === 'src' && (tagName === 'import' || tagName === 'include' || tagName === 'wxs');
  if (quote === '"' || quote === "'") {
    const q = src.charCodeAt(i);
    let j = i + 1;
    for (;;) {
      // jump to the next character that matters: the closing quote, `{` or a backslash
      while (j < n) {
        const c = src.charCodeAt(j);
        if (c === q || c === 123 || c === 92) break;
        j++;
      }
      if (j >= n || src.charCodeAt(j) === q) break;
      if (src.startsWith('{{', j)) {
        j = scanExpression(src, j + 2, quote, edits, note);
      } else if (src[j] === '\\' && src[j + 1] === quote) {
        edits.push({ start: j, end: j + 2, text: quote === '"' ? '&quot;' : '&#39;' });
        note(j, j + 2, 'wxml-escaped-quote', 'backslash-escaped quote in an attribute; write &quot; instead');
        j += 2;
      } else j++;
    }
    if (isSrc) rewriteProfileExtension(src, i + 1, j, edits);
    return Math.min(j + 1, n);
  }
  // unquoted: up to whitespace or the end of the tag, taking `{{…}}` whole
  let j = i;
  while (j < n && !/[\s>]/.test(src[j]!) && !src.startsWith('/>', j)) {
    if (src.startsWith('{{', j)) {
      const close = src.indexOf('}}', j + 2);
      j = close < 0 ? n : close + 2;
    } else j++;
  }
  if (j > i) {
    const value = src.slice(i, j);
    const q = value.includes('"') ? "'" : '"';
    edits.push({ start: i, end: i, text: q }, { start: j, end: j, text: q });
    note(i, j, 'wxml-unquoted-attribute', `attribute value ${value} should be quoted`);
    if (isSrc) rewriteProfileExtension(src, i, j, edits);
  }
  return j;
}

/**
 * Scans a `{{…}}` inside a quoted attribute from just after `{{`; returns the offset after `}}`. WeChat lets the
 * expression's string literals use the attribute's own quote escaped with a backslash: drop the backslashes.
 */
function scanExpression(
  src: string,
  from: number,
  attrQuote: string,
  edits: SourceEdit[],
  note: (start: number, end: number, code: string, message: string) => void,
): number {
  const n = src.length;
  let j = from;
  let inString: string | undefined;
  let openedEscaped = false;
  while (j < n) {
    const c = src[j]!;
    if (inString === undefined && src.startsWith('}}', j)) return j + 2;
    if (c === '\\' && src[j + 1] === attrQuote && (inString === undefined || (inString === attrQuote && openedEscaped))) {
      edits.push({ start: j, end: j + 1, text: '' });
      note(j, j + 2, 'wxml-escaped-quote', 'backslash-escaped quote inside {{ }}; use the other quote character');
      if (inString === undefined) {
        inString = attrQuote;
        openedEscaped = true;
      } else inString = undefined;
      j += 2;
      continue;
    }
    if (inString !== undefined) {
      if (c === '\\') j += 2;
      else {
        if (c === inString) inString = undefined;
        j++;
      }
      continue;
    }
    if (c === '"' || c === "'") {
      // an unescaped attribute quote ends the attribute for WeChat: stop here and let the parser complain
      if (c === attrQuote && !src.slice(j + 1, j + 200).includes('}}')) return j;
      inString = c;
      openedEscaped = false;
    }
    j++;
  }
  return n;
}

function rewriteProfileExtension(src: string, start: number, end: number, edits: SourceEdit[]): void {
  const value = src.slice(start, end);
  const m = /\.(fxml|fts)$/.exec(value);
  if (m) edits.push({ start: end - 4, end, text: m[1] === 'fxml' ? 'wxml' : '.wxs' });
}

function skipRawContent(src: string, from: number, closeTag: RegExp): number {
  const rest = src.slice(from);
  const m = closeTag.exec(rest);
  return m ? from + m.index : src.length;
}

/** WeChat ignores children of `<slot>`; glass-easel rejects them. Drop them, with a warning. */
function dropSlotChildren(
  src: string,
  from: number,
  edits: SourceEdit[],
  note: (start: number, end: number, code: string, message: string) => void,
): number {
  const re = /<(\/?)slot\b[^>]*?(\/?)>/gi;
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m[1]) depth--;
    else if (!m[2]) depth++;
    if (depth === 0) {
      const content = src.slice(from, m.index);
      if (content.trim() !== '') {
        edits.push({ start: from, end: m.index, text: '' });
        note(from, m.index, 'wxml-slot-children', 'children of <slot> are ignored (no fallback content in mini-programs)');
      }
      return m.index;
    }
  }
  return from;
}

/** What wcc reads as the start of a tag after `<`: a name, possibly after whitespace (`< view>` is a tag to it). */
function startsTagName(src: string, from: number): boolean {
  let i = from;
  while (i < src.length && isSpace(src.charCodeAt(i))) i++;
  return /[A-Za-z_:/-]/.test(src[i] ?? '');
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12;
}

/** Anything but whitespace and `= / > " ' <` may be part of an attribute name. */
function isNameChar(c: number): boolean {
  return !(isSpace(c) || c === 61 || c === 47 || c === 62 || c === 34 || c === 39 || c === 60 || Number.isNaN(c));
}
