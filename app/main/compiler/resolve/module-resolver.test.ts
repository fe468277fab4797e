import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeInRoot, resolveComponent, resolveRequire, type ResolverContext } from './module-resolver';

const ctx = (files: string[], aliases: Record<string, string> = {}): ResolverContext => ({
  files: new Set(files),
  aliases,
  componentExtensions: ['.wxml', '.fxml', '.json', '.js', '.ts'],
});

test('normalizeInRoot refuses to climb above the root', () => {
  assert.equal(normalizeInRoot('a/./b/../c'), 'a/c');
  assert.equal(normalizeInRoot('/a//b/'), 'a/b');
  assert.equal(normalizeInRoot('a/../../etc/passwd'), undefined);
});

test('require: extensions and index files in WeChat order, TS keyed by its .js name', () => {
  const c = ctx(['a/b.js', 'a/b.json', 'c/index.ts', 'd.ts', 'e/index.js', 'e.json']);
  assert.equal(resolveRequire(c, 'a/x.js', './b'), 'a/b.js');
  assert.equal(resolveRequire(c, 'a/x.js', './b.json'), 'a/b.json');
  assert.equal(resolveRequire(c, 'a/x.js', '../c'), 'c/index.js');
  assert.equal(resolveRequire(c, 'a/x.js', '/d'), 'd.js');
  assert.equal(resolveRequire(c, 'a/x.js', '/d.js'), 'd.js');
  assert.equal(resolveRequire(c, 'x.js', 'e'), 'e.json', 'a file beats a folder, as X.json is tried before X/index.js');
  assert.equal(resolveRequire(c, 'a/x.js', '../../d'), undefined);
});

test('require: bare names look in miniprogram_npm from the file up to the root; aliases win when they match', () => {
  const c = ctx(
    ['miniprogram_npm/lodash/index.js', 'pkg/miniprogram_npm/lodash/index.js', 'miniprogram_npm/@s/u/index.js', 'src/utils/x.js', 'vendor.js'],
    { '@utils/*': '/src/utils/*', vendor: '/vendor.js' },
  );
  assert.equal(resolveRequire(c, 'pkg/deep/y.js', 'lodash'), 'pkg/miniprogram_npm/lodash/index.js');
  assert.equal(resolveRequire(c, 'other/y.js', 'lodash'), 'miniprogram_npm/lodash/index.js');
  assert.equal(resolveRequire(c, 'other/y.js', '@s/u'), 'miniprogram_npm/@s/u/index.js');
  assert.equal(resolveRequire(c, 'pages/p.js', '@utils/x'), 'src/utils/x.js');
  assert.equal(resolveRequire(c, 'pages/p.js', 'vendor'), 'vendor.js');
  assert.equal(resolveRequire(c, 'pages/p.js', 'missing'), undefined);
});

test('components: relative, absolute, folder index and npm, with extensions in the request ignored', () => {
  const c = ctx(['comp/a/a.wxml', 'comp/a/a.json', 'comp/b/index.fxml', 'miniprogram_npm/ui/button/index.json', 'miniprogram_npm/ui/button/index.wxml']);
  assert.equal(resolveComponent(c, 'pages/p/p.json', '../../comp/a/a'), 'comp/a/a');
  assert.equal(resolveComponent(c, 'pages/p/p.json', '/comp/a/a.wxml'), 'comp/a/a');
  assert.equal(resolveComponent(c, 'pages/p/p.json', '/comp/b'), 'comp/b/index');
  assert.equal(resolveComponent(c, 'pages/p/p.json', 'ui/button'), 'miniprogram_npm/ui/button/index');
  assert.equal(resolveComponent(c, 'pages/p/p.json', '../../../comp/a/a'), undefined);
});
