import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { copyExampleProject, modKey, openFileFromExplorer, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;

before(async () => {
  cli = await startWorkbenchCli(await copyExampleProject());
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

test('Ctrl+P opens a file by typing part of its name', async () => {
  await page.locator('.tree').click({ position: { x: 5, y: 300 } }).catch(() => undefined);
  await page.keyboard.press(`${modKey}+p`);
  const palette = page.getByTestId('command-palette');
  await palette.waitFor();
  await page.keyboard.type('logswxml');
  await page.keyboard.press('Enter');
  await page.locator('.editor-tab.active[data-path="pages/logs/logs.wxml"]').waitFor();
});

test('the command palette runs "Search in files", and a result opens the file at the match', async () => {
  await page.keyboard.press(`${modKey}+Shift+p`);
  await page.getByTestId('command-palette').waitFor();
  await page.keyboard.type('search in files');
  await page.keyboard.press('Enter');
  const input = page.getByTestId('search-input');
  await input.fill('Cherry');
  await input.press('Enter');
  const row = page.locator('.search-row[data-location^="pages/index/index.js:"]').first();
  await row.waitFor();
  await row.click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.js"]').waitFor();
});

test('Ctrl+K Ctrl+S lists the keyboard shortcuts', async () => {
  await page.locator('.titlebar').click();
  await page.keyboard.press(`${modKey}+k`);
  await page.keyboard.press(`${modKey}+s`);
  const help = page.getByTestId('shortcuts-help');
  await help.waitFor();
  assert.match(await help.innerText(), /Shift\+P|⇧P/);
  await help.getByRole('button').click();
});

test('switching to Chinese translates the workbench, and the theme toggles between light and dark', async () => {
  await page.getByTestId('toggle-locale').click();
  await page.locator('.panel-tab[data-panel="console"]', { hasText: '控制台' }).waitFor();
  await page.getByTestId('toggle-locale').click();
  await page.locator('.panel-tab[data-panel="console"]', { hasText: 'Console' }).waitFor();
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByTestId('toggle-theme').click();
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  assert.notEqual(after, before);
  assert.ok(after === 'light' || after === 'dark');
});

test('open tabs and the chosen panel are remembered for the project after a reload', async () => {
  await openFileFromExplorer(page, 'app.json');
  await page.locator('.panel-tab[data-panel="problems"]').click();
  await page.waitForTimeout(400);
  await page.reload();
  await page.locator('.editor-tab[data-path="pages/logs/logs.wxml"]').waitFor();
  await page.locator('.editor-tab.active[data-path="app.json"]').waitFor();
  await page.locator('.panel-tab.active[data-panel="problems"]').waitFor();
});
