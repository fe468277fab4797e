// Device protocol speed on 127.0.0.1. Run: npx tsx bench/device-hub.bench.ts [--runs 15]
//  1. ingest: log messages/s from 8 devices through the hub (parse + validate + ring + event), against a bare
//     `ws` server that only JSON.parses the same frames (baseline in the same run);
//  2. save → update: a WXSS save in the example project until a device holds the `update`, against a raw
//     WebSocket round trip (baseline), with the compiler's own rebuild time;
//  3. save → pixels: the same save until the simulator in Chromium shows the new colour (needs `npm run build`).
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { WebSocket, WebSocketServer } from 'ws';
import { simulatorUrl } from '../app/shared/device-protocol';
import { DeviceHub } from '../app/main/device/device-hub';
import { startDevServer } from '../app/main/devserver/dev-server';
import type { BuildReport } from '../app/main/devserver/live-project';
import { startLiveProject } from '../app/main/devserver/live-project';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(process.argv[runsArg + 1]) : 15;
const DEVICES = 8;
const PER_DEVICE = 5000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function open(url: string): Promise<WebSocket> {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  return ws;
}

function logFrame(i: number): string {
  return JSON.stringify({ type: 'log', level: 'log', args: [`tick ${i}`, { i, items: [1, 2, 3], nested: { ok: true } }], time: Date.now() });
}

/** Sends PER_DEVICE logs from each of DEVICES sockets; resolves with messages per second once `received` reaches all. */
async function flood(sockets: WebSocket[], received: () => number): Promise<number> {
  const total = sockets.length * PER_DEVICE;
  const start = received();
  const started = performance.now();
  for (const ws of sockets) for (let i = 0; i < PER_DEVICE; i++) ws.send(logFrame(i));
  while (received() - start < total) await sleep(1);
  return total / ((performance.now() - started) / 1000);
}

async function ingest(): Promise<{ hub: number; bare: number }> {
  const hub = new DeviceHub({ logCapacity: 1000, maxRefusals: 1e9, messagesPerSecond: Number.POSITIVE_INFINITY });
  let count = 0;
  hub.onEvent((e) => {
    if (e.kind === 'message') count++;
  });
  const dir = await mkdtemp(join(tmpdir(), 'ministudio-bench-hub-'));
  const started = await startDevServer({ hub, webRoot: dir, port: 0 });
  if (!started.ok) throw new Error(started.error);
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'bench' });
  const hubSockets = await Promise.all(Array.from({ length: DEVICES }, () => open(`ws://127.0.0.1:${started.value.port}/device`)));
  for (const ws of hubSockets) ws.send(JSON.stringify({ type: 'hello', protocol: 1, token, device: { name: 'bench', kind: 'browser' } }));
  while (hub.devices('bench').length < DEVICES) await sleep(1);

  let bareCount = 0;
  const bare = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  bare.on('connection', (ws) => ws.on('message', (data) => (JSON.parse(String(data)), bareCount++)));
  await new Promise((resolve) => bare.once('listening', resolve));
  const barePort = (bare.address() as { port: number }).port;
  const bareSockets = await Promise.all(Array.from({ length: DEVICES }, () => open(`ws://127.0.0.1:${barePort}`)));

  const hubRates: number[] = [];
  const bareRates: number[] = [];
  for (let run = 0; run < Math.max(3, Math.floor(RUNS / 3)); run++) {
    bareRates.push(await flood(bareSockets, () => bareCount));
    hubRates.push(await flood(hubSockets, () => count));
  }
  for (const ws of [...hubSockets, ...bareSockets]) ws.close();
  bare.close();
  await started.value.close();
  await rm(dir, { recursive: true, force: true });
  return { hub: median(hubRates), bare: median(bareRates) };
}

async function saveToUpdate(): Promise<{ update: number; roundTrip: number; rebuild: number; pixels?: number }> {
  const base = await mkdtemp(join(tmpdir(), 'ministudio-bench-save-'));
  const project = join(base, 'example');
  await cp(join(root, 'resources/templates/example'), project, { recursive: true });
  const hub = new DeviceHub();
  const webRoot = join(root, 'out/web');
  const started = await startDevServer({ hub, webRoot, port: 0 });
  if (!started.ok) throw new Error(started.error);
  const server = started.value;
  const rebuilds: number[] = [];
  const live = await startLiveProject({
    projectDir: project,
    outDir: join(base, 'out'),
    projectId: 'bench',
    server,
    hub,
    compiler: { zips: false },
    onBuild: (r: BuildReport) => void (r.sent === 'update' && rebuilds.push(r.result.durationMs)),
  });
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'bench' });
  const ws = await open(`ws://127.0.0.1:${server.port}/device`);
  let updates = 0;
  let refusals = 0;
  ws.on('message', (data) => {
    const type = (JSON.parse(String(data)) as { type: string }).type;
    if (type === 'update') updates++;
    if (type === 'refused') refusals++;
  });
  ws.send(JSON.stringify({ type: 'hello', protocol: 1, token, device: { name: 'bench', kind: 'browser' } }));
  while (hub.devices('bench').length < 1) await sleep(1);

  const wxss = join(project, 'pages/index/index.wxss');
  const original = await readFile(wxss, 'utf8');
  const updateTimes: number[] = [];
  const roundTrips: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const before = updates;
    const t0 = performance.now();
    await writeFile(wxss, `${original}\n.bench-${run} { color: #${(run * 97).toString(16).padStart(3, '0')}; }\n`);
    while (updates === before) await sleep(0);
    updateTimes.push(performance.now() - t0);
    const r0 = performance.now();
    const refusedBefore = refusals;
    ws.send('{"type":"bench-ping"}'); // answered at once with `refused`: a raw protocol round trip
    while (refusals === refusedBefore) await sleep(0);
    roundTrips.push(performance.now() - r0);
    await sleep(80); // chokidar ignores a second change of the same file within 50 ms
  }

  let pixels: number | undefined;
  if (existsSync(join(webRoot, 'simulator/index.html'))) {
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage();
    await page.goto(simulatorUrl(server.origin, { token }));
    await page.waitForFunction(() => (window as unknown as { ministudio?: { status(): { ready: boolean } } }).ministudio?.status().ready === true, null, { timeout: 0 });
    const view = page.frames().find((f) => f.url().includes('/simulator/view/'));
    if (view) {
      const times: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const colour = `rgb(${run + 1}, 2, 3)`;
        const t0 = performance.now();
        await writeFile(wxss, `${original}\n.title { color: ${colour} !important; }\n`);
        await view.waitForFunction((c) => [...document.querySelectorAll('*')].some((el) => getComputedStyle(el).color === c), colour, { polling: 'raf', timeout: 0 });
        times.push(performance.now() - t0);
        await sleep(80);
      }
      pixels = median(times);
    }
    await browser.close();
  }
  ws.close();
  await live.close();
  await server.close();
  await rm(base, { recursive: true, force: true });
  return { update: median(updateTimes), roundTrip: median(roundTrips), rebuild: median(rebuilds), ...(pixels !== undefined ? { pixels } : {}) };
}

const rates = await ingest();
console.log(`ingest, ${DEVICES} devices × ${PER_DEVICE} logs: hub ${Math.round(rates.hub)} msg/s, bare ws+JSON.parse ${Math.round(rates.bare)} msg/s (hub/bare ${(rates.hub / rates.bare).toFixed(2)})`);
const save = await saveToUpdate();
console.log(`save → update at the device, median of ${RUNS}: ${save.update.toFixed(1)} ms (compiler rebuild ${save.rebuild.toFixed(1)} ms; raw protocol round trip ${save.roundTrip.toFixed(2)} ms; ratio update/round trip ${(save.update / save.roundTrip).toFixed(0)}×)`);
if (save.pixels !== undefined) console.log(`save → new colour on screen in Chromium, median of ${RUNS}: ${save.pixels.toFixed(1)} ms (update/pixels ${(save.update / save.pixels).toFixed(2)})`);
else console.log('save → pixels: skipped (simulator page not built; run npm run build)');
