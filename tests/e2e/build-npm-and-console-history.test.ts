import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { waitForSimulatorReady } from './support/simulator-frames';
import { copyExampleProject, modKey, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let projectDir: string;
let page: Page;

before(async () => {
  projectDir = await copyExampleProject();
  // A plain npm package, installed by hand (no registry): Build npm bundles it into miniprogram_npm.
  await writeFile(join(projectDir, 'package.json'), JSON.stringify({ name: 'example', dependencies: { 'tiny-greet': '1.0.0' } }));
  await mkdir(join(projectDir, 'node_modules/tiny-greet'), { recursive: true });
  await writeFile(join(projectDir, 'node_modules/tiny-greet/package.json'), JSON.stringify({ name: 'tiny-greet', version: '1.0.0', main: 'index.js' }));
  await writeFile(join(projectDir, 'node_modules/tiny-greet/index.js'), "module.exports = (name) => 'hello ' + name;\n");
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

test('"Build npm" from the command palette builds miniprogram_npm and reports it', async () => {
  await page.locator('.titlebar').click();
  await page.keyboard.press(`${modKey}+Shift+p`);
  await page.getByTestId('command-palette').waitFor();
  await page.keyboard.type('build npm');
  await page.keyboard.press('Enter');
  await page.locator('.notification', { hasText: /Built 1 npm package/ }).waitFor();
  assert.ok(existsSync(join(projectDir, 'miniprogram_npm/tiny-greet/index.js')));
});

test('a workbench window opened later shows the console history of the running simulator', async () => {
  await waitForSimulatorReady(page);
  await page.locator('.console-entry', { hasText: 'index onLoad' }).first().waitFor();
  // A second window whose own simulator cannot load: whatever its Console shows came from the history.
  const second = await browser.newPage();
  const origin = new URL(cli.announced).origin;
  await second.route((url) => url.origin !== origin, (route) => route.abort());
  await second.goto(cli.announced);
  await second.locator('.console-entry', { hasText: 'index onLoad' }).first().waitFor();
  assert.equal(await second.locator('[data-testid="statusbar"]').innerText().then((text) => /1 device/.test(text)), true);
  await second.close();
});
