import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wechatProfile } from '../profiles';
import { compileLess, compileSass, compileStyle } from './index';
import { createTestProject } from './test-project';

test('LESS: variables, nesting, imports (relative and /absolute), then the WXSS rewrite', async () => {
  const project = await createTestProject({
    'mp/styles/vars.less': '@gap: 20rpx;\n@brand: #07c160;',
    'mp/styles/mixins.less': '.card() { border-radius: 8rpx; }',
  });
  try {
    const source = '@import "/styles/vars";\n@import "../../styles/mixins.less";\n.box {\n  .card();\n  margin: @gap;\n  view { color: @brand; }\n}';
    const out = await compileStyle({
      file: 'mp/pages/home/home.less',
      source,
      readFile: project.readFile,
      profile: wechatProfile,
      miniprogramRoot: 'mp',
      scopeName: 'home',
    });
    assert.deepEqual(out.diagnostics.map((d) => [d.file, d.line, d.code]), [['mp/pages/home/home.less', 3, 'wxss-component-selector']]);
    assert.equal(out.css, '.home--box {\n  border-radius: 8rpx;\n  margin: 20rpx;\n}\n.home--box wx-view {\n  color: #07c160;\n}\n');
    assert.deepEqual(out.dependencies.sort(), ['mp/styles/mixins.less', 'mp/styles/vars.less']);
  } finally {
    await project.dispose();
  }
});

test('LESS errors carry the location in the file that has them, imported or not', async () => {
  const readFile = async (p: string): Promise<string | undefined> =>
    p === 'styles/bad.less' ? '.a {\n  color: @missing;\n}' : undefined;
  const own = await compileLess({ file: 'pages/a.less', source: '.x {\n  width: 10rpx\n  .y { }', readFile });
  assert.equal(own.css, undefined);
  assert.deepEqual([own.diagnostics[0]?.file, own.diagnostics[0]?.line, own.diagnostics[0]?.code], ['pages/a.less', 3, 'less-error']);
  const imported = await compileLess({ file: 'pages/a.less', source: '@import "../styles/bad";', readFile });
  const [d] = imported.diagnostics;
  assert.deepEqual([d?.file, d?.line, d?.column], ['styles/bad.less', 2, 10]);
  assert.match(d?.message ?? '', /@missing is undefined/);
  const missing = await compileLess({ file: 'pages/a.less', source: '\n@import "nope";', readFile });
  assert.deepEqual([missing.diagnostics[0]?.file, missing.diagnostics[0]?.line], ['pages/a.less', 2]);
  assert.match(missing.diagnostics[0]?.message ?? '', /nope/);
});

test('SCSS: @use with a partial, @import, nesting and math on rpx, then the WXSS rewrite', async () => {
  const project = await createTestProject({
    'styles/_tokens.scss': '$gap: 12rpx;\n@mixin flex { display: flex; }',
    'styles/legacy.scss': '.legacy { color: red; }',
  });
  try {
    const source = '@use "/styles/tokens" as t;\n@import "../../styles/legacy";\n.row {\n  @include t.flex;\n  padding: t.$gap * 2;\n  &:active text { opacity: .5; }\n}';
    const out = await compileStyle({ file: 'pages/list/list.scss', source, readFile: project.readFile, profile: wechatProfile });
    assert.deepEqual(out.diagnostics, []);
    assert.equal(
      out.css,
      '.legacy {\n  color: red;\n}\n\n.row {\n  display: flex;\n  padding: 24rpx;\n}\n.row:active wx-text {\n  opacity: 0.5;\n}',
    );
    assert.deepEqual(out.dependencies.sort(), ['styles/_tokens.scss', 'styles/legacy.scss']);
  } finally {
    await project.dispose();
  }
});

test('Sass (indented syntax) compiles too', async () => {
  const out = await compileSass({ file: 'a.sass', source: '$c: red\n.a\n  color: $c\n', readFile: async () => undefined });
  assert.equal(out.css, '.a {\n  color: red;\n}');
});

test('Sass errors carry the location in the file that has them', async () => {
  const readFile = async (p: string): Promise<string | undefined> => (p === 'lib/_m.scss' ? '.m {\n  width: 1px +;\n}' : undefined);
  const own = await compileSass({ file: 'pages/a.scss', source: '.a {\n  color: $nope;\n}', readFile });
  assert.deepEqual(
    own.diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
    [['pages/a.scss', 2, 10, 'sass-error']],
  );
  const imported = await compileSass({ file: 'pages/a.scss', source: '@use "../lib/m";', readFile });
  assert.deepEqual([imported.diagnostics[0]?.file, imported.diagnostics[0]?.line], ['lib/_m.scss', 2]);
  const missing = await compileSass({ file: 'pages/a.scss', source: '\n\n@use "gone";', readFile });
  assert.deepEqual([missing.diagnostics[0]?.file, missing.diagnostics[0]?.line], ['pages/a.scss', 3]);
});

test('a WXSS-stage problem in LESS output points back into the .less source', async () => {
  const source = '@w: 1px;\n\n.a {\n  .b { width: @w; }\n}\n:host { color: red; }\n';
  const out = await compileStyle({ file: 'pages/p.less', source, readFile: async () => undefined, profile: wechatProfile });
  assert.deepEqual(
    out.diagnostics.map((d) => [d.file, d.line, d.code]),
    [['pages/p.less', 6, 'wxss-host-unscoped']],
  );
});

test('an unclosed comment is a located LESS error (Less itself would loop forever on one in a custom property)', async () => {
  const source = '.a { color: red; }\n.b { --x: /* never closed;\n}\n';
  const own = await compileLess({ file: 'p.less', source, readFile: async () => undefined });
  assert.deepEqual(own.diagnostics.map((d) => [d.file, d.line, d.column, d.message]), [['p.less', 2, 11, 'Unclosed comment']]);
  const imported = await compileLess({ file: 'p.less', source: '@import "v";', readFile: async (p) => (p === 'v.less' ? '\n--y: /*' : undefined) });
  assert.deepEqual(imported.diagnostics.map((d) => [d.file, d.line, d.column]), [['v.less', 2, 6]]);
  const fine = await compileLess({ file: 'p.less', source: '.a { content: "/*"; background: url(http://x/*.png); } // a /* line comment\n', readFile: async () => undefined });
  assert.deepEqual(fine.diagnostics, []);
});
