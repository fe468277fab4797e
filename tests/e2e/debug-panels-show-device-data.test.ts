import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { waitForSimulatorReady } from './support/simulator-frames';
import { copyExampleProject, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
let api: Server;

before(async () => {
  // A local API the mini-program calls (CORS open: the simulator runs on another loopback origin).
  api = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Access-Control-Allow-Origin': '*', 'X-Bench': 'yes' });
    res.end(JSON.stringify({ fruits: 3, path: req.url }));
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  const port = (api.address() as AddressInfo).port;
  const projectDir = await copyExampleProject();
  const js = join(projectDir, 'pages/index/index.js');
  const source = await readFile(js, 'utf8');
  await writeFile(
    js,
    source.replace(
      /onLoad\(query\) \{/,
      (m) => `${m}\n    wx.setStorageSync('visits', { count: 7 });\n    wx.request({ url: 'http://127.0.0.1:${port}/fruits?from=e2e', success: (res) => console.log('api answered', res.statusCode) });`,
    ),
  );
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
  await waitForSimulatorReady(page);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
  api?.close();
});

const panelTab = (id: string) => page.locator(`.panel-tab[data-panel="${id}"]`);

test('Network lists the page’s wx.request with method, status and timing', async () => {
  await page.locator('.console-entry', { hasText: 'api answered 200' }).first().waitFor();
  await panelTab('network').click();
  const row = page.getByTestId('network-panel').locator('tr', { hasText: '/fruits?from=e2e' }).first();
  await row.waitFor();
  assert.match(await row.innerText(), /GET[\s\S]*200[\s\S]*ms/);
  await row.click();
  const details = page.getByTestId('network-details');
  await details.waitFor();
  // General: URL, method and status (headers and bodies: tests/e2e/workbench-network.test.ts).
  const general = details.getByTestId('network-general');
  await general.getByText(/^http:\/\/127\.0\.0\.1:\d+\/fruits\?from=e2e$/).waitFor();
  assert.match(await general.innerText(), /GET[\s\S]*200/);
});

test('Storage shows what the page stored', async () => {
  await panelTab('storage').click();
  const row = page.getByTestId('storage-panel').locator('tr[data-key="visits"]');
  await row.waitFor();
  await row.locator('.json-toggle').click();
  await row.locator('.json-row', { hasText: 'count: 7' }).waitFor();
});

test('WXML shows the element tree of the current page', async () => {
  await panelTab('wxml').click();
  const panel = page.getByTestId('wxml-panel');
  await panel.locator('.wxml-row', { hasText: 'class="container"' }).first().waitFor();
  assert.match(await panel.innerText(), /pages\/index\/index/);
});

test('a second device (another simulator window) can be picked for the panels', async () => {
  const url = new URL(cli.announced);
  const ws = new WebSocket(`ws://${url.host}/ide?token=${url.searchParams.get('token')}`);
  await new Promise((resolve) => ws.once('open', resolve));
  const info = await new Promise<{ url: string }>((resolve) => {
    ws.on('message', (data) => {
      const message = JSON.parse(data.toString()) as { type: string; id?: number; value?: { url: string } };
      if (message.type === 'response' && message.id === 1) resolve(message.value!);
    });
    ws.send(JSON.stringify({ type: 'request', id: 1, channel: 'simulator:url', payload: { page: 'pages/logs/logs' } }));
  });
  ws.close();
  const phone = await browser.newPage();
  await phone.goto(info.url);
  const picker = page.locator('.panel-device');
  await picker.waitFor();
  const options = await picker.locator('option').allInnerTexts();
  assert.equal(options.length, 2);
  const second = await picker.locator('option').nth(1).getAttribute('value');
  await picker.selectOption(second!);
  await panelTab('console').click();
  await page.locator('.console-entry', { hasText: 'App launched at pages/logs/logs' }).first().waitFor();
  await phone.close();
  await picker.waitFor({ state: 'detached' });
});
