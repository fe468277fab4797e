import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { copyExampleProject, focusEditor, moveCursor, openFileFromExplorer, openWorkbench, startWorkbenchCli } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
const errors: string[] = [];

before(async () => {
  cli = await startWorkbenchCli(await copyExampleProject());
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, errors);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

/** Labels of the suggestion widget once it shows one matching `expected`. */
async function suggestions(expected: RegExp): Promise<string[]> {
  const rows = page.locator('.suggest-widget .monaco-list-row');
  await rows.filter({ hasText: expected }).first().waitFor();
  return rows.evaluateAll((els) => els.map((el) => el.querySelector('.label-name')?.textContent ?? ''));
}

async function closeSuggestions(): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('.suggest-widget.visible').waitFor({ state: 'detached' }).catch(() => undefined);
}

test('in WXML, "<" offers built-in components and the usingComponents tags of app.json', async () => {
  await openFileFromExplorer(page, 'pages/logs/logs.wxml');
  await moveCursor(page, 1, 1);
  await page.keyboard.type('<scr');
  const labels = await suggestions(/scroll-view/);
  assert.ok(labels.includes('scroll-view'), labels.join(','));
  await closeSuggestions();
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('cou');
  assert.ok((await suggestions(/counter/)).includes('counter'));
  await closeSuggestions();
});

test('in a WXML start tag, the component attributes, events and directives are offered', async () => {
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('button ');
  for (const [prefix, expected] of [
    ['open-t', 'open-type'],
    ['form-t', 'form-type'],
    ['bindgetph', 'bindgetphonenumber'],
    ['bindta', 'bindtap'],
    ['wx:i', 'wx:if'],
  ] as const) {
    await page.keyboard.type(prefix);
    await page.keyboard.press('Control+Space');
    assert.ok((await suggestions(new RegExp(expected))).includes(expected), expected);
    await closeSuggestions();
    for (let i = 0; i < prefix.length; i++) await page.keyboard.press('Backspace');
  }
  await page.keyboard.type('size="');
  const values = await suggestions(/mini/);
  assert.ok(values.includes('mini') && values.includes('default'), values.join(','));
  await closeSuggestions();
});

test('in WXSS, a number offers rpx', async () => {
  await openFileFromExplorer(page, 'app.wxss');
  await moveCursor(page, 1, 1);
  await page.keyboard.type('.box { width: 100');
  await page.keyboard.press('Control+Space');
  assert.ok((await suggestions(/100rpx/)).includes('100rpx'));
  await closeSuggestions();
});

test('in page JS, wx. offers the mini-program API from miniprogram-api-typings', async () => {
  await openFileFromExplorer(page, 'pages/logs/logs.js');
  await moveCursor(page, 1, 1);
  await page.keyboard.type('wx.navigateT');
  await page.keyboard.press('Control+Space');
  assert.ok((await suggestions(/navigateTo/)).includes('navigateTo'));
  await closeSuggestions();
  await focusEditor(page);
  assert.deepEqual(errors, []);
});

test('go to definition on a custom component tag opens the component', async () => {
  await openFileFromExplorer(page, 'pages/index/index.wxml');
  await moveCursor(page, 4, 5);
  await page.keyboard.press('F12');
  await page.locator('.editor-tab.active[data-path="components/counter/counter.wxml"]').waitFor();
});

test('app.json is checked against the compiler schema while typing', async () => {
  await openFileFromExplorer(page, 'app.json');
  await focusEditor(page);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('{ "pages": 5');
  await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor();
  await page.keyboard.press('Control+z');
});
