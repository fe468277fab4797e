import selectorParser from 'postcss-selector-parser';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { BUILTIN_COMPONENT_TAGS, PAGE_TAG, runtimeTagName } from './builtin-tags';
import { rewriteSimpleSelector } from './simple-selector';

/**
 * How selectors of one stylesheet are rewritten. The scope name itself is not part of it: rewritten selectors
 * carry placeholders (see `fillScopePlaceholders`), so a stylesheet imported by many components is rewritten once.
 */
export interface SelectorScope {
  /** Classes get the style-scope prefix (`<scope>--<class>`): isolated and apply-shared components. */
  readonly prefixClasses: boolean;
  /** `:host` can be mapped: the stylesheet has a scope name. */
  readonly hasHost: boolean;
  readonly externalClasses: ReadonlySet<string>;
}

// Plain identifiers (a selector parser would escape anything fancier), unlikely in any real stylesheet.
export const SCOPE_PLACEHOLDER = '__ministudio_scope__';
const HOST_PLACEHOLDER = '__ministudio_host__';

/** Puts the real scope name where the rewrite left placeholders. */
export function fillScopePlaceholders(css: string, scopeName: string | undefined): string {
  if (scopeName === undefined || !css.includes('__ministudio_')) return css;
  const hostValue = JSON.stringify(scopeName).slice(1, -1);
  return css.replaceAll(SCOPE_PLACEHOLDER, escapeClassStart(scopeName)).replaceAll(HOST_PLACEHOLDER, hostValue);
}

/** The scope name as the start of a class selector: `2024_page` → `\32 024_page` (a class cannot start with a digit). */
function escapeClassStart(scopeName: string): string {
  const escaped = scopeName.replace(/[^\w\u0080-\uffff-]/g, (char) => `\\${char}`);
  return /^-?\d/.test(escaped) ? escaped.replace(/\d/, (digit) => `\\3${digit} `) : escaped;
}

/** Something worth telling the user about a selector that was still rewritten. */
export type SelectorNote =
  | { readonly kind: 'host-without-scope' }
  | { readonly kind: 'external-class-rule'; readonly className: string }
  /** Tag, id and attribute selectors in an isolated component's sheet, which WeChat does not allow there. */
  | { readonly kind: 'component-selector'; readonly selectorKind: 'tag' | 'id' | 'attribute' };

export interface RewrittenSelector {
  readonly selector: string;
  readonly notes: readonly SelectorNote[];
}

/** The attribute the runtime puts on a component's host element, valued with the component's scope name. */
export const HOST_ATTRIBUTE = 'wx-host';

/** Memo of rewritten selectors; real projects repeat the same selectors across hundreds of files. */
export type SelectorMemo = Map<string, Result<RewrittenSelector, string>>;

export function scopeKey(scope: SelectorScope): string {
  return `${scope.prefixClasses ? 'p' : ''}${scope.hasHost ? 'h' : ''}|${[...scope.externalClasses].join(',')}`;
}

/** Rewrites one rule selector (a comma list) for the runtime; an unparsable selector gives the parser's message. */
export function rewriteSelector(
  selector: string,
  scope: SelectorScope,
  memo: SelectorMemo,
): Result<RewrittenSelector, string> {
  const key = `${scopeKey(scope)}\n${selector}`;
  const known = memo.get(key);
  if (known) return known;
  const result = rewriteUncached(selector, scope);
  memo.set(key, result);
  return result;
}

function rewriteUncached(selector: string, scope: SelectorScope): Result<RewrittenSelector, string> {
  const simple = rewriteSimpleSelector(selector, scope, SCOPE_PLACEHOLDER);
  return simple ? ok(simple) : rewriteWithParser(selector, scope);
}

/** The full rewrite with postcss-selector-parser: pseudo-class arguments, attributes, escapes, `:host`. */
export function rewriteWithParser(selector: string, scope: SelectorScope): Result<RewrittenSelector, string> {
  const notes: SelectorNote[] = [];
  // Classes inside `:host(…)` belong to the host, whose classes come from the owner's scope: never prefixed.
  const hostInner = new WeakSet<selectorParser.Node>();
  const transform = (root: selectorParser.Root): void => {
    root.walkPseudos((pseudo) => {
      if (pseudo.value.toLowerCase() !== ':host') return;
      if (!scope.hasHost) {
        notes.push({ kind: 'host-without-scope' });
        return;
      }
      const host = selectorParser.attribute({
        attribute: HOST_ATTRIBUTE,
        operator: '=',
        value: `"${HOST_PLACEHOLDER}"`,
        quoteMark: '"',
        raws: {},
      });
      const inner = pseudo.nodes[0]?.nodes.map((node) => node.clone()) ?? [];
      for (const node of inner) {
        hostInner.add(node);
        if (selectorParser.isContainer(node)) node.walk((child) => void hostInner.add(child));
      }
      pseudo.replaceWith(host, ...inner);
    });
    let restricted = false;
    const noteRestricted = (selectorKind: 'tag' | 'id' | 'attribute'): void => {
      if (!scope.prefixClasses || restricted) return;
      restricted = true;
      notes.push({ kind: 'component-selector', selectorKind });
    };
    root.walk((node) => {
      if (node.type === 'tag') {
        noteRestricted('tag');
        const tag = node.value.toLowerCase();
        if (tag === PAGE_TAG || BUILTIN_COMPONENT_TAGS.has(tag)) node.value = runtimeTagName(tag);
      } else if (node.type === 'id') {
        noteRestricted('id');
      } else if (node.type === 'attribute' && node.attribute !== HOST_ATTRIBUTE) {
        noteRestricted('attribute');
      } else if (node.type === 'class' && scope.prefixClasses && !hostInner.has(node)) {
        if (scope.externalClasses.has(node.value)) notes.push({ kind: 'external-class-rule', className: node.value });
        // Keep the class as the author wrote it: re-escaping (`标题` → `\6807\9898 `) could eat the next combinator.
        const className = node as selectorParser.ClassName & { raws?: { value?: string } };
        const written = className.raws?.value ?? className.value;
        className.value = `${SCOPE_PLACEHOLDER}--${className.value}`;
        className.raws = { ...className.raws, value: `${SCOPE_PLACEHOLDER}--${written}` };
      }
    });
  };
  try {
    return ok({ selector: selectorParser(transform).processSync(selector), notes });
  } catch (error) {
    return err(error instanceof Error ? error.message : String(error));
  }
}
