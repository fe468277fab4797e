/**
 * Screenshots of the workbench on the bundled example project, for docs/images (and for looking at the UI):
 *   npm run build && npx tsx scripts/workbench-screenshots.ts [outDir]
 * Starts `ministudio open --web` on a temp copy of the example, drives Chromium, writes PNGs, stops everything.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/e2e/support/browser';
import { frameShowing, waitForSimulatorReady } from '../tests/e2e/support/simulator-frames';
import { copyExampleProject, openFileFromExplorer, openWorkbench, startWorkbenchCli } from '../tests/e2e/support/workbench';

const outDir = resolve(process.argv[2] ?? 'docs/images');

async function growPanel(page: Page, height: number): Promise<void> {
  const splitter = page.locator('.splitter.vertical').first();
  const box = await splitter.boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, 900 - height, { steps: 5 });
  await page.mouse.up();
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const cli = await startWorkbenchCli(await copyExampleProject());
  const browser = await launchChromium();
  try {
    const page = await openWorkbench(browser, cli.announced);
    await waitForSimulatorReady(page);
    await openFileFromExplorer(page, 'pages/index/index.wxml');
    await growPanel(page, 340);
    const shot = (name: string) => page.screenshot({ path: resolve(outDir, name) });

    // WXML: the third list item selected, its rules shown, and outlined in the simulator.
    await page.locator('.panel-tab[data-panel="wxml"]').click();
    const panel = page.getByTestId('wxml-panel');
    await panel.locator('.wxml-row', { hasText: 'class="item"' }).nth(2).click();
    await page.getByTestId('wxml-node-details').locator('.style-rule[data-selector=".item"]').waitFor();
    await panel.locator('.wxml-row', { hasText: 'class="item"' }).nth(2).hover();
    const view = await frameShowing(page, 'Hello, Mini Studio');
    await view.locator('#ministudio-inspector-outline').waitFor({ state: 'attached' });
    await shot('workbench.png');
    await page.getByTestId('wxml-node-details').getByRole('tab', { name: 'Computed' }).click();
    await page.getByTestId('wxml-node-details').locator('[data-testid="box-model"]').waitFor();
    await shot('workbench-wxml-computed.png');

    // Pick mode: hovering an element in the simulator outlines and labels it.
    await panel.locator('button.wxml-pick').click();
    await view.waitForFunction(() => document.documentElement.style.cursor === 'crosshair');
    await view.getByText('Open logs', { exact: true }).hover();
    await view.locator('#ministudio-inspector-outline', { hasText: 'button' }).waitFor();
    await shot('workbench-wxml-pick.png');
    await page.keyboard.press('Escape');

    // Console: every entry links to the line that logged it.
    await page.locator('.panel-tab[data-panel="console"]').click();
    await page.getByTestId('console-panel').locator('.console-source').first().waitFor();
    await shot('workbench-console.png');

    // AppData: adding a key.
    await page.locator('.panel-tab[data-panel="appdata"]').click();
    const root = page.locator('.appdata-entry .json-row[data-json-path=""]').first();
    await root.hover();
    await root.locator('.json-add').click();
    await page.locator('.json-add-key').fill('note');
    await page.locator('.json-add-value').fill('{"text": "hi"}');
    await shot('workbench-appdata.png');
  } finally {
    await browser.close();
    await cli.stop();
  }
}

await main();
