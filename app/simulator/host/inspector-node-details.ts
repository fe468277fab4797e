/**
 * The WXML panel's style view of one element of a page's view iframe (same-origin with the host): its CSS box,
 * the style rules that match it with their declarations, and the computed values of the properties they set.
 */
import type { NodeBox, NodeBoxEdges, NodeStyleRule } from '../../shared/device-protocol';
import { compareSpecificity, specificityOf, type Specificity } from './css-specificity';

export interface ElementStyles {
  readonly box?: NodeBox;
  readonly rules: readonly NodeStyleRule[];
  readonly computed: Readonly<Record<string, string>>;
}

/** Always listed under Computed: what the box-model diagram and layout questions need. */
const CORE_PROPERTIES = [
  'display', 'position', 'box-sizing', 'width', 'height', 'color', 'background-color', 'font-size', 'font-weight',
  'line-height', 'margin-top', 'margin-right', 'margin-bottom', 'margin-left', 'padding-top', 'padding-right',
  'padding-bottom', 'padding-left', 'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width',
];

const MAX_RULES = 200;

type WxElement = Element & { __wxId?: number };

/** The element that render node `nodeId` became in `doc` (op-applier.ts marks each with `__wxId`), or undefined. */
export function elementOfNode(doc: Document, nodeId: number): Element | undefined {
  const walker = doc.createTreeWalker(doc.documentElement, NodeFilter.SHOW_ELEMENT);
  for (let node = walker.currentNode as WxElement | null; node; node = walker.nextNode() as WxElement | null) {
    if (node.__wxId === nodeId) return node;
  }
  return undefined;
}

/** The nearest element at or above `target` that a render node drew (skipping built-ins' internal parts). */
export function drawnElementAt(target: EventTarget | null): (Element & { __wxId: number }) | undefined {
  let node = target as (Node & { __wxId?: number }) | null;
  while (node) {
    if (node.nodeType === 1 && typeof node.__wxId === 'number') return node as Element & { __wxId: number };
    node = node.parentNode ?? ((node as unknown as ShadowRoot).host as Node | undefined) ?? null;
  }
  return undefined;
}

export function stylesOf(element: Element): ElementStyles {
  const view = element.ownerDocument.defaultView;
  if (!view) return { rules: [], computed: {} };
  const computedStyle = view.getComputedStyle(element);
  const rules = matchedRules(element, view);
  const names = new Set(CORE_PROPERTIES);
  for (const rule of rules) for (const d of rule.declarations) for (const longhand of longhandsOf(d.name, view)) names.add(longhand);
  const computed: Record<string, string> = {};
  for (const name of [...names].sort()) {
    const value = computedStyle.getPropertyValue(name);
    if (value) computed[name] = value;
  }
  return { ...boxOf(element, computedStyle), rules, computed };
}

function boxOf(element: Element, style: CSSStyleDeclaration): { box?: NodeBox } {
  if (style.display === 'none' || style.display === 'contents') return {};
  const rect = element.getBoundingClientRect();
  const edges = (prefix: string, suffix = ''): NodeBoxEdges => ({
    top: parseFloat(style.getPropertyValue(`${prefix}-top${suffix}`)) || 0,
    right: parseFloat(style.getPropertyValue(`${prefix}-right${suffix}`)) || 0,
    bottom: parseFloat(style.getPropertyValue(`${prefix}-bottom${suffix}`)) || 0,
    left: parseFloat(style.getPropertyValue(`${prefix}-left${suffix}`)) || 0,
  });
  return { box: { left: round(rect.left), top: round(rect.top), width: round(rect.width), height: round(rect.height), margin: edges('margin'), border: edges('border', '-width'), padding: edges('padding') } };
}

interface MatchedRule {
  readonly rule: NodeStyleRule;
  readonly specificity: Specificity;
  readonly order: number;
}

/** Inline style first, then matching rules in cascade order (higher specificity, then later, first), losers marked. */
function matchedRules(element: Element, view: Window): NodeStyleRule[] {
  const found: MatchedRule[] = [];
  for (const sheet of [...element.ownerDocument.styleSheets]) {
    if (sheet.disabled) continue;
    let cssRules: CSSRuleList;
    try {
      cssRules = sheet.cssRules;
    } catch {
      continue; // a cross-origin sheet cannot be read
    }
    collect(cssRules, element, view, sourceOf(sheet), found);
  }
  const rules = found.sort((x, y) => compareSpecificity(y.specificity, x.specificity) || y.order - x.order).slice(0, MAX_RULES).map((m) => m.rule);
  const inline = element.getAttribute('style');
  return markOverridden(inline?.trim() ? [{ selector: 'style', declarations: declarationsOf(inline) }, ...rules] : rules, view);
}

/**
 * Marks declarations that lose the cascade: every property they set (longhands) is already set by a rule of
 * higher precedence, or later in the same rule; `!important` ones are weighed first, as the cascade does.
 */
function markOverridden(rules: readonly NodeStyleRule[], view: Window): NodeStyleRule[] {
  const important = new Set<string>();
  const normal = new Set<string>();
  const verdicts = new Map<object, boolean>();
  for (const pass of [true, false]) {
    for (const rule of rules) {
      for (const d of [...rule.declarations].reverse()) {
        if (Boolean(d.important) !== pass) continue;
        const longhands = longhandsOf(d.name, view);
        const names = longhands.length > 0 ? longhands : [d.name];
        verdicts.set(d, names.every((n) => important.has(n) || (!pass && normal.has(n))));
        for (const n of names) (pass ? important : normal).add(n);
      }
    }
  }
  return rules.map((rule) => ({ ...rule, declarations: rule.declarations.map((d) => (verdicts.get(d) ? { ...d, overridden: true } : d)) }));
}

function collect(list: CSSRuleList, element: Element, view: Window, source: SheetSource, into: MatchedRule[]): void {
  // Rules come from another realm (the view iframe): tell them apart by their type, not instanceof.
  for (const rule of [...list]) {
    if ('selectorText' in rule && 'style' in rule) {
      const styleRule = rule as CSSStyleRule;
      if (!matches(element, styleRule.selectorText)) continue;
      // Of a selector list, only the selectors that match this element are shown (`wx-view, wx-form, …` → `wx-view`).
      const list = splitSelectorList(styleRule.selectorText);
      const matching = list.filter((one) => matches(element, one));
      const shown = (matching.length > 0 ? matching : list).join(', ');
      const selector = source.scope ? shown.split(`.${source.scope}--`).join('.') : shown;
      const specificity = (matching.length > 0 ? matching : list).map(specificityOf).reduce((x, y) => (compareSpecificity(x, y) >= 0 ? x : y));
      into.push({ rule: { selector, ...(source.path ? { source: source.path } : {}), declarations: declarationsOf(styleRule.style.cssText) }, specificity, order: into.length });
    } else if (rule.type === CSSRule.MEDIA_RULE) {
      if (view.matchMedia((rule as CSSMediaRule).conditionText).matches) collect((rule as CSSMediaRule).cssRules, element, view, source, into);
    } else if (rule.type === CSSRule.SUPPORTS_RULE) {
      if (CSS.supports((rule as CSSSupportsRule).conditionText)) collect((rule as CSSSupportsRule).cssRules, element, view, source, into);
    } else if ('cssRules' in rule && rule.type !== CSSRule.KEYFRAMES_RULE) {
      collect((rule as CSSGroupingRule).cssRules, element, view, source, into);
    }
  }
}

/** `a, b:is(c, d)` → [`a`, `b:is(c, d)`]: commas inside parentheses or brackets do not split. */
function splitSelectorList(selectorText: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < selectorText.length; i++) {
    const ch = selectorText[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (ch === ',' && depth === 0) {
      parts.push(selectorText.slice(start, i).trim());
      start = i + 1;
    }
  }
  parts.push(selectorText.slice(start).trim());
  return parts.filter(Boolean);
}

function matches(element: Element, selector: string): boolean {
  try {
    return element.matches(selector);
  } catch {
    return false; // pseudo-elements and selectors Chromium cannot match on an element
  }
}

interface SheetSource {
  /** Module path of the sheet (`pages/index/index`), or `simulator` for the runtime's own base styles. */
  readonly path?: string;
  /** The style scope its classes carry (`components_counter_counter`), to show class names as written. */
  readonly scope?: string;
}

/** Package sheets are `<style data-url=".../css/<module>.css">` (view/style-sheets.ts); others are the runtime's. */
function sourceOf(sheet: CSSStyleSheet): SheetSource {
  const owner = sheet.ownerNode as HTMLElement | null;
  const url = owner?.dataset?.url ?? sheet.href ?? '';
  const match = /(?:^|\/)css\/(.+)\.css(?:[?#].*)?$/.exec(url);
  if (!match) return { path: 'simulator' };
  const path = match[1]!;
  return { path, scope: path.replace(/\//g, '_') };
}

/** `a: 1; b: url("x;y") !important` → declarations, splitting on `;` outside quotes and parentheses. */
export function declarationsOf(cssText: string): { name: string; value: string; important?: boolean }[] {
  const parts: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < cssText.length; i++) {
    const ch = cssText[i];
    if (quote) {
      if (ch === '\\') i++;
      else if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    else if (ch === ';' && depth === 0) {
      parts.push(cssText.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(cssText.slice(start));
  const declarations: { name: string; value: string; important?: boolean }[] = [];
  for (const part of parts) {
    const colon = part.indexOf(':');
    if (colon < 0) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    let value = part.slice(colon + 1).trim();
    if (!name || !value) continue;
    const important = /!\s*important\s*$/i.test(value);
    if (important) value = value.replace(/!\s*important\s*$/i, '').trim();
    declarations.push(important ? { name, value, important } : { name, value });
  }
  return declarations;
}

/** The longhand properties a declared property sets (`margin` → `margin-top`…), as Chromium expands it. */
function longhandsOf(name: string, view: Window): string[] {
  if (name.startsWith('--')) return [];
  const probe = view.document.createElement('div').style;
  probe.setProperty(name, 'inherit');
  const longhands = [...probe];
  return longhands.length > 0 ? longhands : [name];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
