import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
let apiUrl = '';
const received: { method: string; headers: IncomingHttpHeaders; body: string }[] = [];
const pageErrors: string[] = [];

before(async () => {
  // The mini-program's backend: answers JSON with a header of its own (exposed to the simulator by CORS).
  api = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*', 'access-control-expose-headers': 'x-answer-id' };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
        return;
      }
      received.push({ method: req.method ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      if (req.url === '/logo.png') {
        res.writeHead(200, { ...cors, 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
        return;
      }
      res.writeHead(200, { ...cors, 'content-type': 'application/json; charset=utf-8', 'x-answer-id': 'answer-42' });
      res.end(JSON.stringify({ greeting: '你好', items: [{ id: 1, name: 'apple' }], total: 1 }));
    });
  });
  await new Promise<void>((resolve) => api.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}/api/order`;

  const projectDir = await copyExampleProject();
  const file = join(projectDir, 'pages/index/index.js');
  const source = await readFile(file, 'utf8');
  const download = `wx.downloadFile({ url: ${JSON.stringify(apiUrl.replace('/api/order', '/logo.png'))} });`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
  const more = [
    `wx.request({ url: ${JSON.stringify(apiUrl.replace('/api/order', '/search'))}, data: { q: 'green tea', page: 2 } });`,
    `wx.request({ url: ${JSON.stringify(apiUrl.replace('/api/order', '/form'))}, method: 'POST', header: { 'content-type': 'application/x-www-form-urlencoded' }, data: { user: 'ada', note: 'a b' } });`,
    `wx.request({ url: ${JSON.stringify(closedUrl)}, fail: () => undefined });`,
  ].join(' ');
  const call = `${download} ${more} wx.request({ url: ${JSON.stringify(apiUrl)}, method: 'POST', header: { 'X-Trace-Id': 'trace-7' }, data: { fruit: 'cherry', count: 3 } });`;
  const patched = source.replace(/console\.log\('index onLoad', query\);/, (m) => `${m}\n    ${call}`);
  assert.notEqual(patched, source);
  await writeFile(file, patched);
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, pageErrors);
  await waitForSimulatorReady(page);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
  api?.closeAllConnections();
  await new Promise<void>((resolve) => api?.close(() => resolve()) ?? resolve());
});

test('Network panel: a POST from wx.request shows its row, and its details show both headers and both bodies', async () => {
  await page.locator('.panel-tab[data-panel="network"]').click();
  const panel = page.getByTestId('network-panel');
  const row = panel.getByTestId('network-row').filter({ hasText: '/api/order' });
  await row.filter({ hasText: '200' }).waitFor();
  assert.match((await row.textContent()) ?? '', /POST/);
  assert.equal(received.at(-1)?.headers['x-trace-id'], 'trace-7', 'the server got the custom header');
  assert.deepEqual(JSON.parse(received.at(-1)!.body), { fruit: 'cherry', count: 3 });

  await row.click();
  const details = panel.getByTestId('network-details');
  const general = details.getByTestId('network-general');
  await general.getByText(apiUrl, { exact: true }).waitFor();
  assert.match((await general.textContent()) ?? '', /POST.*200/);
  const requestHeaders = details.getByTestId('network-request-headers');
  await requestHeaders.getByText('X-Trace-Id', { exact: true }).waitFor();
  assert.match((await requestHeaders.textContent()) ?? '', /trace-7/);
  const responseHeaders = details.getByTestId('network-response-headers');
  await responseHeaders.getByText('x-answer-id', { exact: true }).waitFor();
  assert.match((await responseHeaders.textContent()) ?? '', /answer-42/);
  assert.match((await responseHeaders.textContent()) ?? '', /application\/json/);

  await details.getByRole('tab', { name: 'Payload' }).click();
  const payload = details.getByTestId('network-payload');
  await payload.locator('.json-key', { hasText: 'fruit' }).waitFor();
  assert.match((await payload.textContent()) ?? '', /"cherry"/);
  await payload.getByRole('button', { name: 'View source' }).click();
  assert.equal((await payload.locator('pre').textContent())?.trim(), JSON.stringify({ fruit: 'cherry', count: 3 }, null, 2));

  await details.getByRole('tab', { name: 'Response' }).click();
  const response = details.getByTestId('network-response');
  await response.locator('.json-key', { hasText: 'greeting' }).waitFor();
  assert.match((await response.textContent()) ?? '', /"你好"/);
  if (process.env.E2E_SHOT) {
    await details.getByRole('tab', { name: 'Headers' }).click();
    await page.screenshot({ path: process.env.E2E_SHOT });
    await details.getByTestId('network-request-headers').scrollIntoViewIfNeeded();
    await page.screenshot({ path: process.env.E2E_SHOT.replace(/\.png$/, '-headers.png') });
    await details.getByRole('tab', { name: 'Response' }).click();
    await page.screenshot({ path: process.env.E2E_SHOT.replace(/\.png$/, '-response.png') });
  }
  assert.deepEqual(pageErrors, []);
});

test('Network panel: a binary download is listed with its size and its response shown as a size, not bytes', async () => {
  const panel = page.getByTestId('network-panel');
  const row = panel.getByTestId('network-row').filter({ hasText: '/logo.png' });
  await row.filter({ hasText: '12 B' }).waitFor();
  await row.click();
  const details = panel.getByTestId('network-details');
  // The tab chosen for the previous request stays chosen, as in Chrome DevTools.
  await details.getByRole('tab', { name: 'Response', selected: true }).waitFor();
  await details.getByRole('tab', { name: 'Headers' }).click();
  await details.getByTestId('network-general').getByText('wx.downloadFile', { exact: true }).waitFor();
  await details.getByRole('tab', { name: 'Response' }).click();
  await details.getByTestId('network-response').getByText('<12 bytes binary>').waitFor();
  await details.getByRole('tab', { name: 'Payload' }).click();
  await details.getByTestId('network-payload').getByText('This request has no body.').waitFor();
});

test('Network panel: query parameters and form bodies are listed as fields; a failed request shows its error', async () => {
  const panel = page.getByTestId('network-panel');
  const details = panel.getByTestId('network-details');
  await panel.getByTestId('network-row').filter({ hasText: '/search' }).click();
  await details.getByRole('tab', { name: 'Payload' }).click();
  const query = details.getByTestId('network-query');
  await query.getByText('green tea', { exact: true }).waitFor();
  assert.match((await query.textContent()) ?? '', /page2/);

  await panel.getByTestId('network-row').filter({ hasText: '/form' }).click();
  const form = details.getByTestId('network-form-data');
  await form.getByText('a b', { exact: true }).waitFor();
  assert.match((await form.textContent()) ?? '', /userada/);
  await details.getByRole('button', { name: 'View source' }).click();
  assert.equal(await details.getByTestId('network-payload').locator('pre').textContent(), 'user=ada&note=a%20b');

  const failed = panel.getByTestId('network-row').filter({ hasText: '/gone' });
  await failed.filter({ hasText: 'failed' }).waitFor();
  await failed.click();
  await details.getByRole('tab', { name: 'Headers' }).click();
  assert.match((await details.getByTestId('network-general').textContent()) ?? '', /Error.*could not be reached/);
  if (process.env.E2E_SHOT) {
    await page.screenshot({ path: process.env.E2E_SHOT.replace(/\.png$/, '-failed.png') });
    await page.getByRole('button', { name: '中文' }).click();
    await panel.getByTestId('network-row').filter({ hasText: '/api/order' }).click();
    await details.getByRole('tab', { name: '载荷' }).click();
    await page.screenshot({ path: process.env.E2E_SHOT.replace(/\.png$/, '-zh.png') });
  }
});
