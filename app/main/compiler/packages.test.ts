import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCompiler } from './index';
import { smallApp, tempProject, where } from './test-fixtures';

test('subpackages: one template group per part, self-contained, with sizes and zips', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': JSON.stringify({
        pages: ['pages/a/a', 'pages/b/b'],
        subpackages: [
          { root: 'packageA/', pages: ['pages/cat/cat'] },
          { root: 'packageB', name: 'b', pages: ['dog'], independent: true },
        ],
      }),
      'common/item.wxml': '<template name="item"><text>{{name}}</text></template>',
      'common/fmt.wxs': 'module.exports = { up: function (s) { return s.toUpperCase(); } };',
      'packageA/pages/cat/cat.wxml': '<import src="/common/item.wxml"/><wxs module="f" src="/common/fmt.wxs"/><template is="item" data="{{name: f.up(n)}}"/>',
      'packageA/pages/cat/cat.js': "Page({ data: { n: 'cat' } });",
      'packageA/pages/cat/cat.json': JSON.stringify({ usingComponents: { paw: '../../components/paw/paw' } }),
      'packageA/components/paw/paw.json': '{ "component": true }',
      'packageA/components/paw/paw.wxml': '<view>paw</view>',
      'packageB/dog.wxml': '<view>dog</view>',
      'packageB/dog.js': 'Page({});',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), []);
    const m = r.manifest!;
    assert.deepEqual(
      m.packages.map((x) => [x.root, x.independent, x.pages, x.templates, x.zip]),
      [
        ['', false, ['pages/a/a', 'pages/b/b'], 'templates/app.js', 'zips/app.zip'],
        ['packageA', false, ['packageA/pages/cat/cat'], 'templates/packageA.js', 'zips/packageA.zip'],
        ['packageB', true, ['packageB/dog'], 'templates/packageB.js', 'zips/packageB.zip'],
      ],
    );
    assert.deepEqual((m.appJson.subPackages as { root: string }[]).map((s) => s.root), ['packageA', 'packageB']);
    assert.equal(m.components['packageA/components/paw/paw']!.packageRoot, 'packageA');
    assert.equal(m.scripts['packageA/pages/cat/cat.js']!.packageRoot, 'packageA');
    const groupA = new Function(`return ${await p.read('templates/packageA.js')}`)() as Record<string, unknown>;
    assert.deepEqual(Object.keys(groupA).sort(), ['common/item', 'packageA/components/paw/paw', 'packageA/pages/cat/cat']);
    for (const part of m.packages) {
      assert.ok(part.size > 0);
      assert.ok(existsSync(join(p.out, part.zip!)));
    }
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('size limits of the profile are reported per (sub)package', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], subPackages: [{ root: 'big', pages: ['p'] }] }),
      'big/p.wxml': '<image src="./huge.png"/>',
      'big/p.js': 'Page({});',
    }),
  );
  await p.write('big/huge.png', Buffer.alloc(2 * 1024 * 1024 + 1));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['app.json:1:59 package-too-large']);
    assert.match(r.diagnostics[0]!.message, /subpackage 'big' is 2\.00 MB, over the wechat limit of 2\.00 MB/);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a FinClip project (.fxml/.ftss/.fts, ft: directives) builds under the finclip profile', async () => {
  const p = await tempProject({
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({});',
    'app.ftss': '.root { color: red; }',
    'pages/index/index.fxml': '<fts module="u" src="./u.fts"></fts><view ft:if="{{ok}}" ft:for="{{list}}">{{u.f(item)}}</view><include src="./part.fxml"/>',
    'pages/index/part.fxml': '<text>part</text>',
    'pages/index/u.fts': 'module.exports = { f: function (x) { return x + 1; } };',
    'pages/index/index.ftss': '.x { color: blue; }',
    'pages/index/index.js': 'Page({});',
  });
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), []);
    assert.equal(r.manifest!.profile, 'finclip');
    assert.equal(r.manifest!.appStyle?.file, 'css/app.css');
    assert.equal(r.manifest!.components['pages/index/index']!.style?.file, 'css/pages/index/index.css');
    const groups = new Function(`return ${await p.read('templates/app.js')}`)() as Record<string, unknown>;
    assert.deepEqual(Object.keys(groups).sort(), ['pages/index/index', 'pages/index/part']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('components resolve from miniprogram_npm up the tree, with generics and placeholders kept', async () => {
  const p = await tempProject(
    smallApp({
      'pages/a/a.json': JSON.stringify({
        usingComponents: { 'ui-button': 'ui-lib/button', local: './parts/local', abs: '/components/card/card' },
        componentGenerics: { cell: { default: '/components/card/card' } },
        componentPlaceholder: { local: 'view' },
      }),
      'pages/a/parts/local/index.json': '{ "component": true }',
      'pages/a/parts/local/index.wxml': '<view/>',
      'miniprogram_npm/ui-lib/button/index.json': JSON.stringify({ component: true, usingComponents: { icon: '../icon/index' } }),
      'miniprogram_npm/ui-lib/button/index.wxml': '<icon-x/>',
      'miniprogram_npm/ui-lib/button/index.js': 'Component({});',
      'miniprogram_npm/ui-lib/icon/index.json': '{ "component": true }',
      'miniprogram_npm/ui-lib/icon/index.wxml': '<text/>',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), []);
    const page = r.manifest!.components['pages/a/a']!;
    assert.deepEqual(page.json.usingComponents, {
      card: 'components/card/card',
      'ui-button': 'miniprogram_npm/ui-lib/button/index',
      local: 'pages/a/parts/local/index',
      abs: 'components/card/card',
    });
    assert.deepEqual(page.json.componentGenerics, { cell: { default: 'components/card/card' } });
    assert.deepEqual(page.json.componentPlaceholder, { local: 'view' });
    assert.ok(r.manifest!.components['miniprogram_npm/ui-lib/icon/index']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('packOptions.ignore keeps files out; extended-library components are a warning, not an error', async () => {
  const p = await tempProject(
    smallApp({
      'project.config.json': JSON.stringify({ packOptions: { ignore: [{ type: 'folder', value: 'docs' }, { type: 'suffix', value: '.md' }, { type: 'glob', value: 'tools/**/*.js' }] } }),
      'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], useExtendedLib: { weui: true }, usingComponents: { card: '/components/card/card' } }),
      'pages/b/b.json': JSON.stringify({ usingComponents: { 'mp-dialog': 'weui-miniprogram/dialog/dialog' } }),
      'docs/guide.js': 'module.exports = 1;',
      'notes.md': '# notes',
      'tools/gen/make.js': 'module.exports = 2;',
      'tools/keep.png': 'png',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['pages/b/b.json:1:33 extended-lib-not-bundled']);
    assert.equal(r.ok, true);
    const scripts = Object.keys(r.manifest!.scripts);
    assert.ok(!scripts.includes('docs/guide.js') && !scripts.includes('tools/gen/make.js'), scripts.join());
    assert.deepEqual(Object.keys(r.manifest!.assets), ['tools/keep.png']);

    await p.write('docs/more.js', 'module.exports = 3;');
    const again = await compiler.rebuild(['docs/more.js', 'docs/guide.js']);
    assert.equal(again.manifest!.scripts['docs/more.js'], undefined, 'an ignored file stays out after a rebuild too');
    assert.deepEqual(again.changedOutputs, []);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('app.json rules beyond the schema: tab pages, tab icons, missing pages, sitemap', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': [
        '{',
        '  "pages": ["pages/a/a", "pages/b/b", "pages/gone/gone"],',
        '  "sitemapLocation": "sitemap.json",',
        '  "tabBar": { "list": [',
        '    { "pagePath": "pages/a/a", "text": "A", "iconPath": "img/a.png" },',
        '    { "pagePath": "pages/c/c", "text": "C", "iconPath": "img/c.svg" }',
        '  ] }',
        '}',
      ].join('\n'),
      'img/c.svg': '<svg/>',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), [
      'app.json:2:39 page-not-found',
      'app.json:3:22 sitemap-missing',
      'app.json:5:57 tabbar-icon-missing',
      'app.json:6:19 tabbar-page-unknown',
      'app.json:6:57 tabbar-icon-format',
    ]);
    assert.ok(r.manifest!.components['pages/a/a'], 'the rest still compiles');
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('an independent subpackage that uses a main-package component is warned at the reference', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], subPackages: [{ root: 'solo', pages: ['p'], independent: true }] }),
      'solo/p.json': '{\n  "usingComponents": { "card": "/components/card/card" }\n}',
      'solo/p.wxml': '<card/>',
      'solo/p.js': 'Page({});',
      'pages/a/a.json': JSON.stringify({ usingComponents: { card: '/components/card/card' } }),
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['solo/p.json:2:32 independent-subpackage-reference']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a usingComponents tag that can never match a (lower-cased) WXML tag is warned', async () => {
  const p = await tempProject(smallApp({ 'pages/b/b.json': '{ "usingComponents": { "MyCard": "/components/card/card" } }' }));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['pages/b/b.json:1:34 component-tag-name']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a mini-program without app.js is an error, and everything else still builds', async () => {
  const files = smallApp();
  delete files['app.js'];
  const p = await tempProject(files);
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['app.js:1:1 app-script-missing']);
    assert.ok(r.manifest!.components['pages/a/a']!.script);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});
