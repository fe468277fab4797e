import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareSpecificity, specificityOf } from './css-specificity';

test('specificity counts ids, classes/attributes/pseudo-classes and types as the cascade does', () => {
  const cases: [string, [number, number, number]][] = [
    ['*', [0, 0, 0]],
    ['wx-view', [0, 0, 1]],
    ['.item', [0, 1, 0]],
    ['.list .item', [0, 2, 0]],
    ['wx-view.item:hover', [0, 2, 1]],
    ['#main .item > wx-text', [1, 1, 1]],
    ['[data-x="a.b#c"]', [0, 1, 0]],
    ['.a::before', [0, 1, 1]],
    [':where(#x, .y) .z', [0, 1, 0]],
    [':not(#x) .z', [1, 1, 0]],
    [':is(.a, #b, c)', [1, 0, 0]],
  ];
  for (const [selector, expected] of cases) assert.deepEqual(specificityOf(selector), expected, selector);
  assert.ok(compareSpecificity(specificityOf('#a'), specificityOf('.a.b.c.d')) > 0);
  assert.ok(compareSpecificity(specificityOf('.a'), specificityOf('wx-view wx-text')) > 0);
  assert.equal(compareSpecificity(specificityOf('.a'), specificityOf('.b')), 0);
});
