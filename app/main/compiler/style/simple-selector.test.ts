import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rewriteWithParser, SCOPE_PLACEHOLDER, type SelectorScope } from './selector-rewrite';
import { rewriteSimpleSelector } from './simple-selector';

const scopes: readonly SelectorScope[] = [
  { prefixClasses: true, hasHost: true, externalClasses: new Set(['ext']) },
  { prefixClasses: false, hasHost: false, externalClasses: new Set() },
];

test('the fast path rewrites plain selectors exactly like the parser path', () => {
  const selectors = [
    '.a', 'view', 'page', 'VIEW', '.a view > .b:hover', 'scroll-view .x ~ text + .y::after', '.a, .b,\n.c',
    '*', '.a *', '#id .b', 'my-comp .a', 'a.b.c', '.ext', '.--x', '.a-1_2', 'button:active', 'page .a',
    '.a:first-child', 'text::before', 'view  >  text', '.a:not(.b)', 'view:not(.x) > text.t:not(.off, image)',
    '.a:is(view, .b) .c', ':where(.a) button',
  ];
  for (const scope of scopes) {
    for (const selector of selectors) {
      const fast = rewriteSimpleSelector(selector, scope, SCOPE_PLACEHOLDER);
      const slow = rewriteWithParser(selector, scope);
      assert.ok(fast, `fast path should take '${selector}'`);
      assert.ok(slow.ok);
      assert.deepEqual(fast, slow.value, selector);
    }
  }
});

test('the fast path leaves anything unusual to the parser', () => {
  for (const selector of [':host', ':host(.a)', '.a:not([x])', '[x=y]', '.a:nth-child(2n+1)', 'li:nth-of-type(odd)', '.a\\:b', '.5x', '.', 'a)', '.中文', ':nth-child(2)']) {
    assert.equal(rewriteSimpleSelector(selector, scopes[0]!, SCOPE_PLACEHOLDER), undefined, selector);
  }
});
