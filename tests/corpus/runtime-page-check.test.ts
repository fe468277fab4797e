// The corpus runner's verdicts (bench/corpus/page-check.ts) on small projects of our own, through the real
// devserver and the real simulator in headless Chromium: a page that renders passes; one that throws, one that
// never gets ready and one that shows nothing fail with the right reason; wx.request to the internet fails
// as request:fail while offline. Needs no corpus; needs `npm run build` (out/web).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startSimulatorService, type SimulatorService, type ProjectSession } from '../../app/main/devserver/simulator-service';
import { isOutboundUrl, launchOfflineBrowser } from '../../bench/corpus/offline-browser';
import { checkPage, type CheckOptions } from '../../bench/corpus/page-check';
import { cleanup, ensureWebBuild, snapshotWeb, writeProject } from '../e2e/simulator-support';

const page = (wxml: string, js = 'Page({});'): Record<string, string> => ({ wxml, js, json: '{}' });
const pages: Record<string, Record<string, string>> = {
  'pages/good/good': page('<view class="title">Hello corpus</view>'),
  'pages/throws/throws': page('<view>text</view>', "Page({ onLoad() { throw new Error('boom in onLoad'); } });"),
  'pages/rejects/rejects': page('<view>text</view>', "Page({ onReady() { Promise.reject(new Error('late rejection')); } });"),
  'pages/empty/empty': page('<view style="height: 0"></view><view hidden>hidden text</view>'),
  'pages/offline/offline': page(
    '<view>{{msg}}</view>',
    `Page({ data: { msg: '' }, onLoad() {
       wx.request({ url: 'https://corpus-offline.invalid/data.json',
         success: () => { throw new Error('request reached the network'); },
         fail: (e) => { if (!/^request:fail/.test(e.errMsg)) throw new Error('unexpected ' + e.errMsg); this.setData({ msg: e.errMsg }); } });
     } });`,
  ),
};

let dir = '';
let browser: Browser;
let service: SimulatorService;
let session: ProjectSession;

before(async () => {
  ensureWebBuild();
  const files: Record<string, string> = {
    'project.config.json': '{"appid":"touristappid"}',
    'app.json': JSON.stringify({ pages: Object.keys(pages) }),
    'app.js': 'App({});',
  };
  for (const [path, parts] of Object.entries(pages)) for (const [ext, text] of Object.entries(parts)) files[`${path}.${ext}`] = text;
  dir = await writeProject(files);
  const started = await startSimulatorService({ webRoot: await snapshotWeb(dir) });
  if (!started.ok) throw new Error(started.error);
  service = started.value;
  let built!: () => void;
  const firstBuild = new Promise<void>((resolve) => (built = resolve));
  session = await service.openProject({ projectDir: join(dir, 'project'), outDir: join(dir, 'out'), compiler: { zips: false, devTemplates: true }, onBuild: () => built() });
  await firstBuild;
  browser = await launchOfflineBrowser();
});

after(async () => {
  await browser?.close();
  await service?.close();
  await cleanup(dir);
});

const options = (route: string, extra: Partial<CheckOptions> = {}): CheckOptions => ({
  url: session.simulatorUrl({ page: route, device: 'iphone-15' }),
  page: route,
  compileErrors: [],
  probeSelector: '',
  acceptPainted: false,
  timeoutMs: 30000,
  ...extra,
});

test('a page that renders text passes, with its ready time and visible text', async () => {
  const check = await checkPage(browser, options('pages/good/good'));
  assert.equal(check.pass, true, check.reason);
  assert.ok(check.readyMs !== undefined && check.visible?.sample.includes('Hello corpus'), JSON.stringify(check.visible));
});

test('an exception in onLoad fails the page with its message and source location', async () => {
  const check = await checkPage(browser, options('pages/throws/throws'));
  assert.equal(check.failure, 'error');
  assert.match(check.reason ?? '', /boom in onLoad.*\(at pages\/throws\/throws\.js:\d+:\d+\)/);
});

test('an unhandled rejection after onReady fails the page', async () => {
  const check = await checkPage(browser, options('pages/rejects/rejects'));
  assert.equal(check.failure, 'error');
  assert.match(check.reason ?? '', /late rejection/);
});

test('a page with no visible text or image fails as invisible', async () => {
  const check = await checkPage(browser, options('pages/empty/empty'));
  assert.equal(check.failure, 'invisible', check.reason);
});

test('a page missing from app.json never gets ready', async () => {
  const check = await checkPage(browser, options('pages/missing/missing', { timeoutMs: 8000 }));
  assert.equal(check.pass, false);
  assert.equal(check.failure, 'not-ready', check.reason);
});

test('a compile error of the page fails it before opening', async () => {
  const check = await checkPage(browser, options('pages/good/good', { compileErrors: ['pages/good/good.wxml:1:1 error: broken'] }));
  assert.equal(check.failure, 'compile');
  assert.match(check.reason ?? '', /good\.wxml:1:1/);
});

test('offline: wx.request to the internet fails with request:fail and never leaves the machine', async () => {
  const check = await checkPage(browser, options('pages/offline/offline'));
  assert.equal(check.pass, true, check.reason);
  assert.match(check.visible?.sample ?? '', /^request:fail/);
  assert.deepEqual(check.blockedRequests, ['https://corpus-offline.invalid/data.json'], 'the Worker\'s request was caught by the runner\'s routing');
});

test('offline: the devserver\'s outbound proxy counts as leaving the machine, its own files do not', () => {
  assert.equal(isOutboundUrl('https://corpus-offline.invalid/x'), true);
  assert.equal(isOutboundUrl('http://10.0.0.1/x'), true);
  assert.equal(isOutboundUrl('http://127.0.0.1:4000/__proxy?url=https%3A%2F%2Fcorpus-offline.invalid'), true);
  assert.equal(isOutboundUrl('http://127.0.0.1:4000/pkg/abc/manifest.json'), false);
  assert.equal(isOutboundUrl('data:image/png;base64,AAAA'), false);
});
