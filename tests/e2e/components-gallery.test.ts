// A gallery page of the built-in components in their WeChat looks. Every component must lay out with a
// size, and the screenshots land in out/screenshots/ for a person to look at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openComponentPage, setProps } from './components-harness';

const shots = fileURLToPath(new URL('../../out/screenshots/', import.meta.url));
let browser: Browser;
before(async () => {
  browser = await launchBrowser();
  await mkdir(shots, { recursive: true });
});
after(async () => {
  await browser.close();
});

const GALLERY_CSS = `
body { background: #ededed; }
.section { background: #fff; margin: 10px 0; padding: 12px 16px; }
.title { color: #888; font-size: 13px; margin: 0 0 8px; display: block; }
.row { display: flex; align-items: center; gap: 12px; flex-wrap: wrap; margin: 6px 0; }
.icons wx-icon { margin-right: 6px; }
.section > wx-button { margin-top: 12px; }
`;

const GALLERY_FORM = `
<wx-view class="section"><wx-text class="title">button</wx-text>
  <wx-button type="primary">主要操作 Normal</wx-button>
  <wx-button type="primary" loading>主要操作 Loading</wx-button>
  <wx-button type="primary" disabled>主要操作 Disabled</wx-button>
  <wx-button type="default">次要操作 Normal</wx-button>
  <wx-button type="warn">警告类操作 Normal</wx-button>
  <wx-view class="row"><wx-button type="primary" plain>按钮</wx-button><wx-button type="default" plain>按钮</wx-button></wx-view>
  <wx-view class="row"><wx-button type="primary" size="mini">按钮</wx-button><wx-button type="default" size="mini">按钮</wx-button><wx-button type="warn" size="mini">按钮</wx-button></wx-view>
</wx-view>
<wx-view class="section"><wx-text class="title">switch · checkbox · radio</wx-text>
  <wx-view class="row"><wx-switch checked></wx-switch><wx-switch></wx-switch><wx-switch type="checkbox" checked></wx-switch><wx-switch disabled checked></wx-switch></wx-view>
  <wx-checkbox-group class="row"><wx-checkbox value="a" checked>中国</wx-checkbox><wx-checkbox value="b">美国</wx-checkbox><wx-checkbox value="c" disabled checked>巴西</wx-checkbox></wx-checkbox-group>
  <wx-radio-group class="row"><wx-radio value="a" checked>日本</wx-radio><wx-radio value="b">英国</wx-radio><wx-radio value="c" disabled>法国</wx-radio></wx-radio-group>
</wx-view>
<wx-view class="section"><wx-text class="title">slider · progress</wx-text>
  <wx-slider value="40" show-value></wx-slider>
  <wx-slider value="60" active-color="#fa5151" block-size="20"></wx-slider>
  <wx-progress percent="20" show-info></wx-progress>
  <wx-progress percent="60" stroke-width="3" active-color="#10aeff"></wx-progress>
</wx-view>
<wx-view class="section"><wx-text class="title">input · textarea</wx-text>
  <wx-input placeholder="这是一个可以自动聚焦的input" style="border-bottom:1px solid #eee"></wx-input>
  <wx-input password value="secret" style="border-bottom:1px solid #eee; margin-top: 8px"></wx-input>
  <wx-textarea placeholder="多行输入" style="height:60px; margin-top:8px; background:#f7f7f7"></wx-textarea>
</wx-view>`;

const GALLERY_CONTENT = `
<wx-view class="section"><wx-text class="title">icon</wx-text>
  <wx-view class="row icons"><wx-icon type="success" size="40"></wx-icon><wx-icon type="success_no_circle" size="40"></wx-icon><wx-icon type="info" size="40"></wx-icon>
  <wx-icon type="warn" size="40"></wx-icon><wx-icon type="waiting" size="40"></wx-icon><wx-icon type="cancel" size="40"></wx-icon><wx-icon type="download" size="40"></wx-icon></wx-view>
  <wx-view class="row icons"><wx-icon type="search" size="40"></wx-icon><wx-icon type="clear" size="40"></wx-icon><wx-icon type="circle" size="40"></wx-icon><wx-icon type="info_circle" size="40"></wx-icon>
  <wx-icon type="success" size="20" color="#fa5151"></wx-icon></wx-view>
</wx-view>
<wx-view class="section"><wx-text class="title">text · rich-text</wx-text>
  <wx-text selectable space="emsp">a  b&nbsp;c</wx-text>
  <wx-rich-text id="rt"></wx-rich-text>
</wx-view>
<wx-view class="section"><wx-text class="title">swiper</wx-text>
  <wx-swiper indicator-dots style="height:120px">
    <wx-swiper-item style="background:#1aad19"></wx-swiper-item><wx-swiper-item style="background:#10aeff"></wx-swiper-item><wx-swiper-item style="background:#fa5151"></wx-swiper-item>
  </wx-swiper>
</wx-view>
<wx-view class="section"><wx-text class="title">picker-view</wx-text>
  <wx-picker-view id="pv" indicator-style="height: 40px" style="height:200px">
    <wx-picker-view-column>${Array.from({ length: 12 }, (_, i) => `<wx-view style="line-height:40px;text-align:center">${2015 + i}年</wx-view>`).join('')}</wx-picker-view-column>
    <wx-picker-view-column>${Array.from({ length: 12 }, (_, i) => `<wx-view style="line-height:40px;text-align:center">${i + 1}月</wx-view>`).join('')}</wx-picker-view-column>
  </wx-picker-view>
</wx-view>
<wx-view class="section"><wx-text class="title">navigator</wx-text>
  <wx-navigator url="/pages/a/a" style="padding:8px 0;color:#576b95">跳转到新页面</wx-navigator>
</wx-view>`;

async function everyComponentHasASize(page: Page): Promise<void> {
  const empty = (await page.evaluate(`Array.from(document.querySelectorAll('body *'))
    .filter((el) => el.localName.startsWith('wx-') && el.localName !== 'wx-swiper-item' && !el.closest('wx-swiper-item'))
    .filter((el) => { const r = el.getBoundingClientRect(); return r.width === 0 || r.height === 0; })
    .map((el) => el.localName)`)) as string[];
  assert.deepEqual(empty, []);
}

test('gallery: form components', async () => {
  const { page } = await openComponentPage(browser, GALLERY_FORM, GALLERY_CSS, { width: 375, height: 1000 });
  await page.waitForTimeout(200);
  await everyComponentHasASize(page);
  await page.screenshot({ path: `${shots}components-form.png`, fullPage: true });
  await page.close();
});

test('gallery: content and containers', async () => {
  const { page } = await openComponentPage(browser, GALLERY_CONTENT, GALLERY_CSS, { width: 375, height: 1000 });
  await setProps(page, '#rt', { nodes: '<div style="color:#576b95">rich <b>text</b> with <i>nodes</i></div>' });
  await setProps(page, '#pv', { value: [5, 2] });
  await page.waitForTimeout(300);
  await everyComponentHasASize(page);
  await page.screenshot({ path: `${shots}components-content.png`, fullPage: true });
  await page.close();
});

test('gallery: picker sheet in the v2 style', async () => {
  const { page } = await openComponentPage(browser, '<wx-picker id="p" mode="date" value="2024-05-20" header-text="选择日期" style="padding:16px;background:#fff">日期</wx-picker>', GALLERY_CSS);
  await page.evaluate(`document.documentElement.dataset.wxStyle = 'v2'`);
  await page.click('#p');
  await page.locator('#p >> .column').nth(2).hover();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}components-picker-v2.png` });
  await page.close();
});

test('gallery: picker sheet', async () => {
  const { page } = await openComponentPage(browser, '<wx-picker id="p" mode="region" style="padding:16px;background:#fff">选择地区</wx-picker>', GALLERY_CSS);
  await setProps(page, '#p', { value: ['广东省', '广州市', '海珠区'] });
  await page.click('#p');
  await page.locator('#p >> .column').nth(2).hover();
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${shots}components-picker.png` });
  await page.close();
});

const GALLERY_MEDIA = `
<wx-view class="section"><wx-text class="title">scroll-view (x)</wx-text>
  <wx-scroll-view scroll-x style="white-space:nowrap;width:100%">
    ${['#1aad19', '#10aeff', '#fa5151', '#ffc300', '#576b95'].map((c) => `<wx-view style="display:inline-block;width:120px;height:80px;background:${c};margin-right:8px"></wx-view>`).join('')}
  </wx-scroll-view>
</wx-view>
<wx-view class="section"><wx-text class="title">movable-area</wx-text>
  <wx-movable-area style="width:100%;height:100px;background:#f1f1f1"><wx-movable-view x="40" y="20" direction="all" style="width:60px;height:60px;background:#1aad19"></wx-movable-view></wx-movable-area>
</wx-view>
<wx-view class="section"><wx-text class="title">audio · video · map · camera</wx-text>
  <wx-audio controls name="此时此刻" author="许巍"></wx-audio>
  <wx-video style="width:100%;height:160px;margin-top:8px"></wx-video>
  <wx-map latitude="23.099994" longitude="113.324520" style="width:100%;height:120px;margin-top:8px"></wx-map>
  <wx-camera style="height:100px;margin-top:8px"></wx-camera>
</wx-view>`;

test('gallery: containers, media and native placeholders', async () => {
  const { page } = await openComponentPage(browser, GALLERY_MEDIA, GALLERY_CSS, { width: 375, height: 900 });
  await page.waitForTimeout(300);
  await everyComponentHasASize(page);
  await page.screenshot({ path: `${shots}components-media.png`, fullPage: true });
  await page.close();
});

test('gallery: app.json style v2', async () => {
  const { page } = await openComponentPage(browser, GALLERY_FORM, GALLERY_CSS, { width: 375, height: 1000 });
  await page.evaluate(`document.documentElement.dataset.wxStyle = 'v2'`);
  await page.waitForTimeout(100);
  await page.screenshot({ path: `${shots}components-form-v2.png`, fullPage: true });
  await page.close();
});
