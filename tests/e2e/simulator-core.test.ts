/// <reference lib="dom" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, startServedProject, stopServedProject, type Served } from './simulator-support';

// The probe project of the "done when": sandbox, lifecycle order, every ready, tap → re-render, rpx.
const probe: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/index/index', 'pages/other/other'],
    window: { navigationBarTitleText: 'Probe', navigationBarBackgroundColor: '#123456', navigationBarTextStyle: 'white' },
    usingComponents: { probe: '/components/probe/probe' },
  }),
  'app.js': `
    App({
      globalData: { order: [] },
      onLaunch(options) { this.globalData.order.push('app.onLaunch:' + options.path); console.log('app.onLaunch', options.path, options.scene); },
      onShow() { this.globalData.order.push('app.onShow'); console.log('app.onShow'); },
    });`,
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': `
    <view class="half" id="half">half</view>
    <view id="sandbox">{{sandbox}}</view>
    <view id="outer" bindtap="onOuterTap" data-who="outer">
      <text id="count">count={{count}}</text>
    </view>
    <view id="catcher" catchtap="onCatch"><view id="inner-catch" bindtap="onInnerTap">catch me</view></view>
    <probe name="a"/><probe name="b"/>
    <view id="readies">{{readies}}</view>
    <view id="callback">{{callbackSaw}}</view>
    <view id="safe" class="safe">safe</view>
    <view id="press" bindlongpress="onLong" bindtap="onPressTap">press</view>
    <view id="paths" bindtap="onPaths">{{obj.a.b}}-{{list[1].name}}-{{list.length}}</view>`,
  'pages/index/index.wxss': '.half { width: 375rpx; height: 20px; background: #eee; } .safe { padding-bottom: env(safe-area-inset-bottom); }',
  'pages/index/index.js': `
    const app = getApp();
    Page({
      data: { count: 0, sandbox: '', readies: '', callbackSaw: '', taps: [], obj: { a: { b: 'x' } }, list: [{ name: 'p' }, { name: 'q' }] },
      onPaths() {
        this.setData({ 'obj.a.b': 'y', 'list[1].name': 'r', 'list[2]': { name: 's' } }, () => console.log('paths applied', this.data.list.length));
      },
      onLoad(query) {
        app.globalData.order.push('page.onLoad');
        console.log('page.onLoad', JSON.stringify(query));
        this.setData({ sandbox: 'window:' + typeof window + ' document:' + typeof document });
      },
      onShow() { app.globalData.order.push('page.onShow'); console.log('page.onShow'); },
      onReady() {
        app.globalData.order.push('page.onReady');
        console.log('page.onReady');
        this.setData({ readies: app.globalData.order.join(',') });
        wx.createSelectorQuery().select('#half').boundingClientRect((r) => console.log('rect', r && r.width)).exec();
      },
      onLong(e) { console.log('longpress', e.currentTarget.id); },
      onPressTap() { console.log('press tap'); },
      onOuterTap(e) {
        this.setData({ count: this.data.count + 1 }, () => {
          this.setData({ callbackSaw: 'after:' + this.data.count });
        });
        console.log('tap', e.type, e.target.id, e.currentTarget.id, e.currentTarget.dataset.who, typeof e.detail.x, e.changedTouches.length);
      },
      onInnerTap() { console.log('inner tap'); },
      onCatch() { console.log('caught'); },
    });`,
  'components/probe/probe.json': '{"component": true}',
  'components/probe/probe.wxml': '<view class="probe">probe {{name}}</view>',
  'components/probe/probe.wxss': '.probe { color: red; }',
  'components/probe/probe.js': `
    Component({
      properties: { name: String },
      lifetimes: {
        attached() { getApp().globalData.order.push('probe.attached:' + this.data.name); },
        ready() { getApp().globalData.order.push('probe.ready:' + this.data.name); console.log('probe.ready', this.data.name); },
      },
    });`,
  'pages/other/other.json': '{}',
  'pages/other/other.wxml': '<view>other</view>',
  'pages/other/other.js': 'Page({})',
};

let project: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: project, server, browser } = await startServedProject(probe)));
after(() => stopServedProject({ built: project, server, browser }));

test('the probe project boots in WeChat lifecycle order, sandboxed, with every component ready', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { query: 'a=1', scene: '1011' }));
  const s = await waitReady(page, 'pages/index/index');
  assert.deepEqual(s.errors, []);
  assert.deepEqual(s.query, { a: '1' });
  const frame = await topFrame(page);
  await frame.waitForFunction(() => document.querySelector('#readies')?.textContent?.includes('page.onReady'));
  assert.equal(await frame.textContent('#sandbox'), 'window:undefined document:undefined');
  assert.equal(
    await frame.textContent('#readies'),
    'app.onLaunch:pages/index/index,app.onShow,probe.attached:a,probe.attached:b,page.onLoad,page.onShow,probe.ready:b,probe.ready:a,page.onReady',
  );
  const logs = await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  assert.ok(logs.includes('app.onLaunch pages/index/index 1011'), logs.join('\n'));
  assert.ok(logs.includes('page.onLoad {"a":"1"}'));
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('rect')));
  const rect = (await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text))).find((l) => l.startsWith('rect'));
  assert.equal(rect, 'rect 196', 'a selector query measures the view (375rpx on a 393px screen)');
  await page.close();
});

test('375rpx is half the page width, and a device switch re-lays it out', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { device: 'iphone-se' }));
  await waitReady(page);
  const frame = await topFrame(page);
  const measure = () => frame.evaluate(() => ({ half: document.getElementById('half')!.getBoundingClientRect().width, page: document.documentElement.clientWidth }));
  const safeBottom = () => frame.evaluate(() => getComputedStyle(document.getElementById('safe')!).paddingBottom);
  assert.deepEqual(await measure(), { half: 187, page: 375 });
  assert.equal(await safeBottom(), '0px');
  const switched = await page.evaluate(() => (window.ministudio.host as unknown as { setDevice(id: string): boolean }).setDevice('iphone-15-pro-max'));
  assert.equal(switched, true);
  await frame.waitForFunction(() => document.documentElement.clientWidth === 430);
  await frame.waitForFunction(() => document.getElementById('half')!.getBoundingClientRect().width === 215);
  assert.equal(await safeBottom(), '34px', 'env(safe-area-inset-bottom) follows the device');
  assert.equal((await status(page)).device, 'iphone-15-pro-max');
  await page.close();
});

test('a tap bubbles to its handler with WeChat event shape, re-renders, and setData callbacks see the view updated', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page);
  const frame = await topFrame(page);
  await frame.click('#count');
  await frame.waitForFunction(() => document.getElementById('count')?.textContent === 'count=1');
  await frame.waitForFunction(() => document.getElementById('callback')?.textContent === 'after:1');
  await frame.click('#inner-catch');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === 'caught'));
  const logs = await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  assert.ok(logs.includes('tap tap count outer outer number 1'), logs.join('\n'));
  assert.ok(logs.indexOf('inner tap') < logs.indexOf('caught'), 'the inner bindtap runs, then the catchtap of its parent');
  assert.equal(await frame.textContent('#paths'), 'x-q-2');
  await frame.click('#paths');
  await frame.waitForFunction(() => document.getElementById('paths')?.textContent === 'y-r-3');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === 'paths applied 3'));
  const box = (await frame.$('#press'))!;
  const bounds = (await box.boundingBox())!;
  await page.mouse.move(bounds.x + 5, bounds.y + 5);
  await page.mouse.down();
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === 'longpress press'));
  await page.mouse.up();
  await frame.click('#press');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === 'press tap'));
  const pressLogs = (await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text))).filter((l) => l.startsWith('press') || l.startsWith('longpress'));
  assert.deepEqual(pressLogs, ['longpress press', 'press tap'], 'a long press is not also a tap');
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});
