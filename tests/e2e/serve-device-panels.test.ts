// What the workbench panels get from a real simulator in Chromium: the hub's event stream (console, lifecycle,
// AppData, status) and `inspect` answers (status, AppData, WXML, storage), through the real device link.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import type { DeviceReport, WxmlNode } from '../../app/shared/device-protocol';
import { simulatorUrl } from '../../app/shared/device-protocol';
import type { ConnectedDevice, HubEvent } from '../../app/main/device/device-hub';
import { DeviceHub } from '../../app/main/device/device-hub';
import type { DevServer } from '../../app/main/devserver/dev-server';
import { startDevServer } from '../../app/main/devserver/dev-server';
import type { LiveProject } from '../../app/main/devserver/live-project';
import { startLiveProject } from '../../app/main/devserver/live-project';
import { copyExample, repoRoot } from './serve-support';

const webRoot = join(repoRoot, 'out', 'web');
const skip = existsSync(join(webRoot, 'simulator', 'index.html')) ? false : 'the simulator page is not built (npm run build)';

const hub = new DeviceHub();
const reports: DeviceReport[] = [];
let project: { dir: string; dispose: () => Promise<void> };
let outDir: string;
let server: DevServer;
let live: LiveProject;
let browser: Browser;
let page: Page;
let device: ConnectedDevice;

before(async () => {
  if (skip) return;
  project = await copyExample();
  outDir = await mkdtemp(join(tmpdir(), 'ministudio-panels-out-'));
  const started = await startDevServer({ hub, webRoot, port: 0 });
  assert.ok(started.ok);
  server = started.value;
  hub.onEvent((e) => {
    if (e.kind === 'message') reports.push(e.message);
  });
  live = await startLiveProject({ projectDir: project.dir, outDir, projectId: 'example', server, hub, compiler: { zips: false, devTemplates: true } });
  const connected = new Promise<ConnectedDevice>((resolve) => {
    const dispose = hub.onEvent((e: HubEvent) => {
      if (e.kind !== 'connected') return;
      dispose();
      resolve(e.device);
    });
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { token: hub.tokens.issue({ kind: 'launch', projectId: 'example' }) }));
  device = await connected;
});

after(async () => {
  if (skip) return;
  await browser?.close();
  await live.close();
  await server.close();
  await project.dispose();
  await rm(outDir, { recursive: true, force: true });
});

/** Resolves once a report matching `predicate` has arrived (also if it already has). */
async function report<T extends DeviceReport['type']>(type: T, predicate: (r: Extract<DeviceReport, { type: T }>) => boolean = () => true): Promise<Extract<DeviceReport, { type: T }>> {
  for (;;) {
    const found = reports.find((r): r is Extract<DeviceReport, { type: T }> => r.type === type && predicate(r as Extract<DeviceReport, { type: T }>));
    if (found) return found;
    await new Promise<void>((resolve) => {
      const dispose = hub.onEvent(() => {
        dispose();
        resolve();
      });
    });
  }
}

function texts(node: WxmlNode): string[] {
  return [...(node.text !== undefined ? [node.text] : []), ...(node.children ?? []).flatMap(texts)];
}

test('the simulator reports its console, lifecycle, page data and readiness on its own', { skip, timeout: 60_000 }, async () => {
  assert.equal(device.info.kind, 'simulator');
  assert.ok((device.info.screen?.width ?? 0) > 0 && (device.info.screen?.pixelRatio ?? 0) > 0, JSON.stringify(device.info));
  const log = await report('log', (r) => r.args[0] === 'index onLoad');
  assert.equal(log.level, 'log');
  await report('lifecycle', (r) => r.scope === 'page' && r.path === 'pages/index/index' && r.event === 'onLoad');
  const data = await report('appdata', (r) => r.entries.some((e) => e.path === 'pages/index/index'));
  const fruits = (data.entries.find((e) => e.path === 'pages/index/index')!.data as { fruits: { name: string }[] }).fruits;
  assert.deepEqual(fruits.map((f) => f.name), ['Apple', 'Banana', 'Cherry']);
  const ready = await report('status', (r) => r.ready);
  assert.deepEqual(ready.pageStack, ['pages/index/index']);
  assert.deepEqual(hub.recentLogs(device.id).map((l) => l.message.args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ')).slice(0, 2), ['App launched at pages/index/index', 'index onLoad {}']);
});

test('inspect answers status, AppData, WXML and storage from the running page', { skip, timeout: 60_000 }, async () => {
  await report('status', (r) => r.ready);
  const status = await hub.inspect(device.id, 'status');
  assert.ok(status.ok, status.ok ? '' : status.error);
  assert.equal(status.value.ready, true);
  assert.ok(status.value.buildId);

  const appdata = await hub.inspect(device.id, 'appdata');
  assert.ok(appdata.ok);
  assert.equal((appdata.value.entries[0]?.data as { count: number }).count, 0);

  const wxml = await hub.inspect(device.id, 'wxml');
  assert.ok(wxml.ok, wxml.ok ? '' : wxml.error);
  assert.equal(wxml.value.path, 'pages/index/index');
  const words = texts(wxml.value.root).join(' ');
  assert.match(words, /Hello, Mini Studio/);

  const storage = await hub.inspect(device.id, 'storage');
  assert.ok(storage.ok);
  assert.equal(storage.value.op, 'snapshot');
  assert.ok(storage.value.entries.some((e) => e.key === 'logs'), JSON.stringify(storage.value.entries));
});

test('navigate and relaunch from the server move the simulator', { skip, timeout: 60_000 }, async () => {
  hub.send(device.id, { type: 'navigate', openType: 'switchTab', url: '/pages/logs/logs' });
  await report('status', (r) => r.ready && r.pageStack.at(-1) === 'pages/logs/logs');
  hub.send(device.id, { type: 'relaunch', launch: { page: 'pages/index/index', query: 'from=relaunch' } });
  const relaunched = await report('status', (r) => r.ready && r.pageStack.at(-1) === 'pages/index/index?from=relaunch');
  assert.deepEqual(relaunched.pageStack, ['pages/index/index?from=relaunch']);
});
