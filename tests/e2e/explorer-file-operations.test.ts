import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { simulatorFrames, waitForSimulatorReady, waitForSimulatorText } from './support/simulator-frames';
import { copyExampleProject, modKey, openFileFromExplorer, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let projectDir: string;
let page: Page;

before(async () => {
  projectDir = await copyExampleProject();
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

const row = (path: string) => page.locator(`.tree-row[data-path="${path}"]`);

async function answerDialog(value: string | null, button: RegExp): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (value !== null) await dialog.locator('input').fill(value);
  await dialog.getByRole('button', { name: button }).click();
  await dialog.waitFor({ state: 'detached' });
}

test('creating a page from the explorer adds its four files and app.json entry, and the simulator can open it', async () => {
  await row('pages').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /new page/i }).click();
  await answerDialog('pages/about', /ok/i);
  await page.locator('.editor-tab.active[data-path="pages/about/about.wxml"]').waitFor();
  for (const ext of ['wxml', 'wxss', 'js', 'json']) assert.ok(existsSync(join(projectDir, `pages/about/about.${ext}`)), ext);
  const appJson = JSON.parse(await readFile(join(projectDir, 'app.json'), 'utf8')) as { pages: string[] };
  assert.ok(appJson.pages.includes('pages/about/about'));
  await row('pages/about/about.wxml').waitFor();
  // Launch the simulator at the new page.
  await page.getByLabel(/launch page/i).selectOption('pages/about/about');
  await waitForSimulatorReady(page);
  await waitForSimulatorText(page, 'pages/about/about');
  const [host] = await simulatorFrames(page);
  const status = await host!.evaluate(() => (window as unknown as { ministudio: { status(): { page: string } } }).ministudio.status());
  assert.equal(status.page, 'pages/about/about');
});

test('renaming an open file keeps its tab and unsaved text', async () => {
  await openFileFromExplorer(page, 'utils/util.js');
  await page.locator('.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea').first().focus();
  await page.keyboard.press(`${modKey}+End`);
  await page.keyboard.type('\n// kept across the rename');
  await row('utils/util.js').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /rename/i }).click();
  await answerDialog('helpers.js', /ok/i);
  await page.locator('.editor-tab.active[data-path="utils/helpers.js"]').waitFor();
  assert.equal(existsSync(join(projectDir, 'utils/util.js')), false);
  assert.match(await readFile(join(projectDir, 'utils/helpers.js'), 'utf8'), /kept across the rename/);
});

test('dragging a file onto a folder moves it', async () => {
  await row('utils/helpers.js').dragTo(row('components'));
  await row('components/helpers.js').waitFor();
  assert.ok(existsSync(join(projectDir, 'components/helpers.js')));
  await page.locator('.editor-tab[data-path="components/helpers.js"]').waitFor();
});

test('deleting asks for confirmation; cancel keeps the file, confirm moves it to the trash', async () => {
  await row('sitemap.json').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /delete/i }).click();
  await answerDialog(null, /cancel/i);
  assert.ok(existsSync(join(projectDir, 'sitemap.json')));
  await row('sitemap.json').click({ button: 'right' });
  await page.getByRole('menuitem', { name: /delete/i }).click();
  await answerDialog(null, /delete/i);
  await row('sitemap.json').waitFor({ state: 'detached' });
  assert.equal(existsSync(join(projectDir, 'sitemap.json')), false);
});
