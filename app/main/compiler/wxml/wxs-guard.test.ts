import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import { guardWxs } from './wxs-guard';

/** Runs a guarded WXS module as the group file would and returns its exports. */
function load(wxs: string): Record<string, unknown> {
  const checked = guardWxs(wxs);
  assert.equal(checked.ok, true);
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(`(function (module, exports) {\n${checked.code}\n})(module, module.exports)`, { module, console });
  return module.exports;
}

test('a backslash before a letter in a WXS string stays a backslash, as wcc compiles it (vant add-unit)', () => {
  const exports = load(String.raw`var REGEXP = getRegExp('^-?\d+(\.\d+)?$');
module.exports = { addUnit: function (v) { return REGEXP.test('' + v) ? v + 'px' : v; }, odd: "a\qb" };`);
  assert.equal((exports['addUnit'] as (v: unknown) => unknown)(40), '40px');
  assert.equal((exports['addUnit'] as (v: unknown) => unknown)('50%'), '50%');
  assert.equal(exports['odd'], 'a\\qb');
});

test('escapes JS knows keep their meaning and comments are left alone', () => {
  const exports = load(String.raw`// a \d in a comment
module.exports = { s: 'it\'s\n\t\x41\u0042\\', d: "say \"hi\"" };`);
  assert.equal(exports['s'], "it's\n\tAB\\");
  assert.equal(exports['d'], 'say "hi"');
});
