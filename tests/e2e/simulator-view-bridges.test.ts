/// <reference lib="dom" />
// Regressions in the view ↔ host bridges: <navigator> taps, inline rpx styles, which DOM events reach the Worker.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { simulatorUrl, status, topFrame, waitReady, type BuiltProject, simulatorLogs, startServedProject, stopServedProject, type Served } from './simulator-support';

const project: Record<string, string> = {
  'app.json': JSON.stringify({ pages: ['pages/home/home', 'pages/detail/detail', 'pages/form/form', 'pages/anim/anim'] }),
  'app.js': 'App({})',
  'pages/home/home.wxml': `
    <navigator id="to-detail" url="/pages/detail/detail?from=navigator">go to detail</navigator>
    <navigator id="redirect" url="../detail/detail?how=redirect" open-type="redirect">redirect</navigator>
    <navigator id="exit" open-type="exit">exit</navigator>`,
  'pages/home/home.js': `Page({ onReady() { console.log('home.onReady'); }, onShow() { console.log('home.onShow'); } });`,
  'pages/detail/detail.wxml': '<navigator id="back" open-type="navigateBack">back</navigator>',
  'pages/detail/detail.js': `Page({ onLoad(q) { console.log('detail.onLoad', JSON.stringify(q)); }, onReady() { console.log('detail.onReady'); } });`,
  'pages/anim/anim.wxml': '<view id="box" animation="{{anim}}" style="width: 10px; height: 10px" bindtap="move">box</view>',
  'pages/anim/anim.js': `Page({
    data: { anim: null },
    move() {
      const a = wx.createAnimation({ duration: 50 });
      a.translateX(30).step();
      a.opacity(0.5).step({ duration: 50 });
      this.setData({ anim: a.export() });
    },
  });`,
  'pages/form/form.wxml': `
    <view id="bar" style="height: 8rpx; width: 100rpx; background: red"></view>
    <input id="field" bindfocus="focused" bindblur="blurred" bindtap="tapped"/>
    <picker id="pick" mode="selector" range="{{['a','b']}}" bindtap="pickerTapped" bindchange="picked"><view id="pick-label">pick</view></picker>`,
  'pages/form/form.js': `Page({
    focused(e) { console.log('focus', JSON.stringify(e.detail)); },
    blurred(e) { console.log('blur', JSON.stringify(e.detail)); },
    tapped() { console.log('field tap'); },
    pickerTapped() { console.log('picker tap'); },
    picked(e) { console.log('picked', e.detail.value); },
  });`,
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(project)));
after(() => stopServedProject({ built: built, server, browser }));

const logs = simulatorLogs;
const waitLog = (page: Page, text: string) =>
  page.waitForFunction((t) => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === t), text, { timeout: 20000 });

test('navigator tap does nothing (regression): it opens the page, and open-type=navigateBack returns', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/home/home');
  await (await topFrame(page)).click('#to-detail');
  await waitLog(page, 'detail.onReady');
  await waitReady(page, 'pages/detail/detail');
  assert.deepEqual((await status(page)).stack, ['pages/home/home', 'pages/detail/detail?from=navigator']);
  assert.ok((await logs(page)).includes('detail.onLoad {"from":"navigator"}'));
  await (await topFrame(page)).click('#back');
  await waitReady(page, 'pages/home/home');
  assert.deepEqual((await status(page)).stack, ['pages/home/home']);
  // a relative url resolves against the page, and redirect replaces it
  await (await topFrame(page)).click('#redirect');
  await page.waitForFunction(() => (window.ministudio.status() as { stack: string[] }).stack.join() === 'pages/detail/detail?how=redirect');
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});

test('navigator open-type=exit is ignored with a notice, not an error', async () => {
  const page = await browser.newPage();
  const notices: string[] = [];
  page.on('console', (msg) => notices.push(msg.text()));
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/home/home');
  await (await topFrame(page)).click('#exit');
  await page.waitForFunction(() => true);
  await (await topFrame(page)).click('#to-detail');
  await waitReady(page, 'pages/detail/detail');
  assert.ok(notices.some((n) => n.includes('open-type="exit"')), notices.join('\n'));
  assert.deepEqual((await status(page)).stack, ['pages/home/home', 'pages/detail/detail?from=navigator']);
  await page.close();
});

test('inline style rpx never converted to px (regression): style="height: 8rpx" follows the device, also after a switch', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/form/form', device: 'iphone-se' }));
  await waitReady(page, 'pages/form/form');
  const frame = await topFrame(page);
  const size = () => frame.$eval('#bar', (el) => { const r = el.getBoundingClientRect(); return [r.width, r.height]; });
  assert.deepEqual(await size(), [50, 4], '100rpx × 8rpx on a 375 px wide screen');
  assert.equal(await page.evaluate(() => (window.ministudio.host as unknown as { setDevice(id: string): boolean }).setDevice('ipad')), true);
  await frame.waitForFunction(() => document.querySelector('#bar')!.getBoundingClientRect().width === 109);
  assert.deepEqual(await size(), [109, 8], 'the same style on an 820 px wide screen');
  await page.close();
});

test('native focus/blur forwarded as WeChat events (regression): bindfocus/bindblur fire once, with the component detail', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/form/form' }));
  await waitReady(page, 'pages/form/form');
  const frame = await topFrame(page);
  await frame.click('#field');
  await page.keyboard.type('hi');
  await frame.click('#bar');
  await waitLog(page, 'blur {"value":"hi","cursor":2}');
  const lines = (await logs(page)).filter((l) => /^(focus|blur|field tap)/.test(l));
  // focus comes on pointerdown, tap on pointerup: the order is the browser's, the count is ours
  assert.deepEqual(lines.sort(), ['blur {"value":"hi","cursor":2}', 'field tap', 'focus {"value":"","height":0}']);
  await page.close();
});

test('picker 确定 fires the picker bindtap (regression): taps inside the sheet are not page taps', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/form/form' }));
  await waitReady(page, 'pages/form/form');
  const frame = await topFrame(page);
  await frame.click('#pick-label');
  await waitLog(page, 'picker tap');
  await frame.locator('#pick >> dialog').waitFor();
  await frame.locator('#pick >> .item').nth(1).click();
  await page.waitForTimeout(500); // the column glides to the item before 确定 reads it
  await frame.locator('#pick >> .confirm').click();
  await waitLog(page, 'picked 1');
  const lines = (await logs(page)).filter((l) => /^(picker tap|picked)/.test(l));
  assert.deepEqual(lines, ['picker tap', 'picked 1'], 'one tap to open, none for the sheet');
  await page.close();
});

test('animation attribute ignored (regression): wx.createAnimation().export() plays its steps in order on the element', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/anim/anim' }));
  await waitReady(page, 'pages/anim/anim');
  const frame = await topFrame(page);
  await frame.click('#box');
  await frame.waitForFunction(() => {
    const style = getComputedStyle(document.querySelector('#box')!);
    return style.transform === 'matrix(1, 0, 0, 1, 30, 0)' && style.opacity === '0.5';
  });
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});
