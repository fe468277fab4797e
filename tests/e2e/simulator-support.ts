/// <reference lib="dom" />
/**
 * Shared by the simulator e2e tests: write a project into a fresh temp dir, compile it with the real compiler,
 * serve `out/web` and the package on 127.0.0.1, and open the simulator in headless Chromium.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, mkdir, writeFile, readFile, rm, stat, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createCompiler, type Compiler } from '../../app/main/compiler/index';

const repoRoot = resolve(new URL('../..', import.meta.url).pathname);
export const webRoot = join(repoRoot, 'out/web');

/** Builds the web side once when it is missing (npm test builds it before running). */
export function ensureWebBuild(): void {
  if (existsSync(join(webRoot, 'simulator/index.html')) && existsSync(join(webRoot, 'simulator/view/index.html'))) return;
  const result = spawnSync(process.execPath, [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('vite build failed');
}

/**
 * A private copy of out/web: other test runs may rebuild out/web (emptying it) while ours is running.
 * Retries until the copy holds every asset the two simulator pages reference.
 */
export async function snapshotWeb(into: string): Promise<string> {
  const target = join(into, 'web');
  for (let attempt = 0; attempt < 10; attempt++) {
    await rm(target, { recursive: true, force: true });
    try {
      await cp(webRoot, target, { recursive: true });
      let complete = true;
      for (const page of ['simulator/index.html', 'simulator/view/index.html']) {
        const html = await readFile(join(target, page), 'utf8');
        for (const [, ref] of html.matchAll(/(?:src|href)="([^"]+)"/g)) {
          if (ref && !/^[a-z]+:/i.test(ref) && !existsSync(join(target, dirname(page), ref))) complete = false;
        }
      }
      if (complete) return target;
    } catch {
      // out/web is being rebuilt right now
    }
    await new Promise((r) => setTimeout(r, 3000));
    ensureWebBuild();
  }
  throw new Error('out/web could not be copied in a consistent state');
}

export async function writeProject(files: Readonly<Record<string, string>>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ms-sim-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(dir, 'project', path);
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content);
  }
  return dir;
}

export interface BuiltProject {
  readonly dir: string;
  readonly projectDir: string;
  readonly outDir: string;
  readonly compiler: Compiler;
  /** This run's copy of out/web. */
  readonly webDir: string;
}

export async function buildProject(files: Readonly<Record<string, string>>): Promise<BuiltProject> {
  const dir = await writeProject({ 'project.config.json': '{"appid":"touristappid","miniprogramRoot":""}', ...files });
  const projectDir = join(dir, 'project');
  const outDir = join(dir, 'out');
  const compiler = createCompiler(projectDir, { outDir, zips: false });
  const result = await compiler.build();
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`fixture does not compile:\n${errors.map((d) => `${d.file}:${d.line} ${d.message}`).join('\n')}`);
  const webDir = await snapshotWeb(dir);
  return { dir, projectDir, outDir, compiler, webDir };
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

/** A static server for the simulator (`/…` → out/web) and one package (`/pkg/…` → its out dir). */
export async function serve(packageDir: string, webDir: string = webRoot): Promise<{ origin: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const inPackage = url.pathname.startsWith('/pkg/');
      const base = inPackage ? packageDir : webDir;
      const rel = decodeURIComponent(inPackage ? url.pathname.slice('/pkg/'.length) : url.pathname.slice(1));
      const full = normalize(join(base, rel));
      if (!full.startsWith(base + sep) && full !== base) {
        res.writeHead(403).end();
        return;
      }
      try {
        const info = await stat(full);
        if (!info.isFile()) throw new Error('not a file');
        res.writeHead(200, { 'content-type': MIME[extname(full)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(await readFile(full));
      } catch {
        res.writeHead(404).end('not found');
      }
    })();
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export type Served = Awaited<ReturnType<typeof serve>>;

/** One simulator fixture: a project built from `files`, served on 127.0.0.1, and a Chromium to open it in. */
export interface ServedProject {
  readonly built: BuiltProject;
  readonly server: Served;
  readonly browser: Browser;
}

/** For a test file's `before`: builds the project, serves it with this run's copy of out/web, launches Chromium. */
export async function startServedProject(files: Readonly<Record<string, string>>): Promise<ServedProject> {
  ensureWebBuild();
  const built = await buildProject(files);
  const server = await serve(built.outDir, built.webDir);
  const browser = await launchBrowser();
  return { built, server, browser };
}

/** For `after`: closes what `startServedProject` opened, whatever part of it got started. */
export async function stopServedProject(fixture: Partial<ServedProject>): Promise<void> {
  await fixture.browser?.close();
  await fixture.server?.close();
  fixture.built?.compiler.dispose();
  if (fixture.built) await cleanup(fixture.built.dir);
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Status {
  page: string;
  query: Record<string, string>;
  ready: boolean;
  stack: string[];
  errors: { kind: string; message: string; location?: string; stack: string }[];
  device: string;
  lastHotReloadMs?: number;
}

export function status(page: Page): Promise<Status> {
  return page.evaluate(() => window.ministudio.status() as unknown as Status);
}

/** Waits until the top page is `route` (when given) and ready. */
export async function waitReady(page: Page, route?: string): Promise<Status> {
  await page.waitForFunction(
    (wanted) => {
      const s = window.ministudio?.status() as { ready?: boolean; page?: string } | undefined;
      return Boolean(s && s.ready && (!wanted || s.page === wanted));
    },
    route,
    { timeout: 20000 },
  );
  return status(page);
}

export function simulatorUrl(origin: string, params: Record<string, string> = {}): string {
  const search = new URLSearchParams({ manifest: `${origin}/pkg/manifest.json`, ...params });
  return `${origin}/simulator/index.html?${search.toString()}`;
}

/** The iframe of the top page. */
export async function topFrame(page: Page) {
  const handle = await page.waitForSelector('.ms-page-visible iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('no frame');
  return frame;
}

/** Log lines the mini-program printed with console.log, in order. */
export function collectLogs(page: Page): string[] {
  const lines: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'log' || msg.type() === 'info') lines.push(msg.text());
  });
  return lines;
}

export async function cleanup(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

declare global {
  interface Window {
    ministudio: { status(): unknown; host: unknown };
  }
}

/** Every console line the simulator has recorded so far (`window.ministudio.logs()`), as text. */
export function simulatorLogs(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
}
