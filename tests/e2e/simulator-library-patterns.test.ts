/// <reference lib="dom" />
// Patterns third-party mini-program libraries rely on (weui-wxss mixins, webpack bundles, wux, vant, tdesign), in
// the real runtime in headless Chromium: each was a page that failed in the corpus run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, startServedProject, stopServedProject, type Served } from './simulator-support';

const files: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/index/index'], usingComponents: { probe: '/comp/probe/probe', holder: '/comp/holder/holder' } }),
  // weui-wxss libs/Mixins.js: wraps the global Page from app.js on
  'libs/mixins.js': `
    const originPage = Page;
    Page = (options) => { options.data = Object.assign({ mixed: 'yes' }, options.data); return originPage(options); };`,
  'app.js': `require('./libs/mixins.js'); global.fromApp = 'set in app.js'; App({});`,
  'app.wxss': '.app-blue { color: rgb(0, 0, 255); }',
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': `
    <view id="mixed">mixed={{mixed}}</view>
    <view id="early">{{early}}</view>
    <view id="promise">{{promise}}</view>
    <view id="method">{{icon.includes('https://')}} {{price.toFixed(2)}} {{tags.join('+')}}</view>
    <probe id="probe" shadowRoot="{{true}}" />
    <holder />`,
  'pages/index/index.wxss': '.page-red { color: rgb(255, 0, 0); }',
  'pages/index/index.js': `Page({
    data: { early: '', promise: '', icon: 'https://a/b.png', price: 3.14159, tags: ['a', 'b'] },
    onLoad() {
      const query = wx.createSelectorQuery();
      query.select('#mixed').boundingClientRect();
      query.exec((res) => this.setData({ early: 'onLoad pages=' + getCurrentPages().length + ' rect=' + Boolean(res[0] && res[0].width > 0) }));
      Promise.resolve().then(() => this.setData({ promise: 'promise pages=' + getCurrentPages().length }));
    },
  });`,
  // a webpack bundle reads global; a library component declares a property named like a node field
  'comp/probe/probe.json': '{"component": true}',
  'comp/probe/probe.wxml': '<view id="g">{{g}}</view><view id="attached">{{attachedSaw}}</view><view id="shared" class="page-red app-blue-free">page class</view><view id="app" class="app-blue">app class</view>',
  'comp/probe/probe.js': `Component({
    options: { addGlobalClass: true },
    properties: { shadowRoot: { type: Boolean, value: false } },
    data: { g: '', attachedSaw: '' },
    lifetimes: {
      created() { this.query = wx.createSelectorQuery().in(this); },
      attached() {
        this.setData({ g: typeof global + ' ' + global.fromApp + ' ' + (global === globalThis), attachedSaw: 'attached pages=' + getCurrentPages().length + ' shadowRoot=' + this.data.shadowRoot });
      },
    },
  });`,
  // tdesign chat-content: a generic with a default component
  'comp/holder/holder.json': JSON.stringify({ component: true, componentGenerics: { tail: { default: '../tail/tail' } } }),
  'comp/holder/holder.wxml': '<view id="generic">[<tail />]</view>',
  'comp/holder/holder.js': 'Component({})',
  'comp/tail/tail.json': '{"component": true}',
  'comp/tail/tail.wxml': '<text>default tail</text>',
  'comp/tail/tail.js': 'Component({})',
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(files)));
after(() => stopServedProject({ built: built, server, browser }));

test('library patterns: a Page wrapper from app.js, global, early queries and getCurrentPages, node-field properties, generics, addGlobalClass', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  const ready = await waitReady(page, 'pages/index/index');
  const frame = await topFrame(page);
  const text = async (selector: string) => (await frame.textContent(selector))?.trim();
  await frame.waitForFunction(() => document.querySelector('#early')?.textContent && document.querySelector('#promise')?.textContent);
  assert.deepEqual(ready.errors, [], 'no runtime errors');
  assert.equal(await text('#mixed'), 'mixed=yes', 'the Page wrapper installed by app.js ran for the page');
  assert.equal(await text('#g'), 'object set in app.js true', 'global is the global object');
  assert.equal(await text('#early'), 'onLoad pages=1 rect=true', 'wx.createSelectorQuery in onLoad targets the page');
  assert.equal(await text('#promise'), 'promise pages=1', 'getCurrentPages in a promise during creation');
  assert.equal(await text('#method'), 'true 3.14 a+b', 'methods called in bindings keep their receiver (antd-mini thought-chain)');
  assert.equal(await text('#attached'), 'attached pages=1 shadowRoot=true', 'getCurrentPages in attached; a shadowRoot property');
  assert.equal(await text('#generic'), '[default tail]', 'the componentGenerics default renders');
  const colors = await frame.evaluate(() => ['#shared', '#app'].map((s) => getComputedStyle(document.querySelector(s)!).color));
  assert.deepEqual(colors, ['rgb(255, 0, 0)', 'rgb(0, 0, 255)'], 'addGlobalClass lets page and app classes in');
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});
