import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { waitForSimulatorReady, waitForSimulatorText } from './support/simulator-frames';
import { copyExampleProject, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let exampleDir: string;
let page: Page;

before(async () => {
  exampleDir = await copyExampleProject();
  cli = await startWorkbenchCli(exampleDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

test('a new TypeScript project from the welcome screen opens and runs in the simulator', async () => {
  const parent = await mkdtemp(join(tmpdir(), 'ms-new-'));
  await page.getByTestId('open-welcome').click();
  const welcome = page.getByTestId('welcome');
  await welcome.locator('[data-template="typescript"]').click();
  await welcome.getByTestId('new-parent').fill(parent);
  await welcome.getByTestId('new-name').fill('ts-shop');
  await welcome.getByRole('button', { name: /^create$/i }).click();
  await page.getByTestId('project-name').filter({ hasText: 'ts-shop' }).waitFor();
  const config = JSON.parse(await readFile(join(parent, 'ts-shop/project.config.json'), 'utf8')) as { projectname: string };
  assert.equal(config.projectname, 'ts-shop');
  assert.ok(existsSync(join(parent, 'ts-shop/miniprogram/pages/index/index.ts')));
  await waitForSimulatorReady(page);
  await waitForSimulatorText(page, 'Count: 0');
});

test('the welcome screen lists recent projects and opens a folder typed with completion', async () => {
  await page.getByTestId('open-welcome').click();
  const welcome = page.getByTestId('welcome');
  await welcome.locator('.welcome-recent li', { hasText: 'ts-shop' }).waitFor();
  const field = welcome.getByTestId('open-path');
  await field.fill(exampleDir.slice(0, -2));
  const listId = await field.getAttribute('list');
  await page.locator(`datalist[id="${listId}"] option[value="${exampleDir}/"]`).waitFor({ state: 'attached' });
  await field.fill(exampleDir);
  await welcome.getByRole('button', { name: /^open$/i }).click();
  await page.getByTestId('project-name').filter({ hasText: 'example' }).waitFor();
  await page.locator('.tree-row[data-path="app.json"]').waitFor();
});
