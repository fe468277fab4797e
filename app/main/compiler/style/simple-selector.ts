import { BUILTIN_COMPONENT_TAGS, PAGE_TAG, runtimeTagName } from './builtin-tags';
import type { RewrittenSelector, SelectorNote, SelectorScope } from './selector-rewrite';

// Only names, `.`/`#`/`:` sigils, combinators, commas, `*` and selector-list pseudo-classes (`:not(…)`): no
// escapes, strings, attribute brackets or other functions (`:nth-child(2n)` arguments are not selectors).
const SIMPLE_SELECTOR = /^[A-Za-z0-9_\s.,>+~#*:()-]*$/;
const NAMED_PART = /(\.|#|::?)?(-{0,2}[A-Za-z_][\w-]*)/g;
const BETWEEN_PARTS = /^[\s,>+~*()]*$/;
const SELECTOR_LIST_PSEUDO = /:(?:not|is|where|has)\(/gi;

function parenthesesAreSelectorLists(selector: string): boolean {
  let opened = 0;
  let depth = 0;
  for (const char of selector) {
    if (char === '(') {
      opened++;
      depth++;
    } else if (char === ')' && --depth < 0) {
      return false;
    }
  }
  return depth === 0 && opened === (selector.match(SELECTOR_LIST_PSEUDO)?.length ?? 0);
}

/**
 * The fast path of the selector rewrite for the plain selectors most stylesheets are made of (`.a view > .b:hover`),
 * without a selector parser. Returns undefined for anything else, which then takes the parser path.
 */
export function rewriteSimpleSelector(
  selector: string,
  scope: SelectorScope,
  scopePlaceholder: string,
): RewrittenSelector | undefined {
  if (!SIMPLE_SELECTOR.test(selector) || !parenthesesAreSelectorLists(selector)) return undefined;
  const notes: SelectorNote[] = [];
  let out = '';
  let last = 0;
  const restrict = (selectorKind: 'tag' | 'id'): void => {
    if (scope.prefixClasses && !notes.some((note) => note.kind === 'component-selector')) {
      notes.push({ kind: 'component-selector', selectorKind });
    }
  };
  for (const match of selector.matchAll(NAMED_PART)) {
    const between = selector.slice(last, match.index);
    if (!BETWEEN_PARTS.test(between)) return undefined;
    out += between;
    last = match.index + match[0].length;
    const sigil = match[1];
    const name = match[2] ?? '';
    if (sigil === undefined || sigil === '#') restrict(sigil === undefined ? 'tag' : 'id');
    if (sigil === undefined) {
      const tag = name.toLowerCase();
      out += tag === PAGE_TAG || BUILTIN_COMPONENT_TAGS.has(tag) ? runtimeTagName(tag) : name;
    } else if (sigil === '.' && scope.prefixClasses) {
      if (scope.externalClasses.has(name)) notes.push({ kind: 'external-class-rule', className: name });
      out += `.${scopePlaceholder}--${name}`;
    } else if (sigil.startsWith(':') && name.toLowerCase() === 'host') {
      return undefined;
    } else {
      out += match[0];
    }
  }
  const rest = selector.slice(last);
  if (!BETWEEN_PARTS.test(rest)) return undefined;
  return { selector: out + rest, notes };
}
