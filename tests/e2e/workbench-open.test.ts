import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import type { Browser } from 'playwright-core';
import { launchChromium } from './support/browser';
import { startCli, type RunningCli } from './support/cli-process';

let cli: RunningCli;
let browser: Browser;

before(async () => {
  const configDir = await mkdtemp(join(tmpdir(), 'ms-config-'));
  cli = await startCli(['open', '--web', '--port', '0'], 'Mini Studio', { MINISTUDIO_CONFIG_DIR: configDir });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

test('the workbench shows the example project tree and opens app.json in Monaco', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(cli.announced);
  await page.getByTestId('project-name').filter({ hasText: 'example' }).waitFor();
  const appJson = page.locator('.tree-row[data-path="app.json"]');
  await appJson.waitFor();
  await appJson.click();
  await page.locator('.editor-tab.active[data-path="app.json"]').waitFor();
  // Monaco renders the file's lines; the first line of app.json is "{" and "pages" appears below.
  await page.locator('.view-lines').filter({ hasText: '"pages"' }).waitFor();
  const text = await page.locator('.view-lines').innerText();
  assert.match(text, /pages\/index\/index/);
  if (process.env.MINISTUDIO_SCREENSHOTS) await page.screenshot({ path: join(process.env.MINISTUDIO_SCREENSHOTS, 'workbench-open.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a page without the token, or with a wrong one, is refused and nothing runs', async () => {
  const url = new URL(cli.announced);
  const origin = `${url.protocol}//${url.host}`;
  for (const target of [`${origin}/`, `${origin}/?token=wrong`, `${origin}/renderer/index.html`]) {
    const res = await fetch(target);
    assert.equal(res.status, 403, target);
    assert.doesNotMatch(await res.text(), /<script/);
  }
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  assert.equal(await page.locator('[data-testid="project-name"]').count(), 0);
  assert.match(await page.content(), /Forbidden/);
  await page.close();
});

test('a WebSocket without the right token is refused; with it, requests are answered', async () => {
  const url = new URL(cli.announced);
  const token = url.searchParams.get('token')!;
  for (const wsUrl of [`ws://${url.host}/ide`, `ws://${url.host}/ide?token=nope`]) {
    const status = await new Promise<number | string>((resolve) => {
      const ws = new WebSocket(wsUrl);
      ws.on('open', () => resolve('opened'));
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve('error'));
    });
    assert.equal(status, 403, wsUrl);
  }
  const ws = new WebSocket(`ws://${url.host}/ide?token=${token}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const reply = (request: object) =>
    new Promise<Record<string, unknown>>((resolve) => {
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.send(JSON.stringify(request));
    });
  const info = await reply({ type: 'request', id: 1, channel: 'project:current' });
  assert.equal((info.value as { name: string }).name, 'example');
  const unknown = await reply({ type: 'request', id: 2, channel: 'shell:exec', payload: { cmd: 'id' } });
  assert.deepEqual(unknown.error, { code: 'unknown-channel', message: 'Unknown channel: shell:exec' });
  const escape = await reply({ type: 'request', id: 3, channel: 'project:read-file', payload: { path: '../../../../etc/passwd' } });
  assert.equal((escape.error as { code: string }).code, 'path-outside-project');
  const malformed = await reply({ type: 'request', id: 4, channel: 'project:write-file', payload: { path: 5 } });
  assert.equal((malformed.error as { code: string }).code, 'bad-request');
  ws.close();
});
