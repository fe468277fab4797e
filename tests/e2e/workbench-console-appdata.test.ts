import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { frameShowing, waitForSimulatorReady } from './support/simulator-frames';
import { copyExampleProject, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
let indexJs = '';
const pageErrors: string[] = [];

before(async () => {
  const projectDir = await copyExampleProject();
  // Every console level from page JS, each on a line of its own (and one from a helper module).
  const file = join(projectDir, 'pages/index/index.js');
  const source = await readFile(file, 'utf8');
  indexJs = source.replace(
    /console\.log\('index onLoad', query\);/,
    (m) => `${m}\n    console.info('info from e2e', 1);\n    console.warn('warn from e2e', { a: 1 });\n    console.debug('debug from e2e');`,
  );
  assert.notEqual(indexJs, source);
  await writeFile(file, indexJs);
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, pageErrors);
  await waitForSimulatorReady(page);
});

after(async () => {
  if (process.env.E2E_SHOT) await page?.screenshot({ path: process.env.E2E_SHOT });
  await browser?.close();
  await cli?.stop();
});

const panelTab = (id: string) => page.locator(`.panel-tab[data-panel="${id}"]`);
const lineOf = (needle: string) => indexJs.split('\n').findIndex((line) => line.includes(needle)) + 1;

test('console.log/info/warn/debug from page JS link to their source line, and the link opens it in the editor', async () => {
  await panelTab('console').click();
  const consolePanel = page.getByTestId('console-panel');
  for (const [needle, level] of [
    ["console.log('index onLoad'", 'log'],
    ["console.info('info from e2e'", 'info'],
    ["console.warn('warn from e2e'", 'warn'],
    ["console.debug('debug from e2e'", 'debug'],
  ] as const) {
    const text = needle.split("'")[1]!;
    const entry = consolePanel.locator(`.console-entry[data-level="${level}"]`, { hasText: text }).first();
    await entry.waitFor();
    const link = entry.locator('.console-source');
    assert.equal(await link.textContent(), `index.js:${lineOf(needle)}`, `${level} entry links to its line`);
    assert.match((await link.getAttribute('title')) ?? '', new RegExp(`^pages/index/index\\.js:${lineOf(needle)}:\\d+$`));
  }
  await consolePanel.locator('.console-entry[data-level="warn"]', { hasText: 'warn from e2e' }).first().locator('.console-source').click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.js"]').waitFor();
  await page.waitForFunction(
    (line) => (document.querySelector('.editor-host .line-numbers.active-line-number')?.textContent ?? '') === String(line),
    lineOf("console.warn('warn from e2e'"),
  );
});

test('AppData: add a key, add an array item, delete a nested key, an item and a top-level key; each reaches the page by setData', async () => {
  await panelTab('appdata').click();
  const panel = page.getByTestId('appdata-panel');
  const entry = panel.locator('.appdata-entry[data-path="pages/index/index"]');
  const row = (path: string) => entry.locator(`.json-row[data-json-path="${path}"]`);
  await row('count').waitFor();
  const view = await frameShowing(page, 'Hello, Mini Studio');

  // A new top-level key, added on the page data's root row.
  await row('').hover();
  await row('').locator('.json-add').click();
  await entry.locator('.json-add-key').fill('note');
  await entry.locator('.json-add-value').fill('{"text": "added", "n": 2}');
  await entry.locator('.json-add-value').press('Enter');
  await row('note').click();
  await row('note.text').locator('.json-string', { hasText: '"added"' }).waitFor();

  // A new fruit appended to the array: the page's wx:for renders it.
  await row('fruits').click();
  await row('fruits.0').waitFor();
  await row('fruits').hover();
  await row('fruits').locator('.json-add').click();
  await entry.locator('.json-add-value').fill('{"name": "Durian"}');
  await entry.locator('.json-add-apply').click();
  await view.getByText('4. Durian', { exact: true }).waitFor();

  // Deleting an array item re-renders the list without it.
  await row('fruits.1').hover();
  await row('fruits.1').locator('.json-remove').click();
  await view.getByText('2. Cherry', { exact: true }).waitFor();
  assert.equal(await view.getByText('Banana').count(), 0);

  // Deleting a nested key, then the top-level key itself.
  await row('note.n').hover();
  await row('note.n').locator('.json-remove').click();
  await row('note.n').waitFor({ state: 'detached' });
  await row('note.text').waitFor();
  await row('note').hover();
  await row('note').locator('.json-remove').click();
  await row('note').waitFor({ state: 'detached' });
  // The deleted key is gone from the page's data itself, not only from the panel.
  await panel.getByRole('button', { name: /Refresh/ }).click();
  await row('count').waitFor();
  assert.equal(await row('note').count(), 0);
  assert.deepEqual(pageErrors, []);
});
