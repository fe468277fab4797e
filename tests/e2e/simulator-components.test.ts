/// <reference lib="dom" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, simulatorLogs, startServedProject, stopServedProject, type Served } from './simulator-support';

// Component() used as a page, with the custom-component features WeChat projects lean on.
const files: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/comp-page/comp-page', 'pages/other/other'] }),
  'app.js': 'App({})',
  'behaviors/greet.js': `module.exports = Behavior({
    properties: { who: { type: String, value: 'world' } },
    data: { greeting: '' },
    methods: { greet() { return 'hello ' + this.data.who; } },
  });`,
  'pages/comp-page/comp-page.json': JSON.stringify({ usingComponents: { 'x-list': '/components/list/list', 'x-item': '/components/item/item', 'x-card': '/components/card/card' } }),
  'pages/comp-page/comp-page.wxml': `
    <x-card id="card" title-class="big" who="{{who}}"><view id="slotted">slot content {{n}}</view></x-card>
    <x-list id="list"><x-item wx:for="{{items}}" wx:key="*this" label="{{item}}"/></x-list>
    <view id="report">{{report}}</view>
    <view id="sum" bindtap="sum">sum</view>`,
  'pages/comp-page/comp-page.wxss': '.big { font-size: 30px; }',
  'pages/comp-page/comp-page.js': `Component({
    data: { who: 'you', n: 1, items: ['a', 'b', 'c'], report: '' },
    observers: { 'n, who': function (n, who) { this.setData({ report: 'observed ' + n + ' ' + who }); } },
    pageLifetimes: { show() { console.log('comp-page show'); }, hide() { console.log('comp-page hide'); } },
    methods: {
      onLoad(q) { console.log('comp-page onLoad', JSON.stringify(q)); },
      onReady() {
        const card = this.selectComponent('#card');
        const list = this.selectComponent('#list');
        console.log('card exports', JSON.stringify(card), 'greets', card && card.greetPublic && card.greetPublic());
        console.log('relations', list.linkedLabels().join(','));
        this.setData({ n: 2 });
      },
      sum() { this.setData({ who: 'tapper' }); },
    },
  });`,
  'components/card/card.json': '{"component": true}',
  'components/card/card.wxml': '<view class="title-class" id="title">{{greeting}}</view><slot/>',
  'components/card/card.js': `const greet = require('../../behaviors/greet.js');
  Component({
    behaviors: [greet, 'wx://component-export', 'wx://form-field'],
    externalClasses: ['title-class'],
    export() { return { greetPublic: () => this.greet(), formName: this.data.name }; },
    observers: { who() { this.setData({ greeting: this.greet() }); } },
    lifetimes: { attached() { this.setData({ greeting: this.greet() }); } },
    pageLifetimes: { show() { console.log('card show'); } },
  });`,
  'components/list/list.json': '{"component": true}',
  'components/list/list.wxml': '<view class="list"><slot/></view>',
  'components/list/list.js': `Component({
    relations: { '../item/item': { type: 'child', linked(target) { console.log('linked', target.data.label); } } },
    methods: { linkedLabels() { return this.getRelationNodes('../item/item').map((n) => n.data.label); } },
  });`,
  'components/item/item.json': '{"component": true}',
  'components/item/item.wxml': '<text class="item">{{label}}</text>',
  'components/item/item.js': `Component({
    properties: { label: String },
    relations: { '../list/list': { type: 'parent' } },
  });`,
  'pages/other/other.json': '{}',
  'pages/other/other.wxml': '<view>other</view>',
  'pages/other/other.js': 'Page({})',
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(files)));
after(() => stopServedProject({ built: built, server, browser }));

const logs = simulatorLogs;

test('Component() as a page: behaviors, observers, relations, external classes, slots, selectComponent, pageLifetimes', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { query: 'k=v' }));
  await waitReady(page, 'pages/comp-page/comp-page');
  const frame = await topFrame(page);
  await frame.waitForFunction(() => document.getElementById('report')?.textContent === 'observed 2 you');
  assert.equal(await frame.textContent('#title'), 'hello you');
  assert.equal((await frame.textContent('#slotted'))?.trim(), 'slot content 2');
  assert.equal(await frame.$eval('#title', (el) => getComputedStyle(el).fontSize), '30px', 'the external class carries the page style');
  assert.deepEqual(await frame.$$eval('.item, [class$="--item"]', (els) => els.map((e) => e.textContent)), ['a', 'b', 'c']);
  const tree = await page.evaluate(() => (window.ministudio.host as unknown as { wxml(): Promise<unknown> }).wxml());
  const text = JSON.stringify(tree);
  assert.match(text, /"tag":"x-card","attributes":\{"id":"card"/);
  assert.match(text, /"tag":"#text","attributes":\{\},"children":\[\],"text":"hello you"/);
  const appData = await page.evaluate(() => (window.ministudio.host as unknown as { appData(): { path: string; data: { who?: string } }[] }).appData());
  assert.equal(appData[0]?.path, 'pages/comp-page/comp-page');
  assert.equal(appData[0]?.data.who, 'you');
  await frame.click('#sum');
  await frame.waitForFunction(() => document.getElementById('title')?.textContent === 'hello tapper');
  const lines = await logs(page);
  assert.ok(lines.includes('comp-page onLoad {"k":"v"}'), lines.join('\n'));
  assert.ok(lines.includes('relations a,b,c'), lines.join('\n'));
  assert.ok(lines.includes('card exports {"formName":""} greets hello you'), lines.join('\n'));
  assert.ok(lines.indexOf('card show') >= 0 && lines.indexOf('comp-page show') >= 0);
  await page.evaluate(() => (window.ministudio.host as unknown as { navigate(k: string, u: string): Promise<unknown> }).navigate('navigateTo', '/pages/other/other'));
  await waitReady(page, 'pages/other/other');
  assert.ok((await logs(page)).includes('comp-page hide'));
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});
