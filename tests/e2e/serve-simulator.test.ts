// `ministudio serve` + the simulator page in real Chromium: the printed URL boots the example, console output
// reaches the CLI, and saved files hot-update what the user sees (or show the compile error overlay).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { ServeProcess, copyExample, repoRoot } from './serve-support';

const simulatorBuilt = existsSync(join(repoRoot, 'out', 'web', 'simulator', 'index.html'));
const skip = simulatorBuilt ? false : 'the simulator page is not built (npm run build)';

let project: { dir: string; dispose: () => Promise<void> };
let serve: ServeProcess;
let browser: Browser;
let page: Page;
const consoleErrors: string[] = [];

interface Status {
  page: string;
  query: Record<string, string>;
  ready: boolean;
  stack: string[];
  buildId?: string;
}

before(async () => {
  if (skip) return;
  project = await copyExample();
  serve = ServeProcess.start([project.dir, '--page', 'pages/logs/logs?from=e2e', '--scene', '1011']);
  const url = (await serve.line(/^Simulator: /)).slice('Simulator: '.length);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  await page.goto(url);
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await serve.stop();
  await project.dispose();
});

const status = (): Promise<Status> => page.evaluate(() => (window as unknown as { ministudio: { status(): Status } }).ministudio.status());

/** Text of every frame (the host page and each page view). */
async function visibleText(): Promise<string> {
  const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  return texts.join('\n');
}

async function waitForText(needle: string): Promise<void> {
  for (;;) {
    if ((await visibleText()).includes(needle)) return;
    await page.waitForTimeout(50);
  }
}

test('the printed URL boots the example at the requested page and query', { skip, timeout: 60_000 }, async () => {
  await page.waitForFunction(() => (window as unknown as { ministudio?: { status(): { ready: boolean } } }).ministudio?.status().ready === true, null, { timeout: 0 });
  const s = await status();
  assert.equal(s.page, 'pages/logs/logs');
  assert.deepEqual(s.query, { from: 'e2e' });
  assert.ok(s.buildId);
  await serve.line(/^\[[^\]]+\] log: App launched/);
  await serve.line(/^device \S+ shows pages\/logs\/logs\?from=e2e \(build /, 'stderr');
  assert.deepEqual(consoleErrors.filter((e) => /Content Security Policy|404/.test(e)), [], 'no CSP violations or missing files');
});

test('a saved WXML change appears in the page without a relaunch', { skip, timeout: 30_000 }, async () => {
  const wxml = join(project.dir, 'pages/logs/logs.wxml');
  const before = await status();
  await writeFile(wxml, `${await readFile(wxml, 'utf8')}\n<view class="e2e-marker">Hot swapped by e2e</view>\n`);
  await waitForText('Hot swapped by e2e');
  const after = await status();
  assert.notEqual(after.buildId, before.buildId);
  assert.deepEqual(after.stack, before.stack, 'still on the same page');
});

test('a saved JS change relaunches at the current page, and its console reaches the CLI', { skip, timeout: 60_000 }, async () => {
  const js = join(project.dir, 'pages/logs/logs.js');
  const source = await readFile(js, 'utf8');
  const from = serve.stdout.length;
  const edited = source.replace(/onShow\s*\(\)\s*\{/, (m) => `${m}\n    console.log('relaunched by e2e');`);
  assert.notEqual(edited, source, 'the example page has an onShow to edit');
  await writeFile(js, edited);
  assert.match(await serve.line(/relaunched by e2e/, 'stdout', from), /^\[[^\]]+\] log: relaunched by e2e$/);
  await page.waitForFunction(() => (window as unknown as { ministudio: { status(): { ready: boolean } } }).ministudio.status().ready === true, null, { timeout: 0 });
  assert.equal((await status()).page, 'pages/logs/logs');
});

test('a compile error shows an overlay with its location, and fixing it clears the overlay', { skip, timeout: 60_000 }, async () => {
  const wxml = join(project.dir, 'pages/logs/logs.wxml');
  const good = await readFile(wxml, 'utf8');
  await writeFile(wxml, `${good}\n<view>{{ broken </view>\n`);
  const overlay = page.locator('.ms-error-overlay:not([hidden])');
  await overlay.waitFor({ state: 'visible', timeout: 0 });
  assert.match(await overlay.innerText(), /pages\/logs\/logs\.wxml:\d+:\d+/);
  // chokidar drops a second 'change' of one file within 50 ms of the first; a real save comes later than that.
  await page.waitForTimeout(120);
  await writeFile(wxml, good);
  await overlay.waitFor({ state: 'hidden', timeout: 0 });
});
