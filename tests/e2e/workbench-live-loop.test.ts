import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { frameShowing, simulatorFrames, waitForSimulatorReady, waitForSimulatorText } from './support/simulator-frames';
import { copyExampleProject, modKey, moveCursor, openFileFromExplorer, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let projectDir: string;
let page: Page;

before(async () => {
  projectDir = await copyExampleProject();
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
  await waitForSimulatorReady(page);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

const panelTab = (id: string) => page.locator(`.panel-tab[data-panel="${id}"]`);

test('the workbench embeds the simulator running the project, and its console output shows in Console', async () => {
  await waitForSimulatorText(page, 'Hello, Mini Studio');
  await panelTab('console').click();
  await page.getByTestId('console-panel').locator('.console-entry', { hasText: 'index onLoad' }).first().waitFor();
});

test('editing a WXML text in the editor and saving shows it in the simulator', async () => {
  await openFileFromExplorer(page, 'pages/index/index.wxml');
  await moveCursor(page, 2, 1);
  await page.keyboard.type('<text>Saved from the editor</text>');
  await page.keyboard.press(`${modKey}+s`);
  await waitForSimulatorText(page, 'Saved from the editor');
});

test('tapping a button in the simulator shows the new value in AppData', async () => {
  await panelTab('appdata').click();
  const frame = await frameShowing(page, 'Apple');
  await frame.getByText('+', { exact: true }).click();
  await page.getByTestId('appdata-panel').locator('.json-row', { hasText: /^count: 1$/ }).first().waitFor();
});

test('a runtime error shows in Console with a link that opens its line in the editor', async () => {
  const file = join(projectDir, 'pages/index/index.js');
  const source = await readFile(file, 'utf8');
  const edited = source.replace(/onPick\(event\) \{/, (m) => `${m}\n    throw new Error('boom from e2e');`);
  assert.notEqual(edited, source);
  await writeFile(file, edited);
  const throwLine = edited.split('\n').findIndex((line) => line.includes('boom from e2e')) + 1;
  await waitForSimulatorReady(page);
  await panelTab('console').click();
  // The JS edit relaunches the page; tap a fruit once the new code runs.
  for (let attempt = 0; attempt < 50; attempt++) {
    const frame = await frameShowing(page, 'Banana');
    await frame.getByText('2. Banana').click().catch(() => undefined);
    if ((await page.locator('.console-entry.level-error', { hasText: 'boom from e2e' }).count()) > 0) break;
    await page.waitForTimeout(200);
  }
  const entry = page.locator('.console-entry.level-error', { hasText: 'boom from e2e' }).first();
  await entry.waitFor();
  await entry.locator('.console-source').click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.js"]').waitFor();
  await page.waitForFunction((line) => document.querySelector('.monaco-editor .current-line') !== null && (document.querySelector('.editor-host .line-numbers.active-line-number')?.textContent ?? '') === String(line), throwLine);
});

test('breaking the WXML lists the problem at file:line:col and shows the overlay; fixing it recovers', async () => {
  const file = join(projectDir, 'pages/index/index.wxml');
  const good = await readFile(file, 'utf8');
  await writeFile(file, `${good}\n<view>{{ broken </view>\n`);
  await panelTab('problems').click();
  const problem = page.locator('.problem-row.severity-error').first();
  await problem.waitFor();
  assert.match((await problem.getAttribute('data-location')) ?? '', /^pages\/index\/index\.wxml:\d+:\d+$/);
  const [host] = await simulatorFrames(page);
  await host!.locator('.ms-error-overlay:not([hidden])').waitFor();
  await problem.click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.wxml"]').waitFor();
  await page.waitForTimeout(120);
  await writeFile(file, good);
  await page.locator('.problem-row.severity-error').first().waitFor({ state: 'detached' });
  await host!.locator('.ms-error-overlay:not([hidden])').waitFor({ state: 'detached' }).catch(async () => host!.locator('.ms-error-overlay').waitFor({ state: 'hidden' }));
  await waitForSimulatorText(page, 'Saved from the editor');
});
