// The workbench's edit loop, measured as a user meets it. Run: npx tsx bench/workbench/workbench.bench.ts [--runs 5] [--edits 20]
// (needs `npm run build`). Reports, each with a baseline measured in the same run:
//  1. cold start: `ministudio open --web` on the example until the workbench is interactive (tree shown, app.json
//     open in Monaco, simulator rendered), against starting the same CLI for `--version` (process + module load only);
//  2. save → simulator updated: Ctrl+S of a WXML edit in the editor until the simulator shows it (p50, p95), against
//     writing the same edit to disk directly (the file watcher path, no editor);
//  3. memory: resident size of the host process with a generated 500-page project open and built, against the
//     example project.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { generateProject } from '../compile/generate-project';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('--runs', 5);
const EDITS = arg('--edits', 20);

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Host {
  child: ChildProcess;
  url: string;
  stop(): Promise<void>;
}

async function startHost(projectDir: string): Promise<Host> {
  const configDir = await mkdtemp(join(tmpdir(), 'ms-bench-config-'));
  const child = spawn(process.execPath, ['bin/ministudio.js', 'open', '--web', '--port', '0', projectDir], {
    cwd: root,
    env: { ...process.env, MINISTUDIO_NO_BROWSER: '1', MINISTUDIO_CONFIG_DIR: configDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /^Mini Studio: (\S+)/m.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${output}`)));
  });
  return {
    child,
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function simulatorText(page: Page): Promise<string> {
  const texts = await Promise.all(page.frames().map((f) => f.evaluate(() => document.body?.innerText ?? '').catch(() => '')));
  return texts.join('\n');
}

async function waitForSimulatorText(page: Page, needle: string): Promise<void> {
  while (!(await simulatorText(page)).includes(needle)) await sleep(2);
}

async function openInteractive(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.locator('.tree-row[data-path="app.json"]').waitFor({ timeout: 120_000 });
  await page.locator('.tree-row[data-path="app.json"]').click();
  await page.locator('.monaco-editor .view-lines').filter({ hasText: 'pages' }).waitFor({ timeout: 120_000 });
  await waitForSimulatorText(page, 'Hello, Mini Studio');
  return page;
}

async function copyExample(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ms-bench-project-'));
  await cp(join(root, 'resources/templates/example'), dir, { recursive: true });
  return dir;
}

async function coldStart(browser: Browser): Promise<{ workbench: number[]; cliVersion: number[] }> {
  const workbench: number[] = [];
  const cliVersion: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startedVersion = performance.now();
    spawnSync(process.execPath, ['bin/ministudio.js', '--version'], { cwd: root });
    cliVersion.push(performance.now() - startedVersion);
    const project = await copyExample();
    const started = performance.now();
    const host = await startHost(project);
    const page = await openInteractive(browser, host.url);
    workbench.push(performance.now() - started);
    await page.close();
    await host.stop();
  }
  return { workbench, cliVersion };
}

async function saveToSimulator(browser: Browser): Promise<{ editor: number[]; disk: number[] }> {
  const project = await copyExample();
  const host = await startHost(project);
  const page = await openInteractive(browser, host.url);
  await page.locator('.tree-row[data-path="pages"]').click();
  await page.locator('.tree-row[data-path="pages/index"]').click();
  await page.locator('.tree-row[data-path="pages/index/index.wxml"]').click();
  await page.locator('.editor-tab.active[data-path="pages/index/index.wxml"]').waitFor();
  const editor: number[] = [];
  const disk: number[] = [];
  const file = join(project, 'pages/index/index.wxml');
  for (let i = 0; i < EDITS; i++) {
    // Editor: put a marker on line 2 and save.
    await page.locator('.monaco-editor .native-edit-context, .monaco-editor textarea.inputarea').first().focus();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type(`<text>edit ${i} </text>`);
    const started = performance.now();
    await page.keyboard.press('Control+s');
    await waitForSimulatorText(page, `edit ${i}`);
    editor.push(performance.now() - started);
    await sleep(150);
    // Baseline: the same kind of edit written straight to disk.
    const text = await readFile(file, 'utf8');
    const startedDisk = performance.now();
    await writeFile(file, text.replace('<view class="container">', `<view class="container"><text>disk ${i} </text>`));
    await waitForSimulatorText(page, `disk ${i}`);
    disk.push(performance.now() - startedDisk);
    await sleep(150);
  }
  await page.close();
  await host.stop();
  return { editor, disk };
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN) / 1024;
}

async function memory(browser: Browser): Promise<{ example: number; large: number }> {
  const measure = async (project: string, ready: (page: Page) => Promise<void>) => {
    const host = await startHost(project);
    const page = await browser.newPage();
    await page.goto(host.url);
    await ready(page);
    await sleep(1000);
    const rss = rssMb(host.child.pid!);
    await page.close();
    await host.stop();
    return rss;
  };
  const example = await measure(await copyExample(), async (page) => void (await waitForSimulatorText(page, 'Hello, Mini Studio')));
  const large = join(await mkdtemp(join(tmpdir(), 'ms-bench-large-')), 'project');
  generateProject(large, 500);
  const largeRss = await measure(large, async (page) => {
    await page.locator('[data-testid="build-status"]').filter({ hasText: /Built|编译/ }).waitFor({ timeout: 300_000 });
  });
  return { example, large: largeRss };
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const cold = await coldStart(browser);
  console.log(`cold start to interactive workbench: median ${percentile(cold.workbench, 0.5).toFixed(0)} ms over ${RUNS} runs; baseline \`ministudio --version\` ${percentile(cold.cliVersion, 0.5).toFixed(0)} ms (ratio ${(percentile(cold.workbench, 0.5) / percentile(cold.cliVersion, 0.5)).toFixed(1)}×)`);
  const save = await saveToSimulator(browser);
  console.log(`save → simulator shows it (editor Ctrl+S): p50 ${percentile(save.editor, 0.5).toFixed(0)} ms, p95 ${percentile(save.editor, 0.95).toFixed(0)} ms over ${EDITS} edits`);
  console.log(`baseline, same edit written to disk: p50 ${percentile(save.disk, 0.5).toFixed(0)} ms, p95 ${percentile(save.disk, 0.95).toFixed(0)} ms (editor/disk p50 ratio ${(percentile(save.editor, 0.5) / percentile(save.disk, 0.5)).toFixed(2)})`);
  const mem = await memory(browser);
  console.log(`host process RSS: 500-page project ${mem.large.toFixed(0)} MB; baseline example project ${mem.example.toFixed(0)} MB (ratio ${(mem.large / mem.example).toFixed(2)})`);
} finally {
  await browser.close();
}
