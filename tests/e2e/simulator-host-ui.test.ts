/// <reference lib="dom" />
// What the host shell draws for wx.* calls and page failures, in headless Chromium: the action sheet, the file
// chooser behind wx.chooseImage/chooseMedia (files shown by <image>), the preview viewer, the photo-album
// download, a page that fills the screen, a page whose creation throws, and a custom tab bar.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { crc32, deflateSync } from 'node:zlib';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildProject, cleanup, ensureWebBuild, launchBrowser, serve, simulatorLogs, simulatorUrl, status, topFrame, waitReady, type BuiltProject } from './simulator-support';

const SHOTS = process.env.MS_SCREENSHOTS;

/** A width×height PNG of one RGB colour, encoded by hand. */
function solidPng(width: number, height: number, rgb: readonly [number, number, number]): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type), data])));
    return Buffer.concat([length, Buffer.from(type), data, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  const rows = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

const svg = (colour: string) => `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"><rect width="300" height="200" fill="${colour}"/></svg>`;

const log = (label: string) => `(r) => console.log('${label} ' + (r.errMsg.endsWith(':ok') ? JSON.stringify(r) : r.errMsg))`;

const shell: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/home/home', 'pages/mine/mine', 'pages/broken/broken', 'pages/ask/ask'],
    tabBar: { list: [{ pagePath: 'pages/home/home', text: 'Home' }, { pagePath: 'pages/mine/mine', text: 'Mine' }] },
  }),
  'app.js': 'App({})',
  'img/red.svg': svg('#e64340'),
  'img/blue.svg': svg('#10aeff'),
  'pages/home/home.json': '{"navigationBarTitleText": "Host UI"}',
  'pages/home/home.wxss': 'page { height: 100%; background: #ededed; } .button { padding: 12px; }',
  'pages/home/home.wxml': `
    <view id="sheet" class="button" bindtap="sheet">sheet</view>
    <view id="choose" class="button" bindtap="choose">choose</view>
    <view id="camera" class="button" bindtap="camera">camera</view>
    <view id="media" class="button" bindtap="media">media</view>
    <view id="preview" class="button" bindtap="preview">preview</view>
    <view id="save" class="button" bindtap="save">save</view>
    <view id="broken" class="button" bindtap="broken">broken</view>
    <view id="ask" class="button" bindtap="ask">ask</view>
    <view id="rename" class="button" bindtap="rename">rename</view>
    <image id="picked" wx:if="{{picked}}" src="{{picked}}" style="width: 120px; height: 80px"/>`,
  'pages/home/home.js': `Page({
    data: { picked: '' },
    sheet() {
      wx.showActionSheet({ itemList: ['Camera', 'Album', 'Delete'], itemColor: '#576b95', alertText: 'Change the cover photo', success: ${log('SHEET')}, fail: ${log('SHEET')} });
    },
    choose() {
      wx.chooseImage({
        count: 1, sizeType: ['original'], sourceType: ['album'],
        success: (r) => {
          console.log('CHOSEN ' + r.tempFilePaths.length + ' ' + /^wxfile:\\/\\/tmp_.*\\.png$/.test(r.tempFilePaths[0]) + ' ' + r.tempFiles[0].size);
          const bytes = wx.getFileSystemManager().readFileSync(r.tempFilePaths[0]).byteLength;
          console.log('READ ' + bytes);
          this.setData({ picked: r.tempFilePaths[0] });
        },
        fail: ${log('CHOSEN')},
      });
    },
    camera() {
      wx.chooseImage({ sourceType: ['camera'], success: (r) => console.log('CAMERA ' + r.tempFilePaths.length), fail: ${log('CAMERA')} });
    },
    media() {
      wx.chooseMedia({ mediaType: ['image'], sizeType: ['compressed'], success: (r) => console.log('MEDIA ' + r.type + ' ' + r.tempFiles.map((f) => f.fileType + ' ' + f.width + 'x' + f.height + ' ' + f.tempFilePath.endsWith('.jpg')).join(',')), fail: ${log('MEDIA')} });
    },
    preview() {
      wx.previewImage({ urls: ['/img/red.svg', '/img/blue.svg'], current: '/img/red.svg', success: ${log('PREVIEW')} });
    },
    save() {
      wx.saveImageToPhotosAlbum({ filePath: this.data.picked, success: ${log('SAVED')}, fail: ${log('SAVED')} });
    },
    broken() { wx.navigateTo({ url: '/pages/broken/broken' }); },
    ask() { wx.navigateTo({ url: '/pages/ask/ask' }); },
    rename() {
      wx.showModal({ title: 'Rename', editable: true, placeholderText: 'New name', content: 'Li', confirmColor: '#07c160', success: ${log('MODAL')} });
    },
  });`,
  'pages/ask/ask.wxml': '<view id="hide" bindtap="hide">hide home</view>',
  'pages/ask/ask.js': "Page({ onLoad() { wx.enableAlertBeforeUnload({ message: 'Leave without saving?' }); }, hide() { wx.hideHomeButton(); } });",
  'pages/mine/mine.wxml': '<view>mine</view>',
  'pages/mine/mine.js': 'Page({})',
  'pages/broken/broken.wxml': '<view>never drawn</view>',
  // the data getter throws while the page instance is created (before onLoad)
  'pages/broken/broken.js': "Page({\n  data: {\n    get boom() { throw new Error('the page data exploded'); },\n  },\n});",
};

const customTabBar: Record<string, string> = {
  'app.json': JSON.stringify({
    pages: ['pages/one/one', 'pages/two/two'],
    tabBar: { custom: true, list: [{ pagePath: 'pages/one/one', text: 'One' }, { pagePath: 'pages/two/two', text: 'Two' }] },
  }),
  'app.js': 'App({})',
  'pages/one/one.wxml': '<view>page one</view>',
  'pages/one/one.js': "Page({ onShow() { this.getTabBar().setData({ selected: 0 }); console.log('one.onShow'); } });",
  'pages/two/two.wxml': '<view>page two</view>',
  'pages/two/two.js': "Page({ onShow() { this.getTabBar().setData({ selected: 1 }); console.log('two.onShow'); } });",
  'custom-tab-bar/index.json': '{ "component": true }',
  'custom-tab-bar/index.wxml': `<view class="bar"><view wx:for="{{list}}" wx:key="path" id="tab-{{index}}" class="item {{selected === index ? 'on' : ''}}" data-path="{{item.path}}" bindtap="go">{{item.text}}</view></view>`,
  'custom-tab-bar/index.js': `Component({
    data: { selected: 0, list: [{ path: '/pages/one/one', text: 'One' }, { path: '/pages/two/two', text: 'Two' }] },
    methods: { go(e) { wx.switchTab({ url: e.currentTarget.dataset.path }); } },
  });`,
  'custom-tab-bar/index.wxss': '.bar { position: fixed; left: 0; right: 0; bottom: 0; height: 50px; display: flex; background: #fff; padding-bottom: env(safe-area-inset-bottom); } .item { flex: 1; text-align: center; line-height: 50px; color: #999; } .on { color: #07c160; }',
};

let browser: Browser;
const built: BuiltProject[] = [];
const servers: Awaited<ReturnType<typeof serve>>[] = [];

before(async () => {
  ensureWebBuild();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const p of built) {
    p.compiler.dispose();
    await cleanup(p.dir);
  }
});

async function open(files: Record<string, string>, route: string, params: Record<string, string> = {}): Promise<Page> {
  const p = await buildProject(files);
  built.push(p);
  const server = await serve(p.outDir, p.webDir);
  servers.push(server);
  const page = await browser.newPage({ acceptDownloads: true, viewport: { width: 900, height: 960 } });
  await page.goto(simulatorUrl(server.origin, { fit: '0', ...params }));
  await waitReady(page, route);
  return page;
}

async function waitForLog(page: Page, prefix: string): Promise<string> {
  await page.waitForFunction((p) => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith(p)), prefix, { timeout: 15000 });
  return (await simulatorLogs(page)).filter((l) => l.startsWith(prefix)).at(-1)!;
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.locator('.ms-screen').screenshot({ path: join(SHOTS, `${name}.png`) });
}

test('wx.showActionSheet: the bottom sheet answers a tap with its index; the mask cancels', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#sheet');
  const items = page.locator('.ms-action-sheet-menu .ms-action-sheet-item');
  await items.first().waitFor();
  assert.deepEqual(await items.allTextContents(), ['Camera', 'Album', 'Delete']);
  assert.equal(await page.locator('.ms-action-sheet-alert').textContent(), 'Change the cover photo');
  assert.equal(await items.first().evaluate((el) => getComputedStyle(el).color), 'rgb(87, 107, 149)');
  assert.equal(await page.locator('.ms-action-sheet-cancel').textContent(), '取消');
  const rects = () => page.evaluate(() => [document.querySelector('.ms-action-sheet')!.getBoundingClientRect().bottom, document.querySelector('.ms-screen')!.getBoundingClientRect().bottom]);
  await page.waitForFunction(() => document.querySelector('.ms-action-sheet')?.getAnimations().length === 0);
  const [sheetBottom, screenBottom] = await rects();
  assert.equal(sheetBottom, screenBottom);
  await shot(page, 'action-sheet');
  await items.nth(1).click();
  assert.equal(await waitForLog(page, 'SHEET'), 'SHEET {"tapIndex":1,"errMsg":"showActionSheet:ok"}');
  await page.locator('.ms-sheet-mask').waitFor({ state: 'detached' });

  await frame.click('#sheet');
  await page.locator('.ms-sheet-open').waitFor();
  const mask = (await page.locator('.ms-sheet-mask').boundingBox())!;
  await page.mouse.click(mask.x + mask.width / 2, mask.y + 100);
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => l.text.startsWith('SHEET')).length === 2);
  assert.equal(await waitForLog(page, 'SHEET'), 'SHEET showActionSheet:fail cancel');
  await page.close();
});

test('wx.chooseImage copies the picked file into wxfile://tmp_ and <image> shows it; saving it downloads it', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  const png = solidPng(30, 20, [7, 193, 96]);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), frame.click('#choose')]);
  assert.equal(chooser.isMultiple(), false);
  await chooser.setFiles({ name: 'green.png', mimeType: 'image/png', buffer: png });
  assert.equal(await waitForLog(page, 'CHOSEN'), `CHOSEN 1 true ${png.length}`);
  assert.equal(await waitForLog(page, 'READ'), `READ ${png.length}`);
  // the <image> loads the chosen file: decoded at its real size
  await frame.waitForFunction(() => {
    const img = document.querySelector('#picked')?.shadowRoot?.querySelector('img') ?? document.querySelector('#picked img');
    return img instanceof HTMLImageElement && img.complete && img.naturalWidth === 30 && img.naturalHeight === 20;
  });

  const [download] = await Promise.all([page.waitForEvent('download'), frame.click('#save')]);
  assert.match(download.suggestedFilename(), /^tmp_.*\.png$/);
  assert.equal(await waitForLog(page, 'SAVED'), 'SAVED {"errMsg":"saveImageToPhotosAlbum:ok"}');
  assert.ok((await simulatorLogs(page)).some((l) => l.includes('wx.saveImageToPhotosAlbum: the desktop has no photo album')));
  await page.close();
});

test('wx.chooseMedia with album and camera asks first; a compressed image comes back as a measured JPEG; cancelling fails', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#media');
  const items = page.locator('.ms-action-sheet-menu .ms-action-sheet-item');
  await items.first().waitFor();
  assert.deepEqual(await items.allTextContents(), ['拍照', '从手机相册选择']);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), items.nth(1).click()]);
  assert.equal(chooser.isMultiple(), true);
  await chooser.setFiles([
    { name: 'a.png', mimeType: 'image/png', buffer: solidPng(40, 30, [230, 67, 64]) },
    { name: 'b.png', mimeType: 'image/png', buffer: solidPng(10, 50, [16, 174, 255]) },
  ]);
  assert.equal(await waitForLog(page, 'MEDIA'), 'MEDIA image image 40x30 true,image 10x50 true');

  await frame.click('#media');
  await page.locator('.ms-sheet-open').waitFor();
  await page.locator('.ms-action-sheet-cancel').click();
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => l.text.startsWith('MEDIA')).length === 2);
  assert.equal(await waitForLog(page, 'MEDIA'), 'MEDIA chooseMedia:fail cancel');
  await page.close();
});

test('wx.chooseImage from the camera says the simulator has none and lets a file stand in for the photo', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#camera');
  await page.locator('.ms-sheet-open').waitFor();
  assert.equal(await page.locator('.ms-action-sheet-alert').textContent(), '模拟器没有摄像头，请从电脑选择文件');
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.locator('.ms-action-sheet-menu .ms-action-sheet-item').first().click()]);
  await chooser.setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: solidPng(4, 4, [0, 0, 0]) });
  assert.equal(await waitForLog(page, 'CAMERA'), 'CAMERA 1');
  assert.ok((await simulatorLogs(page)).some((l) => l.includes('wx.chooseImage: the simulator has no camera')));
  await page.close();
});

test('wx.previewImage opens a full-screen viewer: arrow keys and swipes move between images, a tap closes it', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#preview');
  const viewer = page.locator('.ms-viewer');
  await viewer.waitFor();
  assert.equal(await waitForLog(page, 'PREVIEW'), 'PREVIEW {"errMsg":"previewImage:ok"}');
  assert.equal(await page.locator('.ms-viewer-counter').textContent(), '1 / 2');
  await page.waitForFunction(() => [...document.querySelectorAll<HTMLImageElement>('.ms-viewer img')].every((img) => img.complete && img.naturalWidth === 300));
  await shot(page, 'preview');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.locator('.ms-viewer-counter').textContent(), '2 / 2');
  const box = (await viewer.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.3, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.8, y, { steps: 5 });
  await page.mouse.up();
  assert.equal(await page.locator('.ms-viewer-counter').textContent(), '1 / 2');
  await page.mouse.click(box.x + box.width / 2, y);
  await viewer.waitFor({ state: 'detached' });
  await page.close();
});

test('page { height: 100% } fills the window of a tab page (above the tabBar and the safe area)', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  const sizes = await frame.evaluate(() => ({ page: document.querySelector('wx-page')!.getBoundingClientRect().height, window: window.innerHeight }));
  const s = await status(page);
  assert.equal(s.device, 'iphone-15');
  // iPhone 15: 852 high, 59 status bar + 44 navigation bar, 50 tabBar + 34 safe area
  assert.equal(sizes.window, 852 - 59 - 44 - 50 - 34);
  assert.equal(sizes.page, sizes.window);
  await page.close();
});

test('a page whose creation throws shows the error with its location instead of a blank screen', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#broken');
  const failure = page.locator('.ms-page-visible .ms-page-error');
  await failure.waitFor();
  assert.equal(await failure.locator('h3').textContent(), 'Page "pages/broken/broken" failed to render');
  assert.match((await failure.locator('.ms-page-error-message').textContent()) ?? '', /the page data exploded \(in creating page pages\/broken\/broken\)/);
  assert.match((await failure.locator('.ms-page-error-location').textContent()) ?? '', /^pages\/broken\/broken\.js:3:\d+$/);
  await shot(page, 'page-error');
  // back to the working page: the failure belonged to the broken page only
  await page.locator('.ms-nav-back').click();
  await waitReady(page, 'pages/home/home');
  assert.equal(await page.locator('.ms-page-visible .ms-page-error').count(), 0);
  await page.close();
});

test('wx.enableAlertBeforeUnload: the back button asks first, Cancel stays, OK leaves; wx.hideHomeButton hides the home button', async () => {
  const page = await open(shell, 'pages/home/home');
  let frame = await topFrame(page);
  await frame.click('#ask');
  await waitReady(page, 'pages/ask/ask');
  await page.locator('[aria-label="Back"]').click();
  const dialog = page.locator('.ms-modal');
  await dialog.waitFor();
  assert.equal(await dialog.locator('.ms-modal-content').textContent(), 'Leave without saving?');
  await shot(page, 'alert-before-unload');
  await dialog.getByText('取消').click();
  await dialog.waitFor({ state: 'detached' });
  assert.equal((await status(page)).page, 'pages/ask/ask');
  await page.locator('[aria-label="Back"]').click();
  await dialog.getByText('确定').click();
  await waitReady(page, 'pages/home/home');
  assert.deepEqual((await status(page)).stack, ['pages/home/home']);
  await page.close();

  const direct = await open(shell, 'pages/ask/ask', { page: 'pages/ask/ask' });
  const home = direct.locator('[aria-label="Home"]');
  assert.equal(await home.isVisible(), true);
  frame = await topFrame(direct);
  await frame.click('#hide');
  await home.waitFor({ state: 'hidden' });
  await direct.close();
});

test('wx.showModal editable: an input prefilled with content, WeChat button texts and colour, the typed text comes back', async () => {
  const page = await open(shell, 'pages/home/home');
  const frame = await topFrame(page);
  await frame.click('#rename');
  const dialog = page.locator('.ms-modal');
  const input = dialog.locator('textarea');
  await input.waitFor();
  assert.equal(await input.inputValue(), 'Li');
  assert.equal(await input.getAttribute('placeholder'), 'New name');
  assert.deepEqual(await dialog.locator('button').allTextContents(), ['取消', '确定']);
  assert.equal(await dialog.locator('.ms-modal-confirm').evaluate((el) => getComputedStyle(el).color), 'rgb(7, 193, 96)');
  await input.fill('Li Lei');
  await shot(page, 'modal-editable');
  await dialog.locator('.ms-modal-confirm').click();
  assert.equal(await waitForLog(page, 'MODAL'), 'MODAL {"confirm":true,"cancel":false,"content":"Li Lei","errMsg":"showModal:ok"}');
  await page.close();
});

test('tabBar.custom: every tab page renders custom-tab-bar/index, no native bar, and its taps switch tabs', async () => {
  const page = await open(customTabBar, 'pages/one/one');
  let frame = await topFrame(page);
  const selected = (id: string) => frame.waitForFunction((sel) => getComputedStyle(document.querySelector(sel)!).color === 'rgb(7, 193, 96)', id);
  await selected('#tab-0');
  assert.equal(await page.locator('.ms-tab-bar:visible').count(), 0);
  const bar = await frame.evaluate(() => {
    const rect = document.querySelector('custom-tab-bar > *')!.getBoundingClientRect();
    return { bottom: rect.bottom, height: rect.height, window: window.innerHeight };
  });
  // the page's window reaches the screen bottom; the bar sits there, above the 34 px home indicator inset
  assert.equal(bar.bottom, bar.window);
  assert.equal(bar.height, 50 + 34);
  await frame.click('#tab-1');
  await waitReady(page, 'pages/two/two');
  frame = await topFrame(page);
  await selected('#tab-1');
  assert.equal(await frame.textContent('wx-page'), 'page two');
  assert.equal(await frame.textContent('custom-tab-bar'), 'OneTwo');
  await shot(page, 'custom-tab-bar');
  assert.deepEqual((await status(page)).errors, []);
  await page.close();
});
