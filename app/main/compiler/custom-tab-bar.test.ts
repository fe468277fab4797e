import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompiler } from './index';
import { smallApp, tempProject, where } from './test-fixtures';

const tabBar = { custom: true, list: [{ pagePath: 'pages/a/a', text: 'A' }, { pagePath: 'pages/b/b', text: 'B' }] };

test('tabBar.custom packages custom-tab-bar/index as a component of the main package', async () => {
  const p = await tempProject(
    smallApp({
      'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], usingComponents: { card: '/components/card/card' }, tabBar }),
      'custom-tab-bar/index.json': '{ "component": true }',
      'custom-tab-bar/index.wxml': '<view class="bar">{{selected}}</view>',
      'custom-tab-bar/index.js': 'Component({ data: { selected: 0 } });',
      'custom-tab-bar/index.wxss': '.bar { position: fixed; bottom: 0; }',
    }),
  );
  const compiler = createCompiler(p.dir, { outDir: p.out });
  try {
    const r = await compiler.build();
    assert.deepEqual(where(r.diagnostics, 'error'), []);
    const entry = r.manifest!.components['custom-tab-bar/index'];
    assert.ok(entry, 'custom-tab-bar/index is in the manifest');
    assert.equal(entry.isPage, false);
    assert.equal(entry.packageRoot, '');
    assert.ok(r.manifest!.scripts['custom-tab-bar/index.js']);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});

test('tabBar.custom without custom-tab-bar/index warns at app.json tabBar.custom', async () => {
  const p = await tempProject(smallApp({ 'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], usingComponents: { card: '/components/card/card' }, tabBar }, null, 2) }));
  const compiler = createCompiler(p.dir, { outDir: p.out });
  try {
    const r = await compiler.build();
    const warning = r.diagnostics.find((d) => d.code === 'custom-tab-bar-not-found');
    assert.ok(warning, where(r.diagnostics).join('\n'));
    assert.equal(warning.file, 'app.json');
    assert.equal(warning.severity, 'warning');
    assert.ok(warning.line > 1);
    assert.equal(r.manifest!.components['custom-tab-bar/index'], undefined);
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});
