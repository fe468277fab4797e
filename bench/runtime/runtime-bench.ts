/// <reference lib="dom" />
/**
 * Simulator runtime benchmark, one run, medians and ratios against baselines measured in the same run:
 *   npx tsx bench/runtime/runtime-bench.ts [--rounds 15]
 * - setData: create a 1000-row list, update one path, reverse it — Worker setData → view applied (callback),
 *   against a raw-DOM baseline doing the same DOM work in the same Chromium;
 * - boot: relaunch → first page ready (onReady fired and its first render applied);
 * - navigateTo → onReady of the new page;
 * - hot reload: WXML edit → incremental rebuild → view updated (and the view-side part alone).
 * Needs `npm run build` (out/web). Talks only to 127.0.0.1.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { buildProject, cleanup, ensureWebBuild, launchBrowser, serve, simulatorUrl, topFrame, waitReady } from '../../tests/e2e/simulator-support';

const roundsArg = process.argv.indexOf('--rounds');
const ROUNDS = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;

const ROW_TEMPLATE = '<view wx:for="{{rows}}" wx:key="id" class="row"><text class="index">{{index}}</text><text class="label">{{item.text}}</text></view>';

const files: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/list/list', 'pages/next/next'] }),
  'app.js': 'App({});',
  'pages/list/list.json': '{}',
  'pages/list/list.wxml': `<view id="run" bindtap="run">run</view><view id="list">${ROW_TEMPLATE}</view>`,
  'pages/list/list.wxss': '.row { display: flex; padding: 8rpx; } .index { width: 80rpx; }',
  'pages/list/list.js': `
    function rows(n) { const r = []; for (let i = 0; i < n; i++) r.push({ id: i, text: 'row ' + i }); return r; }
    Page({
      data: { rows: [] },
      measure(label, data) {
        const t0 = Date.now();
        const start = performance.now();
        this.setData(data, () => console.log('bench ' + label + ' ' + (performance.now() - start).toFixed(2)));
        return t0;
      },
      run(e) {
        const step = this.data.rows.length === 0 ? 'create' : this.step || 'update';
        if (step === 'create') { this.measure('create', { rows: rows(1000) }); this.step = 'update'; }
        else if (step === 'update') { this.measure('update', { 'rows[500].text': 'changed ' + Date.now() }); this.step = 'reverse'; }
        else if (step === 'reverse') { this.measure('reverse', { rows: this.data.rows.slice().reverse() }); this.step = 'clear'; }
        else { this.measure('clear', { rows: [] }); this.step = 'create'; }
      },
    });`,
  'pages/next/next.json': '{}',
  'pages/next/next.wxml': '<view class="next">next page {{n}}</view>',
  'pages/next/next.js': 'Page({ data: { n: 1 } });',
};

/** The same DOM work as the 1000-row page, done directly in a page, timed the same way (work done, no layout). */
async function rawDomBaseline(page: Page | Frame, rounds: number): Promise<Record<string, number[]>> {
  return page.evaluate((n) => {
    const results: Record<string, number[]> = { create: [], update: [], reverse: [] };
    const host = document.createElement('div');
    document.body.appendChild(host);
    for (let r = 0; r < n; r++) {
      let t = performance.now();
      const rows: HTMLElement[] = [];
      for (let i = 0; i < 1000; i++) {
        const row = document.createElement('wx-view');
        row.className = 'row';
        const index = document.createElement('wx-text');
        index.className = 'index';
        index.textContent = String(i);
        const label = document.createElement('wx-text');
        label.className = 'label';
        label.textContent = `row ${i}`;
        row.append(index, label);
        host.appendChild(row);
        rows.push(row);
      }
      results.create!.push(performance.now() - t);
      t = performance.now();
      rows[500]!.lastChild!.textContent = `changed ${Date.now()}`;
      results.update!.push(performance.now() - t);
      t = performance.now();
      for (let i = 0; i < 1000; i++) {
        const row = rows[999 - i]!;
        host.appendChild(row);
        (row.firstChild as HTMLElement).textContent = String(i);
      }
      results.reverse!.push(performance.now() - t);
      host.replaceChildren();
    }
    return results;
  }, rounds);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

async function benchLogs(page: Page): Promise<string[]> {
  return page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text).filter((t) => t.startsWith('bench ')));
}

async function main(): Promise<void> {
  ensureWebBuild();
  const built = await buildProject(files);
  const server = await serve(built.outDir, built.webDir);
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    page.on('crash', () => console.error('page crashed'));
    await page.goto(simulatorUrl(server.origin, { device: 'iphone-15', fit: '0' }));
    await waitReady(page, 'pages/list/list');

    // setData through the whole pipeline
    const frame = await topFrame(page);
    const steps = ['create', 'update', 'reverse', 'clear'];
    for (let r = 0; r < ROUNDS + 2; r++) {
      for (let s = 0; s < steps.length; s++) {
        const before = (await benchLogs(page)).length;
        await frame.click('#run');
        await page.waitForFunction((n) => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => l.text.startsWith('bench ')).length > n, before);
      }
    }
    const pipeline: Record<string, number[]> = { create: [], update: [], reverse: [] };
    for (const line of (await benchLogs(page)).slice(8)) {
      const [, label, ms] = line.split(' ');
      if (label && label in pipeline) pipeline[label]!.push(Number(ms));
    }
    const baseline = await rawDomBaseline(await topFrame(page), ROUNDS);

    // boot and navigation
    // Started in the page, finished by a status listener there; the bench polls for the recorded duration.
    const timed = async (action: string, arg: string): Promise<number> => {
      await page.evaluate(
        ([a, u]) => {
          const w = window as unknown as { __benchMs?: number };
          const host = window.ministudio.host as unknown as {
            on(e: string, f: (s: { ready: boolean; page: string }) => void): () => void;
            relaunch(l?: unknown): Promise<void>;
            navigate(k: string, u: string): Promise<unknown>;
          };
          const want = a === 'relaunch' ? 'pages/list/list' : 'pages/next/next';
          delete w.__benchMs;
          const t0 = performance.now();
          const off = host.on('status', (s) => {
            if (s.ready && s.page === want) {
              off();
              w.__benchMs = performance.now() - t0;
            }
          });
          if (a === 'relaunch') void host.relaunch({ path: 'pages/list/list', query: {} });
          else void host.navigate('navigateTo', u!);
        },
        [action, arg],
      );
      try {
        await page.waitForFunction(() => (window as unknown as { __benchMs?: number }).__benchMs !== undefined, undefined, { timeout: 30000 });
      } catch (error) {
        console.error('not ready:', JSON.stringify(await page.evaluate(() => window.ministudio.status())));
        throw error;
      }
      return page.evaluate(() => (window as unknown as { __benchMs: number }).__benchMs);
    };
    const boot: number[] = [];
    const navigate: number[] = [];
    for (let r = 0; r < Math.max(5, Math.round(ROUNDS / 2)); r++) {
      boot.push(await timed('relaunch', ''));
      navigate.push(await timed('navigateTo', '/pages/next/next'));
    }

    // hot reload of a WXML edit
    await timed('relaunch', '');
    const hotTotal: number[] = [];
    const hotView: number[] = [];
    for (let r = 0; r < Math.max(5, Math.round(ROUNDS / 2)); r++) {
      const t0 = performance.now();
      await writeFile(join(built.projectDir, 'pages/list/list.wxml'), `<view id="run" bindtap="run">run ${r}</view><view id="list">${ROW_TEMPLATE}</view>`);
      const result = await built.compiler.rebuild(['pages/list/list.wxml']);
      const changes = result.changedOutputs.filter((p) => p.startsWith('templates/')).map((path) => ({ kind: 'template', path }));
      await page.evaluate((c) => {
        const w = window as unknown as { __hotMs?: number };
        const host = window.ministudio.host as unknown as { on(e: string, f: (h: { ms: number }) => void): () => void; applyUpdate(u: unknown): Promise<void> };
        delete w.__hotMs;
        const off = host.on('hotreload', (h) => {
          off();
          w.__hotMs = h.ms;
        });
        void host.applyUpdate({ manifestUrl: '', action: 'hot', changes: c });
      }, changes);
      await page.waitForFunction(() => (window as unknown as { __hotMs?: number }).__hotMs !== undefined, undefined, { timeout: 30000, polling: 'raf' });
      const viewMs = await page.evaluate(() => (window as unknown as { __hotMs: number }).__hotMs);
      hotTotal.push(performance.now() - t0);
      hotView.push(viewMs);
    }

    console.log(`Simulator runtime benchmark — ${ROUNDS} rounds, medians (Chromium headless, ${process.arch})`);
    console.log('');
    console.log('setData → view applied          pipeline     raw DOM     ratio');
    const titles = { create: 'create 1000 rows', update: 'update one path ', reverse: 'reverse 1000    ' } as const;
    for (const label of ['create', 'update', 'reverse'] as const) {
      const p = median(pipeline[label]!);
      const b = median(baseline[label]!);
      const ratio = b < 0.05 ? '   n/a' : `${(p / b).toFixed(1).padStart(5)}×`;
      console.log(`  ${titles[label]}            ${fmt(p).padStart(10)}  ${fmt(b).padStart(10)}  ${ratio}`);
    }
    console.log('');
    console.log(`boot (relaunch → first onReady)   ${fmt(median(boot))}`);
    console.log(`navigateTo → onReady of new page  ${fmt(median(navigate))}`);
    console.log(`hot reload, WXML edit → view      ${fmt(median(hotTotal))} (of which update → view ${fmt(median(hotView))}, rebuild ${fmt(median(hotTotal) - median(hotView))})`);
  } finally {
    await browser.close();
    await server.close();
    built.compiler.dispose();
    await cleanup(built.dir);
  }
}

await main();
