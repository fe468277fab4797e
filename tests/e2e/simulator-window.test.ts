/// <reference lib="dom" />
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { simulatorUrl, topFrame, waitReady, type BuiltProject, simulatorLogs, startServedProject, stopServedProject, type Served } from './simulator-support';

const files: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/home/home', 'pages/tall/tall', 'pages/bare/bare', 'pages/meta/meta'],
    themeLocation: 'theme.json',
    darkmode: true,
    window: { navigationBarBackgroundColor: '@navBg', navigationBarTextStyle: '@navText', navigationBarTitleText: 'Themed' },
    tabBar: { list: [{ pagePath: 'pages/home/home', text: 'Home' }, { pagePath: 'pages/bare/bare', text: 'Bare' }] },
  }),
  'theme.json': JSON.stringify({ light: { navBg: '#00ff00', navText: 'black' }, dark: { navBg: '#000080', navText: 'white' } }),
  'app.js': `App({ onThemeChange(res) { console.log('app.onThemeChange', res.theme); } });`,
  'pages/home/home.json': '{}',
  'pages/home/home.wxml': '<view class="box" id="box" bindtap="chrome">box</view>',
  'pages/home/home.wxss': '.box { color: rgb(1, 2, 3); } @media (prefers-color-scheme: dark) { .box { color: rgb(250, 250, 250); } }',
  'pages/home/home.js': `Page({
    chrome() {
      wx.setNavigationBarTitle({ title: 'Changed' });
      wx.setTabBarBadge({ index: 1, text: '5' });
      console.log('theme', wx.getSystemInfoSync().theme);
    },
  });`,
  'pages/tall/tall.json': '{"enablePullDownRefresh": true, "onReachBottomDistance": 100, "navigationStyle": "custom"}',
  'pages/tall/tall.wxml': '<view id="top" bindtap="refresh" style="height: 3000px">tall {{refreshes}}</view><view id="marker">marker</view>',
  'pages/tall/tall.js': `Page({
    data: { refreshes: 0 },
    onLoad() { const r = wx.getMenuButtonBoundingClientRect(); const s = wx.getSystemInfoSync(); console.log('capsule', r.top - s.statusBarHeight, r.height, s.windowHeight === s.screenHeight); },
    onReady() { this.createIntersectionObserver().relativeToViewport().observe('#marker', (r) => { if (r.intersectionRatio > 0) console.log('marker visible'); }); },
    refresh() { wx.startPullDownRefresh(); },
    onPullDownRefresh() { console.log('onPullDownRefresh'); this.setData({ refreshes: this.data.refreshes + 1 }); wx.stopPullDownRefresh(); },
    onReachBottom() { console.log('onReachBottom'); },
    onPageScroll(e) { if (e.scrollTop > 2000 && !this.logged) { this.logged = true; console.log('onPageScroll deep'); } },
  });`,
  'pages/meta/meta.json': '{}',
  'pages/meta/meta.wxml':
    '<page-meta root-font-size="20px"><navigation-bar title="Meta {{n}}" front-color="#ffffff" background-color="#ff00ff"/></page-meta><view id="rem" style="width: 2rem">rem</view>',
  'pages/meta/meta.js': 'Page({ data: { n: 1 } })',
  'pages/bare/bare.json': '{}',
  'pages/bare/bare.wxml': '<view>bare</view>',
  'pages/bare/bare.js': 'Page({})',
};

let built: BuiltProject;
let server: Served;
let browser: Browser;

before(async () => ({ built: built, server, browser } = await startServedProject(files)));
after(() => stopServedProject({ built: built, server, browser }));

const logs = simulatorLogs;
const waitLog = (page: Page, text: string) =>
  page.waitForFunction((t) => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text === t), text);

test('dark mode: theme.json values, prefers-color-scheme in WXSS, onThemeChange; chrome APIs', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { theme: 'dark' }));
  await waitReady(page, 'pages/home/home');
  const navColor = () => page.$eval('.ms-nav-bar', (el) => getComputedStyle(el).backgroundColor);
  assert.equal(await navColor(), 'rgb(0, 0, 128)');
  const frame = await topFrame(page);
  await frame.waitForFunction(() => getComputedStyle(document.getElementById('box')!).color === 'rgb(250, 250, 250)');
  await page.evaluate(() => (window.ministudio.host as unknown as { setTheme(t: string): void }).setTheme('light'));
  await waitLog(page, 'app.onThemeChange light');
  assert.equal(await navColor(), 'rgb(0, 255, 0)');
  await frame.waitForFunction(() => getComputedStyle(document.getElementById('box')!).color === 'rgb(1, 2, 3)');

  await frame.click('#box');
  await waitLog(page, 'theme light');
  await page.waitForFunction(() => document.querySelector('.ms-nav-title')?.textContent === 'Changed');
  assert.equal(await page.textContent('.ms-tab-item[data-page-path="pages/bare/bare"] .ms-tab-badge'), '5');
  await page.close();
});

test('custom navigation, page scroll, reach bottom and pull-down refresh', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/tall/tall', device: 'iphone-15' }));
  await waitReady(page, 'pages/tall/tall');
  assert.equal(await page.isVisible('.ms-nav-bar'), false, 'navigationStyle custom hides the navigation bar');
  assert.ok(await page.isVisible('.ms-capsule'), 'the capsule stays');
  const frameBox = await page.$eval('.ms-page-visible', (el) => el.getBoundingClientRect().top - el.parentElement!.getBoundingClientRect().top);
  assert.equal(frameBox, 0, 'the page starts under the status bar');
  await waitLog(page, 'capsule 6 32 true');

  const frame = await topFrame(page);
  await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await waitLog(page, 'onReachBottom');
  await waitLog(page, 'onPageScroll deep');
  await waitLog(page, 'marker visible');
  await frame.evaluate(() => window.scrollTo(0, 0));
  await frame.click('#top');
  await waitLog(page, 'onPullDownRefresh');
  await frame.waitForFunction(() => document.getElementById('top')?.textContent === 'tall 1');
  await frame.waitForFunction(() => !document.querySelector('.wx-pull-down.active'));
  assert.equal((await logs(page)).filter((l) => l === 'onReachBottom').length, 1, 'reach bottom fires once per arrival');
  await page.close();
});

test('page-meta sets the root font size and its navigation-bar drives the host bar', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin, { page: 'pages/meta/meta' }));
  await waitReady(page, 'pages/meta/meta');
  await page.waitForFunction(() => document.querySelector('.ms-nav-title')?.textContent === 'Meta 1');
  assert.equal(await page.$eval('.ms-nav-bar', (el) => getComputedStyle(el).backgroundColor), 'rgb(255, 0, 255)');
  const frame = await topFrame(page);
  await frame.waitForFunction(() => document.getElementById('rem')!.getBoundingClientRect().width === 40);
  await page.close();
});
