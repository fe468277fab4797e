import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { copyExampleProject, editorText, focusEditor, openFileFromExplorer, openWorkbench, startWorkbenchCli, waitForEditorText } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let page: Page;
let projectDir = '';
const pageErrors: string[] = [];

before(async () => {
  projectDir = await copyExampleProject();
  // Files as people leave them: WXML on few lines, minified JSON, cramped WXSS and JS.
  await writeFile(join(projectDir, 'pages/logs/logs.wxml'), '<view class="logs"><view wx:for="{{logs}}" wx:key="*this" class="log">{{index + 1}}. {{item}}</view>\n<text>  kept  as  is </text></view>');
  await writeFile(join(projectDir, 'sitemap.json'), '{"rules":[{"action":"allow","page":"*"}]}');
  await writeFile(join(projectDir, 'pages/logs/logs.wxss'), '.logs{padding:20rpx}.log{color:#333;font-size:28rpx}');
  await writeFile(join(projectDir, 'utils/format.js'), 'module.exports={pad(n){return n<10?"0"+n:String(n)}}');
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, pageErrors);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

async function formatAndSave(path: string, expected: RegExp): Promise<string> {
  await openFileFromExplorer(page, path);
  await focusEditor(page);
  // A language's formatter registers when its worker is up (TypeScript's loads lazily): until then the
  // shortcut does nothing, as in VS Code, so press it again until the text changes.
  for (let attempt = 1; ; attempt += 1) {
    await page.keyboard.press('Shift+Alt+F');
    try {
      await waitForEditorText(page, expected, 3000);
      break;
    } catch (error) {
      if (attempt >= 10) throw error;
    }
  }
  await page.keyboard.press('Control+S');
  await page.locator(`.editor-tab.active[data-path="${path}"]:not(.dirty)`).waitFor();
  return readFile(join(projectDir, path), 'utf8');
}

test('Format Document on WXML indents elements and keeps expressions and <text> content as written', async () => {
  // The editor's text has no line breaks between lines: the indentation shows the change.
  const saved = await formatAndSave('pages/logs/logs.wxml', /<view class="logs"> {2}<view wx:for/);
  assert.equal(
    saved,
    '<view class="logs">\n  <view wx:for="{{logs}}" wx:key="*this" class="log">{{index + 1}}. {{item}}</view>\n  <text>  kept  as  is </text>\n</view>\n',
  );
  assert.match(await editorText(page), /^<view class="logs">\n {2}<view wx:for/);
});

test('Format Document on JSON, WXSS and JS uses their language services', async () => {
  assert.equal(JSON.parse(await formatAndSave('sitemap.json', /\{ +"rules": \[/)).rules[0].page, '*');
  assert.match(await readFile(join(projectDir, 'sitemap.json'), 'utf8'), /^\{\n\s+"rules": \[\n/);
  assert.match(await formatAndSave('pages/logs/logs.wxss', /\.logs \{ +padding: 20rpx/), /^\.logs \{\n\s+padding: 20rpx;?\n\}/);
  // The TypeScript formatter spaces code out; it does not break lines.
  assert.equal(await formatAndSave('utils/format.js', /module\.exports = \{ +pad\(n\) \{/), 'module.exports = { pad(n) { return n < 10 ? "0" + n : String(n) } }');
  assert.deepEqual(pageErrors, []);
});
