import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createCompiler } from './index';
import { smallApp, tempProject, where } from './test-fixtures';

const example = join(import.meta.dirname, '../../../resources/templates/example');

test('the bundled example builds clean into a package whose files all load', async () => {
  const p = await tempProject({});
  const compiler = createCompiler(example, { outDir: p.out });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), []);
    assert.ok(r.ok);
    const m = r.manifest!;
    assert.deepEqual(m.packages.map((x) => x.root), ['']);
    assert.deepEqual(Object.keys(m.components).sort(), ['components/counter/counter', 'pages/index/index', 'pages/logs/logs']);
    assert.equal(m.components['pages/index/index']!.json.usingComponents && (m.components['pages/index/index']!.json.usingComponents as Record<string, string>).counter, 'components/counter/counter');
    const groups = new Function(`return ${await p.read(m.packages[0]!.templates)}`)() as Record<string, unknown>;
    for (const c of Object.values(m.components)) assert.equal(typeof groups[c.template], 'function', c.path);
    const defined: string[] = [];
    for (const s of Object.values(m.scripts)) {
      const code = await p.read(s.file);
      new Function('define', code)((key: string, fn: unknown) => {
        assert.equal(typeof fn, 'function');
        defined.push(key);
      });
      const map = JSON.parse(await p.read(s.map!)) as { sources: string[] };
      assert.equal(map.sources.length, 1);
    }
    assert.deepEqual(defined.sort(), Object.keys(m.scripts).sort());
    assert.ok(m.appStyle && existsSync(join(p.out, m.appStyle.file)));
    assert.ok(existsSync(join(p.out, 'assets/images/home.png')));
    assert.ok(existsSync(join(p.out, m.packages[0]!.zip!)));
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a broken WXML page gives a located error while every other file still compiles', async () => {
  const p = await tempProject(smallApp({ 'pages/b/b.wxml': '<view>\n  <text>{{ a + }}</text>\n</view>' }));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.equal(r.ok, false);
    assert.deepEqual(where(r.diagnostics, 'error'), ['pages/b/b.wxml:2:16 wxml-unexpected-character-inside-expression']);
    const groups = new Function(`return ${await p.read('templates/app.js')}`)() as Record<string, unknown>;
    assert.equal(typeof groups['pages/a/a'], 'function');
    assert.equal(typeof groups['pages/b/b'], 'function');
    assert.ok(r.manifest!.scripts['pages/b/b.js']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('JSON problems are reported at their exact place, and a broken page json does not stop the build', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': '{\n  "pages": ["pages/a/a", "pages/b/b"],\n  "window": { "navigationBarTextStyle": "red" },\n  "usingComponents": { "card": "/components/card/card" }\n}',
      'pages/a/a.json': '{\n  "usingComponents": {\n    "missing": "../nowhere/x"\n  },\n  "enablePullDownRefresh": 1\n}',
      'pages/b/b.json': '{ "navigationBarTitleText": "B", }\n}',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), [
      'app.json:3:15 json-schema',
      'pages/a/a.json:3:16 component-not-found',
      'pages/a/a.json:5:3 json-schema',
      'pages/b/b.json:1:32 json-trailing-comma',
      'pages/b/b.json:2:1 json-syntax',
    ]);
    assert.equal(r.manifest!.components['pages/b/b']!.json.navigationBarTitleText, 'B');
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('paths that climb out of the mini-program root are refused with a located diagnostic', async () => {
  const p = await tempProject(
    smallApp({
      'secret.js': 'module.exports = "outside";',
      'project.config.json': JSON.stringify({ miniprogramRoot: 'mp/' }),
      'mp/app.json': '{\n  "pages": ["pages/a/a", "../../etc/x"]\n}',
      'mp/app.js': "require('../../secret.js');",
      'mp/pages/a/a.json': '{ "usingComponents": { "x": "../../../../outside/comp" } }',
      'mp/pages/a/a.wxml': '<import src="../../../../../x.wxml"/><view/>',
      'mp/pages/a/a.js': 'Page({});',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    const codes = where(r.diagnostics);
    assert.ok(codes.includes('mp/app.json:2:26 page-path-escape'), codes.join('\n'));
    assert.ok(codes.includes('mp/app.js:1:9 require-not-found'), codes.join('\n'));
    assert.ok(codes.includes('mp/pages/a/a.json:1:29 component-not-found'), codes.join('\n'));
    assert.ok(codes.includes('mp/pages/a/a.wxml:1:9 wxml-import-not-found'), codes.join('\n'));
    assert.deepEqual(Object.keys(r.manifest!.scripts).sort(), ['app.js', 'pages/a/a.js']);
    assert.equal(existsSync(join(p.out, 'js/secret.js')), false);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('require follows WeChat resolution: relative, absolute, legacy bare, miniprogram_npm up the tree, alias, JSON, TS', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': JSON.stringify({ pages: ['pages/a/a'], resolveAlias: { '@lib/*': '/lib/*' } }),
      'app.js': 'App({});',
      'pages/a/a.ts': [
        "import { twice } from '../../utils/util';",
        "const abs = require('/utils/util.js');",
        "const legacy = require('helper');",
        "const dayjs = require('dayjs');",
        "const scoped = require('@scope/pkg/sub');",
        "const lib = require('@lib/math');",
        "const data = require('./data.json');",
        "const typed = require('../../utils/typed.js');",
        "const dynamic = (name: string) => require('./' + name);",
        'Page({ data: { n: twice(data.n) + abs + legacy + dayjs + scoped + lib + typed + dynamic } });',
      ].join('\n'),
      'pages/a/helper.js': 'module.exports = 1;',
      'pages/a/data.json': '{ "n": 21 }',
      'utils/typed.ts': 'export const t: number = 1;',
      'miniprogram_npm/dayjs/index.js': "module.exports = require('inner');",
      'miniprogram_npm/dayjs/miniprogram_npm/inner/index.js': 'module.exports = 2;',
      'miniprogram_npm/@scope/pkg/sub.js': 'module.exports = 3;',
      'lib/math.js': 'module.exports = 4;',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), []);
    const m = r.manifest!;
    assert.deepEqual(m.scripts['pages/a/a.js']!.requires, {
      '../../utils/util': 'utils/util.js',
      '/utils/util.js': 'utils/util.js',
      helper: 'pages/a/helper.js',
      dayjs: 'miniprogram_npm/dayjs/index.js',
      '@scope/pkg/sub': 'miniprogram_npm/@scope/pkg/sub.js',
      '@lib/math': 'lib/math.js',
      './data.json': 'pages/a/data.json',
      '../../utils/typed.js': 'utils/typed.js',
    });
    assert.equal(m.scripts['pages/a/a.js']!.source, 'pages/a/a.ts');
    assert.deepEqual(m.scripts['miniprogram_npm/dayjs/index.js']!.requires, { inner: 'miniprogram_npm/dayjs/miniprogram_npm/inner/index.js' });
    assert.equal(m.components['pages/a/a']!.script, 'pages/a/a.js');
    // the JSON module and the TS module load and evaluate
    const load = async (key: string) => {
      const mod = { exports: {} as Record<string, unknown> };
      new Function('define', await p.read(m.scripts[key]!.file))((_k: string, fn: (r: unknown, m: unknown, e: unknown) => void) => fn(() => ({}), mod, mod.exports));
      return mod.exports;
    };
    assert.deepEqual(await load('pages/a/data.json'), { n: 21 });
    assert.equal((await load('utils/typed.js')).t, 1);
    // the source map of the TS page points at the original file and line
    const map = JSON.parse(await p.read(m.scripts['pages/a/a.js']!.map!)) as { sources: string[]; mappings: string };
    assert.deepEqual(map.sources, ['pages/a/a.ts']);
    assert.ok(map.mappings.startsWith(';'));
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a script with a syntax error is reported at its line and becomes a module that throws', async () => {
  const p = await tempProject(smallApp({ 'pages/b/b.js': 'Page({\n  data: { a: 1 },,\n});' }));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics), ['pages/b/b.js:2:18 js-syntax']);
    const code = await p.read('js/pages/b/b.js');
    assert.throws(() => new Function('define', code)((_k: string, fn: () => void) => fn()), /pages\/b\/b\.js:2:18/);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});
