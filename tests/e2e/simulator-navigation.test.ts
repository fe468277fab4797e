/// <reference lib="dom" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, simulatorLogs, startServedProject, stopServedProject, type Served } from './simulator-support';

const lifecycle = (name: string) => `
  onLoad(q) { console.log('${name}.onLoad', JSON.stringify(q)); },
  onShow() { console.log('${name}.onShow'); },
  onReady() { console.log('${name}.onReady'); },
  onHide() { console.log('${name}.onHide'); },
  onUnload() { console.log('${name}.onUnload'); },`;

const project: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/home/home', 'pages/mine/mine', 'pages/detail/detail'],
    subPackages: [{ root: 'packageA', pages: ['pages/cat/cat'] }],
    tabBar: {
      color: '#999999',
      selectedColor: '#ff0000',
      list: [
        { pagePath: 'pages/home/home', text: 'Home' },
        { pagePath: 'pages/mine/mine', text: 'Mine' },
      ],
    },
  }),
  'app.js': `App({
    onPageNotFound(res) { console.log('app.onPageNotFound', res.path, res.isEntryPage); },
    onShow(o) { console.log('app.onShow', o.path, o.scene); },
    onHide() { console.log('app.onHide'); },
  });`,
  'pages/home/home.json': '{"navigationBarTitleText": "Home"}',
  'pages/home/home.wxml': '<view id="go" bindtap="go">home</view>',
  'pages/home/home.js': `Page({${lifecycle('home').replace("onLoad(q) {", "onLoad(q) { const v = (wx.getStorageSync('visits') || 0) + 1; wx.setStorageSync('visits', v); console.log('visits', v);")}
    go() {
      wx.navigateTo({
        url: '/pages/detail/detail?n=1',
        events: { fromDetail(data) { console.log('home got', data.hello); } },
        success(res) { res.eventChannel.emit('fromOpener', { hi: 'there' }); },
      });
    },
  });`,
  'pages/mine/mine.json': '{"navigationBarTitleText": "Mine"}',
  'pages/mine/mine.wxml': '<view>mine</view>',
  'pages/mine/mine.js': `Page({${lifecycle('mine')}});`,
  'pages/detail/detail.json': '{"navigationBarTitleText": "Detail"}',
  'pages/detail/detail.wxml': '<view id="more" bindtap="more">detail {{n}}</view>',
  'pages/detail/detail.js': `Page({
    data: { n: 0 },
    onLoad(q) {
      console.log('detail.onLoad', JSON.stringify(q));
      console.log('pages', getCurrentPages().map((p) => p.route).join(','));
      this.setData({ n: Number(q.n) });
      const channel = this.getOpenerEventChannel();
      channel.on('fromOpener', (d) => console.log('detail got', d.hi));
      channel.emit('fromDetail', { hello: 'back' });
    },
    onShow() { console.log('detail.onShow'); },
    onReady() { console.log('detail.onReady'); },
    onHide() { console.log('detail.onHide'); },
    onUnload() { console.log('detail.onUnload'); },
    more() {
      wx.navigateTo({ url: 'detail?n=' + (this.data.n + 1), fail: (e) => console.log('navigate failed', e.errMsg) });
    },
  });`,
  'packageA/pages/cat/cat.json': '{"usingComponents": {"paw": "../../components/paw/paw"}}',
  'packageA/pages/cat/cat.wxml': '<view id="cat">cat <paw/></view>',
  'packageA/pages/cat/cat.js': `Page({ onLoad() { console.log('cat.onLoad'); } });`,
  'packageA/components/paw/paw.json': '{"component": true}',
  'packageA/components/paw/paw.wxml': '<text id="paw">paw</text>',
  'packageA/components/paw/paw.js': 'Component({});',
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(project)));
after(() => stopServedProject({ built: built, server, browser }));

const logs = simulatorLogs;
const navigate = (page: Page, kind: string, url: string) =>
  page.evaluate(([k, u]) => (window.ministudio.host as unknown as { navigate(k: string, u: string): Promise<{ ok: boolean; errMsg: string }> }).navigate(k!, u!), [kind, url]);

test('navigateTo, navigateBack and switchTab run lifecycles in WeChat order with an EventChannel', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/home/home');
  await (await topFrame(page)).click('#go');
  await waitReady(page, 'pages/detail/detail');
  assert.deepEqual((await status(page)).stack, ['pages/home/home', 'pages/detail/detail?n=1']);
  assert.ok((await logs(page)).includes('pages pages/home/home,pages/detail/detail'), 'getCurrentPages() in onLoad includes the new page');
  assert.equal(await page.textContent('.ms-nav-title'), 'Detail');
  assert.equal(await page.isVisible('.ms-tab-bar'), false, 'no tabBar on a non-tab page');
  assert.equal(await page.isVisible('.ms-nav-back'), true);
  await page.click('.ms-nav-back');
  await waitReady(page, 'pages/home/home');
  assert.ok(await page.isVisible('.ms-tab-bar'));
  await page.click('.ms-tab-item[data-page-path="pages/mine/mine"]');
  await waitReady(page, 'pages/mine/mine');
  assert.deepEqual((await status(page)).stack, ['pages/mine/mine']);
  const selectedColor = await page.$eval('.ms-tab-item[aria-selected="true"]', (el) => getComputedStyle(el).color);
  assert.equal(selectedColor, 'rgb(255, 0, 0)');
  await page.click('.ms-tab-item[data-page-path="pages/home/home"]');
  await waitReady(page, 'pages/home/home');
  // home stayed alive as a tab page, so it is "ready" at once; its onShow log reaches the host a moment later.
  const lifecycleLines = async () => (await logs(page)).filter((l) => /^(home|mine|detail)[. ]/.test(l));
  for (let waited = 0; waited < 10_000 && (await lifecycleLines()).at(-1) !== 'home.onShow'; waited += 50) await page.waitForTimeout(50);
  const lines = await lifecycleLines();
  assert.deepEqual(lines, [
    'home.onLoad {}',
    'home.onShow',
    'home.onReady',
    'home.onHide',
    'detail.onLoad {"n":"1"}',
    'home got back',
    'detail.onShow',
    'detail got there',
    'detail.onReady',
    'detail.onUnload',
    'home.onShow',
    'home.onHide',
    'mine.onLoad {}',
    'mine.onShow',
    'mine.onReady',
    'mine.onHide',
    'home.onShow',
  ]);
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});

test('the page stack stops at 10 with WeChat errMsg, and navigateTo refuses a tab page', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/detail/detail', query: 'n=1' }));
  await waitReady(page, 'pages/detail/detail');
  for (let n = 2; n <= 10; n++) {
    await (await topFrame(page)).click('#more');
    await page.waitForFunction((want) => (window.ministudio.status() as { stack: string[] }).stack.length === want, n);
  }
  await waitReady(page);
  await (await topFrame(page)).click('#more');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('navigate failed')));
  assert.ok((await logs(page)).includes('navigate failed navigateTo:fail webview count limit exceed'));
  assert.equal((await status(page)).stack.length, 10);
  assert.deepEqual(await navigate(page, 'navigateTo', '/pages/mine/mine'), { ok: false, errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
  assert.deepEqual(await navigate(page, 'navigateBack', ''), { ok: true, errMsg: 'navigateBack:ok' });
  assert.equal((await status(page)).stack.length, 9);
  await page.close();
});

test('a subpackage page loads its part when first entered; a missing page shows a clear screen', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/home/home');
  assert.deepEqual(await navigate(page, 'navigateTo', '/packageA/pages/cat/cat'), { ok: true, errMsg: 'navigateTo:ok' });
  await waitReady(page, 'packageA/pages/cat/cat');
  const frame = await topFrame(page);
  await frame.waitForSelector('#paw');
  assert.equal((await frame.textContent('#cat'))?.replace(/\s+/g, ' ').trim(), 'cat paw');
  assert.deepEqual(await navigate(page, 'navigateTo', '/pages/nowhere/nowhere'), { ok: false, errMsg: 'navigateTo:fail page "pages/nowhere/nowhere" is not found' });

  await page.goto(simulatorUrl(server.origin, { page: 'pages/nowhere/nowhere' }));
  await page.waitForSelector('.ms-not-found');
  assert.match((await page.textContent('.ms-not-found')) ?? '', /Page not found.*pages\/nowhere\/nowhere/s);
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('app.onPageNotFound')));
  assert.ok((await logs(page)).includes('app.onPageNotFound pages/nowhere/nowhere true'));
  const s = await status(page);
  assert.equal(s.ready, false);
  assert.equal(s.errors[0]?.kind, 'page-not-found');
  await page.close();
});

test('storage is synchronous in the Worker and survives a relaunch', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/home/home');
  const before = (await logs(page)).filter((l) => l.startsWith('visits'));
  assert.equal(before.length, 1);
  const first = Number(before[0]!.split(' ')[1]);
  await page.evaluate(() => (window.ministudio.host as unknown as { relaunch(): Promise<void> }).relaunch());
  await page.waitForFunction((n) => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === `visits ${n}`), first + 1);
  const stored = await page.evaluate(() => (window.ministudio.host as unknown as { storage(): { key: string; value: unknown }[] }).storage());
  assert.deepEqual(stored.find((e) => e.key === 'visits'), { key: 'visits', value: first + 1 });
  await page.close();
});

test('going to the background and back runs page and App hooks in WeChat order', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/detail/detail', query: 'n=3' }));
  await waitReady(page, 'pages/detail/detail');
  await page.evaluate(() => (window.ministudio.host as unknown as { setBackground(b: boolean, s?: number): void }).setBackground(true));
  await page.evaluate(() => (window.ministudio.host as unknown as { setBackground(b: boolean, s?: number): void }).setBackground(false, 1038));
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => l.text === 'detail.onShow').length === 2);
  const lines = (await logs(page)).filter((l) => /^(app\.on(Show|Hide)|detail\.on(Show|Hide))/.test(l));
  assert.deepEqual(lines, ['app.onShow pages/detail/detail 1001', 'detail.onShow', 'detail.onHide', 'app.onHide', 'app.onShow pages/detail/detail 1038', 'detail.onShow']);
  await page.close();
});
