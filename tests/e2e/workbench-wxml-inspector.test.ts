import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { frameShowing, waitForSimulatorReady } from './support/simulator-frames';
import { copyExampleProject, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

before(async () => {
  const projectDir = await copyExampleProject();
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, pageErrors);
  await waitForSimulatorReady(page);
  await page.locator('.panel-tab[data-panel="wxml"]').click();
  await page.getByTestId('wxml-panel').locator('.wxml-row', { hasText: '<button' }).first().waitFor();
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

const panel = () => page.getByTestId('wxml-panel');
const details = () => page.getByTestId('wxml-node-details');
const pickButton = () => panel().locator('button.wxml-pick');

test('pick: a click in the simulator selects that element in the tree instead of tapping it', async () => {
  const view = await frameShowing(page, 'Hello, Mini Studio');
  await pickButton().click();
  await page.waitForFunction(() => document.querySelector('button.wxml-pick')?.getAttribute('aria-pressed') === 'true');
  // The view shows the pick cursor once the device is in pick mode.
  await view.waitForFunction(() => document.documentElement.style.cursor === 'crosshair');
  // Hovering outlines the element under the pointer, labelled with its tag.
  await view.getByText('2. Banana', { exact: true }).hover();
  await view.locator('#ministudio-inspector-outline', { hasText: 'text' }).waitFor();
  await view.getByText('2. Banana', { exact: true }).click();

  // The tree opens down to the picked <text> and selects it; details show it.
  const selected = panel().locator('.wxml-row.selected');
  await selected.waitFor();
  assert.match((await selected.textContent()) ?? '', /^.?<text/);
  await details().locator('.node-details-title', { hasText: '<text>' }).waitFor();
  assert.equal(await pickButton().getAttribute('aria-pressed'), 'false');
  // The pick was not a tap: the page's onPick did not run (no ✓ next to Banana).
  assert.equal(await view.getByText('✓').count(), 0);
  await view.waitForFunction(() => document.documentElement.style.cursor === '');
  // The page is usable again: a real tap now reaches onPick.
  await view.getByText('2. Banana', { exact: true }).click();
  await view.getByText('✓').waitFor();
});

test('the selected node shows attributes, dataset, matching rules with their file, computed styles and the box model', async () => {
  await panel().locator('.wxml-row', { hasText: 'class="item"' }).nth(2).click();
  await details().locator('.node-details-title', { hasText: 'class="item"' }).waitFor();

  // Styles: the page's .item rule, linked to the .wxss it came from.
  const rule = details().locator('.style-rule[data-selector=".item"]');
  await rule.waitFor();
  assert.match((await rule.textContent()) ?? '', /display: flex;/);
  assert.match((await rule.textContent()) ?? '', /justify-content: space-between;/);
  // The cascade: .item's display wins over the built-in wx-view rule, which is listed after it and struck out.
  assert.equal(await rule.locator('.style-declaration.overridden').count(), 0);
  const builtin = details().locator('.style-rule[data-selector="wx-view"]');
  await builtin.locator('.style-declaration.overridden[data-property="display"]').waitFor();
  const order = await details().locator('.style-rule').evaluateAll((rules) => rules.map((r) => r.getAttribute('data-selector')));
  assert.ok(order.indexOf('.item') < order.indexOf('wx-view'), order.join(' | '));
  await rule.locator('button.style-source', { hasText: 'pages/index/index.wxss' }).click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.wxss"]').waitFor();

  // Computed: the values the view really uses, and a box model whose content matches the element's size.
  await details().getByRole('tab', { name: 'Computed' }).click();
  await details().locator('[data-property="display"]', { hasText: 'display: flex' }).waitFor();
  assert.match((await details().locator('[data-property="justify-content"]').textContent()) ?? '', /space-between/);
  const content = await details().locator('[data-box="content"]').textContent();
  const view = await frameShowing(page, 'Hello, Mini Studio');
  const size = await view.evaluate(() => {
    const el = document.querySelectorAll('.item')[2];
    const s = el ? getComputedStyle(el) : null;
    return el && s ? { w: el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight), p: parseFloat(s.paddingTop) } : null;
  });
  assert.ok(size);
  assert.match(content ?? '', new RegExp(`^${Math.round(size.w)}(\\.\\d+)? ×`), `content box ${content} should be ${size.w} wide`);
  assert.equal(await details().locator('[data-box="padding"] > .box-top').textContent(), String(Math.round(size.p * 100) / 100));
  await details().locator('.computed-filter').fill('justify');
  assert.equal(await details().locator('.computed-list [data-property]').count(), 1);

  // Dataset: what event handlers see as currentTarget.dataset.
  await details().getByRole('tab', { name: 'Dataset' }).click();
  await details().locator('.json-row', { hasText: 'name: "Cherry"' }).waitFor();
});

test('a custom component shows its own data; the component style rules show class names as written', async () => {
  await panel().locator('.wxml-row', { hasText: '<counter' }).first().click();
  await details().getByRole('tab', { name: 'Component data' }).click();
  await details().locator('.json-row', { hasText: 'value: 0' }).waitFor();
  // Its "+" button: picked in the simulator, scoped classes are shown unscoped.
  await pickButton().click();
  const view = await frameShowing(page, 'Hello, Mini Studio');
  await view.waitForFunction(() => document.documentElement.style.cursor === 'crosshair');
  await view.getByText('+', { exact: true }).click();
  await details().getByRole('tab', { name: 'Styles' }).click();
  await details().locator('.style-rule[data-selector=".btn"]').waitFor();
  // Still 0: the pick did not tap the counter.
  assert.equal(await view.getByText('1', { exact: true }).count(), 0);
});

test('Escape ends pick mode without a pick, and the page takes taps again', async () => {
  const view = await frameShowing(page, 'Hello, Mini Studio');
  const before = await panel().locator('.wxml-row.selected').textContent();
  await pickButton().click();
  await view.waitForFunction(() => document.documentElement.style.cursor === 'crosshair');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => document.querySelector('button.wxml-pick')?.getAttribute('aria-pressed') === 'false');
  await view.waitForFunction(() => document.documentElement.style.cursor === '');
  assert.equal(await panel().locator('.wxml-row.selected').textContent(), before);
  await view.getByText('+', { exact: true }).click();
  await view.getByText('1', { exact: true }).waitFor();
  assert.deepEqual(pageErrors, []);
});

test('"Open Simulator DevTools" in the browser explains that the browser\'s own DevTools reach the simulator', async () => {
  await page.locator('.panel-tab[data-panel="console"]').click();
  await page.keyboard.press('Control+Shift+F12');
  const hint = page.locator('.notification', { hasText: "use the browser's own DevTools" });
  await hint.waitFor();
  await hint.click(); // dismissed
  await hint.waitFor({ state: 'detached' });
  // Also from the command palette, by name.
  await page.keyboard.press('Control+Shift+P');
  await page.keyboard.type('Simulator DevTools');
  await page.keyboard.press('Enter');
  await page.locator('.notification', { hasText: 'the simulator is the iframe of the simulator pane' }).waitFor();
});
