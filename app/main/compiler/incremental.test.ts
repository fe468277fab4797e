import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { createCompiler, type BuildResult } from './index';
import { smallApp, tempProject, where } from './test-fixtures';

test('one changed template recompiles only itself and rewrites only its group file', async () => {
  const p = await tempProject(smallApp());
  const compiler = createCompiler(p.dir, { outDir: p.out });
  try {
    const first = await compiler.build();
    assert.ok(first.ok, where(first.diagnostics).join('\n'));
    assert.ok(first.recompiled.templates >= 3 && first.recompiled.scripts >= 5);

    await p.write('pages/b/b.wxml', '<view>B2</view>');
    const r = await compiler.rebuild(['pages/b/b.wxml']);
    assert.deepEqual(r.recompiled, { templates: 1, scripts: 0, styles: 0 });
    assert.deepEqual([...r.changedOutputs].sort(), ['templates/app.js']);
    assert.match(await p.read('templates/app.js'), /B2/);

    const same = await compiler.rebuild(['pages/b/b.wxml']);
    assert.deepEqual(same.changedOutputs, []);
    assert.deepEqual(same.recompiled, { templates: 0, scripts: 0, styles: 0 });
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('changing a script, a style, a json: each touches only its own outputs', async () => {
  const p = await tempProject(smallApp({ 'common/theme.wxss': '.x { color: green; }', 'pages/a/a.wxss': '@import "../../common/theme.wxss";\n.a { color: blue; }' }));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    assert.ok((await compiler.build()).ok);

    await p.write('utils/util.js', 'module.exports = { twice: (n) => n + n };');
    let r = await compiler.rebuild([`${p.dir}/utils/util.js`]);
    assert.deepEqual(r.recompiled, { templates: 0, scripts: 1, styles: 0 });
    assert.deepEqual([...r.changedOutputs].sort(), ['js/utils/util.js', 'js/utils/util.js.map']);

    await p.write('common/theme.wxss', '.x { color: purple; }');
    r = await compiler.rebuild(['common/theme.wxss']);
    assert.deepEqual(r.recompiled, { templates: 0, scripts: 0, styles: 1 });
    assert.deepEqual(r.changedOutputs, ['css/pages/a/a.css']);
    assert.match(await p.read('css/pages/a/a.css'), /purple/);

    await p.write('pages/b/b.json', '{ "navigationBarTitleText": "Bee" }');
    r = await compiler.rebuild(['pages/b/b.json']);
    assert.deepEqual(r.recompiled, { templates: 0, scripts: 0, styles: 0 });
    assert.deepEqual(r.changedOutputs, ['manifest.json']);
    assert.equal(JSON.parse(await p.read('manifest.json')).components['pages/b/b'].json.navigationBarTitleText, 'Bee');
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('adding the missing file clears the diagnostic; deleting a file removes its outputs', async () => {
  const p = await tempProject(smallApp({ 'pages/b/b.js': "require('./later');\nPage({});" }));
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    assert.deepEqual(where((await compiler.build()).diagnostics), ['pages/b/b.js:1:9 require-not-found']);
    await p.write('pages/b/later.js', 'module.exports = 1;');
    let r = await compiler.rebuild(['pages/b/later.js']);
    assert.deepEqual(where(r.diagnostics), []);
    assert.deepEqual(r.manifest!.scripts['pages/b/b.js']!.requires, { './later': 'pages/b/later.js' });
    assert.ok(r.changedOutputs.includes('js/pages/b/later.js'));

    await p.remove('pages/b/later.js');
    r = await compiler.rebuild(['pages/b/later.js']);
    assert.deepEqual(where(r.diagnostics), ['pages/b/b.js:1:9 require-not-found']);
    assert.ok(r.changedOutputs.includes('js/pages/b/later.js'));
    assert.equal(r.manifest!.scripts['pages/b/later.js'], undefined);

    await p.remove('components');
    r = await compiler.rebuild(['components']);
    assert.deepEqual(where(r.diagnostics, 'error'), ['app.json:7:13 component-not-found']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('the watcher rebuilds on a save and reports what changed', async () => {
  const p = await tempProject(smallApp());
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  const results: BuildResult[] = [];
  let wake: (() => void) | undefined;
  const stop = await compiler.watch((r) => {
    results.push(r);
    wake?.();
  });
  try {
    assert.equal(results.length, 1);
    assert.ok(results[0]!.ok);
    const next = new Promise<void>((resolve) => (wake = resolve));
    await p.write('pages/a/a.wxml', '<view>{{</view>');
    await next;
    const r = results[results.length - 1]!;
    assert.deepEqual(r.changedOutputs, ['templates/app.js']);
    assert.equal(where(r.diagnostics, 'error')[0]?.startsWith('pages/a/a.wxml:1:'), true);
  } finally {
    await stop();
    compiler.dispose();
    await p.cleanup();
  }
});

test('an output folder that cannot be written is a diagnostic, not a crash, and the next run recovers', async () => {
  const p = await tempProject(smallApp());
  await p.write('blocker', 'a file where the output folder should be');
  const compiler = createCompiler(p.dir, { outDir: `${p.dir}/blocker/out`, zips: false });
  try {
    const failed = await compiler.build();
    assert.equal(failed.ok, false);
    assert.deepEqual(failed.diagnostics.map((d) => d.code), ['compiler-failure']);
    await p.remove('blocker');
    const again = await compiler.rebuild(['pages/a/a.wxml']);
    assert.equal(again.ok, true, where(again.diagnostics).join('\n'));
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('app.json edits re-plan: a new subpackage gets its own group, a new component gets compiled', async () => {
  const p = await tempProject(
    smallApp({
      'sub/page/page.wxml': '<view>sub</view>',
      'sub/page/page.js': 'Page({});',
      'components/badge/badge.json': '{ "component": true }',
      'components/badge/badge.wxml': '<text>badge</text>',
      'components/badge/badge.wxss': '.b { color: red; }',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  try {
    assert.ok((await compiler.build()).ok);
    await p.write('app.json', JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], subPackages: [{ root: 'sub', pages: ['page/page'] }], usingComponents: { card: '/components/card/card' } }));
    let r = await compiler.rebuild(['app.json']);
    assert.deepEqual(where(r.diagnostics), []);
    assert.deepEqual(r.manifest!.packages.map((x) => x.root), ['', 'sub']);
    assert.ok(r.changedOutputs.includes('templates/sub.js') && r.changedOutputs.includes('templates/app.js') && r.changedOutputs.includes('manifest.json'));
    const main = new Function(`return ${await p.read('templates/app.js')}`)() as Record<string, unknown>;
    assert.equal(main['sub/page/page'], undefined);

    await p.write('pages/b/b.json', JSON.stringify({ usingComponents: { badge: '../../components/badge/badge' } }));
    r = await compiler.rebuild(['pages/b/b.json']);
    assert.deepEqual(r.recompiled, { templates: 0, scripts: 0, styles: 1 });
    assert.deepEqual([...r.changedOutputs].sort(), ['css/components/badge/badge.css', 'manifest.json']);
    assert.equal(r.manifest!.components['components/badge/badge']!.style!.scopeName, 'components_badge_badge');
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('a new full build into an old output folder reuses identical files and deletes stale ones', async () => {
  const p = await tempProject(smallApp({ 'pages/b/extra.js': 'module.exports = 1;' }));
  try {
    const first = createCompiler(p.dir, { outDir: p.out, zips: false });
    assert.ok((await first.build()).ok);
    first.dispose();
    const longAgo = new Date('2020-01-01T00:00:00Z');
    utimesSync(`${p.out}/js/pages/a/a.js`, longAgo, longAgo); // a rewrite would show as a new mtime
    await p.remove('pages/b/extra.js');
    await p.write('pages/b/b.wxml', '<view>B again</view>');

    const second = createCompiler(p.dir, { outDir: p.out, zips: false });
    const r = await second.build();
    second.dispose();
    assert.ok(r.ok);
    assert.ok(r.changedOutputs.includes('js/pages/a/a.js'), 'a full build reports every output');
    assert.equal(statSync(`${p.out}/js/pages/a/a.js`).mtimeMs, longAgo.getTime(), 'an identical file is not rewritten');
    assert.match(await p.read('templates/app.js'), /B again/);
    assert.equal(existsSync(`${p.out}/js/pages/b/extra.js`), false, 'a stale output is deleted');
  } finally {
    await p.cleanup();
  }
});

test('an output folder holding something else is never cleaned', async () => {
  const p = await tempProject(smallApp());
  await p.write('precious/notes.txt', 'keep me');
  const compiler = createCompiler(p.dir, { outDir: `${p.dir}/precious`, zips: false });
  try {
    const r = await compiler.build();
    assert.equal(r.ok, false);
    assert.match(r.diagnostics[0]!.message, /is not empty and holds no Mini Studio package/);
    assert.ok(existsSync(`${p.dir}/precious/notes.txt`));
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('after one-file edits (kept from the last plan), every output and the manifest match a fresh full build', async () => {
  const p = await tempProject(
    smallApp({ 'common/theme.wxss': '.x { color: green; }', 'pages/a/a.wxss': '@import "../../common/theme.wxss";\n.a { color: blue; }', 'pages/b/b.js': "require('./missing');\nPage({});" }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
  const freshOut = `${p.out}-fresh`;
  try {
    assert.ok((await compiler.build()).ok);
    const edits: [string, string][] = [
      ['pages/a/a.wxml', '<view class="a">{{title}} edited</view>'],
      ['common/theme.wxss', '.x { color: purple; }'],
      ['pages/a/a.js', "const { twice } = require('../../utils/util');\nPage({ data: { title: 'edited' + twice(2) } });"],
    ];
    let last: BuildResult | undefined;
    for (const [file, text] of edits) {
      await p.write(file, text);
      last = await compiler.rebuild([file]);
    }
    const fresh = createCompiler(p.dir, { outDir: freshOut, zips: false });
    const full = await fresh.build();
    fresh.dispose();
    // key order may differ (scan order), the content may not
    assert.deepEqual({ ...last!.manifest, buildId: '' }, { ...full.manifest, buildId: '' });
    assert.deepEqual(where(last!.diagnostics), where(full.diagnostics), 'the missing require is still reported');
    for (const path of ['templates/app.js', 'css/pages/a/a.css', 'js/pages/a/a.js', 'manifest.json']) {
      const mine = await p.read(path);
      const theirs = await readFile(`${freshOut}/${path}`, 'utf8');
      if (path === 'manifest.json') assert.deepEqual({ ...JSON.parse(mine), buildId: '' }, { ...JSON.parse(theirs), buildId: '' });
      else assert.equal(mine, theirs, path);
    }
  } finally {
    compiler.dispose();
    await rm(freshOut, { recursive: true, force: true });
    await p.cleanup();
  }
});
