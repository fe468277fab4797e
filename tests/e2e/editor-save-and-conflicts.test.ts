import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './support/browser';
import type { RunningCli } from './support/cli-process';
import { copyExampleProject, editorText, focusEditor, modKey, moveCursor, openFileFromExplorer, openWorkbench, startWorkbenchCli, waitForEditorText } from './support/workbench';

let cli: RunningCli;
let browser: Browser;
let projectDir: string;
let page: Page;
const errors: string[] = [];

before(async () => {
  projectDir = await copyExampleProject();
  cli = await startWorkbenchCli(projectDir);
  browser = await launchChromium();
  page = await openWorkbench(browser, cli.announced, errors);
});

after(async () => {
  await browser?.close();
  await cli?.stop();
});

const currentText = () => editorText(page);
const tab = (path: string) => page.locator(`.editor-tab[data-path="${path}"]`);

test('typing marks the tab dirty and Ctrl+S writes the file and clears the marker', async () => {
  await openFileFromExplorer(page, 'pages/index/index.wxml');
  await moveCursor(page, 2, 1);
  await page.keyboard.type('  <text>typed in the editor</text>\n');
  await page.locator('.editor-tab.dirty[data-path="pages/index/index.wxml"]').waitFor();
  await page.keyboard.press(`${modKey}+s`);
  await page.locator('.editor-tab.dirty').waitFor({ state: 'detached' });
  const disk = await readFile(join(projectDir, 'pages/index/index.wxml'), 'utf8');
  assert.match(disk, /<text>typed in the editor<\/text>\n\s*<text class="title">/);
  assert.deepEqual(errors, []);
});

test('undo after a save brings the tab back to dirty, and redo to clean', async () => {
  await page.keyboard.press(`${modKey}+z`);
  await page.locator('.editor-tab.dirty[data-path="pages/index/index.wxml"]').waitFor();
  await page.keyboard.press(process.platform === 'darwin' ? 'Meta+Shift+z' : 'Control+y');
  await page.locator('.editor-tab.dirty').waitFor({ state: 'detached' });
});

test('an external edit to a clean open file reloads it in the editor', async () => {
  const file = join(projectDir, 'pages/index/index.wxml');
  await writeFile(file, (await readFile(file, 'utf8')).replace('Hello, Mini Studio', 'Hello from disk'));
  await waitForEditorText(page, /Hello from disk/);
  assert.equal(await tab('pages/index/index.wxml').getAttribute('class').then((c) => c?.includes('dirty')), false);
});

test('an external edit to a dirty open file asks which version to keep and loses no text', async () => {
  await openFileFromExplorer(page, 'pages/index/index.js');
  await moveCursor(page, 1, 1);
  await page.keyboard.type('// my unsaved line\n');
  await page.locator('.editor-tab.dirty[data-path="pages/index/index.js"]').waitFor();
  const file = join(projectDir, 'pages/index/index.js');
  await writeFile(file, `// written by another tool\n${await readFile(file, 'utf8')}`);
  const bar = page.getByTestId('conflict-bar');
  await bar.waitFor();
  assert.match(await currentText(), /my unsaved line/);
  // Taking the disk version keeps the user's text one undo away.
  await bar.getByRole('button', { name: /disk/i }).click();
  await waitForEditorText(page, /written by another tool/);
  assert.doesNotMatch(await currentText(), /my unsaved line/);
  await focusEditor(page);
  await page.keyboard.press(`${modKey}+z`);
  await waitForEditorText(page, /my unsaved line/);
  // Keeping mine and saving writes the user's text over the external change.
  await writeFile(file, `// another external edit\n${await readFile(file, 'utf8')}`);
  await bar.waitFor();
  await bar.getByRole('button', { name: /my version/i }).click();
  await bar.waitFor({ state: 'detached' });
  await page.keyboard.press(`${modKey}+s`);
  await page.locator('.editor-tab.dirty').waitFor({ state: 'detached' });
  const disk = await readFile(file, 'utf8');
  assert.match(disk, /^\/\/ my unsaved line\n/);
  assert.doesNotMatch(disk, /another external edit/);
});

test('closing a dirty tab asks first; cancelling keeps it open with its text', async () => {
  await focusEditor(page);
  await page.keyboard.type('// still unsaved\n');
  await page.locator('.editor-tab.dirty[data-path="pages/index/index.js"]').waitFor();
  await tab('pages/index/index.js').getByRole('button').click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  await dialog.getByRole('button', { name: /cancel/i }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.editor-tab.dirty[data-path="pages/index/index.js"]').waitFor();
  assert.match(await currentText(), /still unsaved/);
});

test('Chinese typed through an input method composition lands in the file', async () => {
  await openFileFromExplorer(page, 'pages/logs/logs.wxml');
  await moveCursor(page, 1, 1);
  const client = await page.context().newCDPSession(page);
  await client.send('Input.imeSetComposition', { text: 'ni', selectionStart: 2, selectionEnd: 2 });
  await client.send('Input.imeSetComposition', { text: '你好', selectionStart: 2, selectionEnd: 2 });
  await client.send('Input.insertText', { text: '你好世界' });
  await page.locator('.editor-tab.dirty[data-path="pages/logs/logs.wxml"]').waitFor();
  await page.keyboard.press(`${modKey}+s`);
  await page.locator('.editor-tab.dirty[data-path="pages/logs/logs.wxml"]').waitFor({ state: 'detached' });
  const disk = await readFile(join(projectDir, 'pages/logs/logs.wxml'), 'utf8');
  assert.ok(disk.startsWith('你好世界'), disk.slice(0, 40));
  assert.doesNotMatch(disk, /ni/);
  assert.deepEqual(errors, []);
});
