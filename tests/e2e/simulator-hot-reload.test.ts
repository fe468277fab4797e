/// <reference lib="dom" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, startServedProject, stopServedProject, type Served } from './simulator-support';

const files: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/index/index', 'pages/second/second'] }),
  'app.js': `App({
  onError(message) { console.log('app.onError', message.split('\\n')[0]); },
  onUnhandledRejection(res) { console.log('app.onUnhandledRejection', res.reason && res.reason.message); },
});`,
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': '<view id="count" bindtap="inc">count={{count}}</view><view id="boom" bindtap="explode">boom</view>',
  'pages/index/index.wxss': '#count { color: rgb(0, 0, 255); }',
  'pages/index/index.js': [
    'Page({',
    '  data: { count: 0 },',
    '  inc() { this.setData({ count: this.data.count + 1 }); },',
    '  explode() {',
    '    const detail = { reason: "on purpose" };',
    '    throw new Error("boom " + detail.reason);',
    '  },',
    '  onLoad() { Promise.reject(new Error("rejected in onLoad")); },',
    '});',
  ].join('\n'),
  'pages/second/second.json': '{}',
  'pages/second/second.wxml': '<view id="second">second {{q}}</view>',
  'pages/second/second.js': 'Page({ data: { q: "" }, onLoad(query) { this.setData({ q: query.q }); } });',
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(files)));
after(() => stopServedProject({ built: built, server, browser }));

function kindOf(path: string): 'template' | 'style' | 'script' | 'json' | 'asset' {
  if (path.startsWith('templates/')) return 'template';
  if (path.startsWith('css/')) return 'style';
  if (path.startsWith('js/')) return 'script';
  if (path === 'manifest.json') return 'json';
  return 'asset';
}

/** Edits a project file, rebuilds incrementally and hands the changed outputs to the simulator, as the devserver does. */
async function edit(page: Page, file: string, content: string, action: 'hot' | 'relaunch'): Promise<void> {
  await writeFile(join(built.projectDir, file), content);
  const result = await built.compiler.rebuild([file]);
  assert.ok(result.ok, JSON.stringify(result.diagnostics));
  const changes = result.changedOutputs.filter((p) => !p.endsWith('.map')).map((path) => ({ kind: kindOf(path), path }));
  await page.evaluate(
    ([c, a]) => (window.ministudio.host as unknown as { applyUpdate(u: unknown): Promise<void> }).applyUpdate({ manifestUrl: '', action: a, changes: c }),
    [changes, action] as const,
  );
}

test('an exception in a handler is reported at its original file:line and the simulator keeps running', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/index/index');
  await page.waitForFunction(() => (window.ministudio.status() as { errors: unknown[] }).errors.length > 0);
  const rejection = (await status(page)).errors[0]!;
  assert.equal(rejection.kind, 'unhandledrejection');
  assert.match(rejection.message, /rejected in onLoad/);
  assert.equal(rejection.location, 'pages/index/index.js:8:29');
  const frame = await topFrame(page);
  await frame.click('#boom');
  await page.waitForFunction(() => (window.ministudio.status() as { errors: unknown[] }).errors.length > 1);
  const thrown = (await status(page)).errors[1]!;
  assert.equal(thrown.kind, 'error');
  assert.match(thrown.message, /Error: boom on purpose/);
  assert.equal(thrown.location, 'pages/index/index.js:6:11');
  assert.match(thrown.stack, /pages\/index\/index\.js:6:11/);
  await frame.click('#count');
  await frame.waitForFunction(() => document.getElementById('count')?.textContent === 'count=1');
  const logs = await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  assert.ok(logs.includes('app.onUnhandledRejection rejected in onLoad'), logs.join('\n'));
  assert.ok(logs.some((l) => l.startsWith('app.onError Error: boom on purpose')), logs.join('\n'));
  await page.close();
});

test('a compile error shows an overlay with its location instead of a white screen', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page);
  await page.evaluate(() =>
    (window.ministudio.host as unknown as { showDiagnostics(d: unknown[]): void }).showDiagnostics([
      { file: 'pages/index/index.wxml', line: 3, column: 7, severity: 'error', code: 'wxml-unclosed-tag', message: 'tag <view> is not closed' },
    ]),
  );
  assert.ok(await page.isVisible('.ms-error-overlay'));
  assert.match((await page.textContent('.ms-error-overlay')) ?? '', /pages\/index\/index\.wxml:3:7\s+tag <view> is not closed/);
  await page.evaluate(() => (window.ministudio.host as unknown as { showDiagnostics(d: unknown[]): void }).showDiagnostics([]));
  assert.equal(await page.isVisible('.ms-error-overlay'), false);
  await page.close();
});

test('WXML and WXSS edits swap into the live page keeping its data; a JS edit relaunches at the current page', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/index/index');
  const frame = await topFrame(page);
  await frame.click('#count');
  await frame.click('#count');
  await frame.waitForFunction(() => document.getElementById('count')?.textContent === 'count=2');

  await edit(page, 'pages/index/index.wxml', '<view id="count" bindtap="inc">edited count={{count}}</view><view id="boom" bindtap="explode">boom</view>', 'hot');
  await frame.waitForFunction(() => document.getElementById('count')?.textContent === 'edited count=2');
  await frame.click('#count');
  await frame.waitForFunction(() => document.getElementById('count')?.textContent === 'edited count=3');
  const templateMs = (await status(page)).lastHotReloadMs;
  assert.equal(typeof templateMs, 'number');

  await edit(page, 'pages/index/index.wxss', '#count { color: rgb(255, 0, 0); }', 'hot');
  await frame.waitForFunction(() => getComputedStyle(document.getElementById('count')!).color === 'rgb(255, 0, 0)');
  assert.equal(await frame.textContent('#count'), 'edited count=3', 'a style swap keeps the data');

  const navigated = await page.evaluate(() =>
    (window.ministudio.host as unknown as { navigate(k: string, u: string): Promise<{ ok: boolean }> }).navigate('navigateTo', '/pages/second/second?q=kept'),
  );
  assert.equal(navigated.ok, true);
  await waitReady(page, 'pages/second/second');
  await edit(page, 'pages/second/second.js', 'Page({ data: { q: "" }, onLoad(query) { this.setData({ q: "v2 " + query.q }); } });', 'relaunch');
  await waitReady(page, 'pages/second/second');
  const after = await topFrame(page);
  await after.waitForFunction(() => document.getElementById('second')?.textContent === 'second v2 kept');
  assert.deepEqual((await status(page)).stack, ['pages/second/second?q=kept']);
  await page.close();
});
