import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { startCli, type RunningCli } from './cli-process';

const exampleDir = fileURLToPath(new URL('../../../resources/templates/example', import.meta.url));

/** A fresh copy of the bundled example project in a temp folder (tests edit it; the original stays untouched). */
export async function copyExampleProject(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ms-project-'));
  await cp(exampleDir, dir, { recursive: true });
  return dir;
}

/** `ministudio open --web` on `projectDir`, with its own config folder so recent projects and layout start empty. */
export async function startWorkbenchCli(projectDir: string): Promise<RunningCli> {
  const configDir = await mkdtemp(join(tmpdir(), 'ms-config-'));
  const trashDir = await mkdtemp(join(tmpdir(), 'ms-trash-'));
  return startCli(['open', '--web', '--port', '0', projectDir], 'Mini Studio', { MINISTUDIO_CONFIG_DIR: configDir, MINISTUDIO_TRASH_DIR: trashDir });
}

/** Opens the workbench page and waits until the project tree is shown. Collects page errors in `errors`. */
export async function openWorkbench(browser: Browser, url: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.locator('.tree-row[data-path="app.json"]').waitFor();
  return page;
}

/** Clicks a file in the explorer (expanding its folders) and waits for its editor tab to be active. */
export async function openFileFromExplorer(page: Page, path: string): Promise<void> {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const folder = page.locator(`.tree-row[data-path="${parts.slice(0, i).join('/')}"]`);
    const item = folder.locator('xpath=..');
    if ((await item.getAttribute('aria-expanded')) !== 'true') await folder.click();
  }
  await page.locator(`.tree-row[data-path="${path}"]`).click();
  await page.locator(`.editor-tab.active[data-path="${path}"]`).waitFor();
}

export const modKey = process.platform === 'darwin' ? 'Meta' : 'Control';

/** Puts the cursor at a 1-based line and column of the active editor (Monaco's go-to-line needs no mouse). */
export async function moveCursor(page: Page, line: number, column: number): Promise<void> {
  await focusEditor(page);
  await page.keyboard.press(`${modKey}+Home`);
  for (let i = 1; i < line; i++) await page.keyboard.press('ArrowDown');
  for (let i = 1; i < column; i++) await page.keyboard.press('ArrowRight');
}

/** Gives the active Monaco editor keyboard focus (its input is an EditContext element or a textarea). */
export async function focusEditor(page: Page): Promise<void> {
  await page.locator('.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea').first().focus();
}

/** The text of the active editor's rendered lines in line order (Monaco reuses line elements out of DOM order). */
export async function editorText(page: Page): Promise<string> {
  return page.locator('.monaco-editor .view-lines').first().evaluate((root) => {
    const lines = [...root.querySelectorAll<HTMLElement>('.view-line')];
    lines.sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    return lines.map((line) => (line.textContent ?? '').replace(/\u00a0/g, ' ')).join('\n');
  });
}

/** Waits until the active editor shows text matching `pattern`. */
export async function waitForEditorText(page: Page, pattern: RegExp, timeout?: number): Promise<void> {
  await page.waitForFunction(
    (source) => {
      const root = document.querySelector('.monaco-editor .view-lines');
      return root !== null && new RegExp(source).test((root.textContent ?? '').replace(/\u00a0/g, ' '));
    },
    pattern.source,
    timeout === undefined ? undefined : { timeout },
  );
}
