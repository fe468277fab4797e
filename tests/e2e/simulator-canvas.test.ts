/// <reference lib="dom" />
// Canvas and WXS descriptors in the real runtime: a legacy wx.createCanvasContext drawing replayed on the view's
// <canvas canvas-id>, a <canvas type="2d"> node drawn in the logic Worker, and WXS ownerInstance/getState/callMethod.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { simulatorLogs, simulatorUrl, topFrame, waitReady, type BuiltProject, startServedProject, stopServedProject, type Served } from './simulator-support';

const pageScript = `
  const results = {};
  const done = (key, value) => { results[key] = value; if (Object.keys(results).length === 4) console.log('RESULTS ' + JSON.stringify(results)); };
  Page({
    data: { v: 1, taps: 0 },
    report(n) { this.setData({ taps: n }); },
    onTouch(e) { console.log('TOUCH ' + Math.round(e.touches[0].x) + ',' + Math.round(e.touches[0].y)); },
    onReady() {
      const ctx = wx.createCanvasContext('legacy');
      ctx.setFillStyle('#ff0000');
      ctx.fillRect(0, 0, 50, 50);
      const gradient = ctx.createLinearGradient(50, 0, 100, 0);
      gradient.addColorStop(0, '#00ff00');
      gradient.addColorStop(1, '#00ff00');
      ctx.setFillStyle(gradient);
      ctx.fillRect(50, 0, 50, 50);
      ctx.setFontSize(20);
      const width = ctx.measureText('Mini').width;
      ctx.draw(false, () => {
        wx.canvasGetImageData({ canvasId: 'legacy', x: 0, y: 0, width: 100, height: 50 }).then((image) => {
          const at = (x, y) => Array.from(image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 4)).join(',');
          done('legacy', { size: image.width + 'x' + image.height, left: at(10, 10), right: at(80, 10), measured: width > 20 && width < 80 });
          return wx.canvasToTempFilePath({ canvasId: 'legacy', destWidth: 40, destHeight: 20 });
        }).then((file) => wx.getImageInfo({ src: file.tempFilePath })).then((info) => done('exported', info.width + 'x' + info.height + ' ' + info.type),
          (e) => done('exported', 'failed ' + (e.errMsg || e.message)));
      });
      wx.createSelectorQuery().select('#surface').fields({ node: true, size: true }).exec((res) => {
        const canvas = res[0].node;
        canvas.width = 100;
        canvas.height = 50;
        const c = canvas.getContext('2d');
        c.fillStyle = '#0000ff';
        c.fillRect(0, 0, 100, 50);
        done('node', { size: res[0].width + 'x' + res[0].height, dataUrl: canvas.toDataURL().slice(0, 22), image: typeof canvas.createImage().onload });
        // TDesign's watermark pattern: the node's data URL as a CSS background
        this.setData({ bg: "background-image: url('" + canvas.toDataURL() + "'); width: 100px; height: 50px" });
        // an offscreen canvas exported to a file, loaded back as an image of the node
        const off = wx.createOffscreenCanvas({ type: '2d', width: 4, height: 2 });
        const o = off.getContext('2d');
        o.fillStyle = '#ff0000';
        o.fillRect(0, 0, 4, 2);
        wx.canvasToTempFilePath({ canvas: off }).then((file) => {
          const image = canvas.createImage();
          image.onload = () => {
            c.drawImage(image, 0, 0, 10, 10);
            done('offscreen', image.width + 'x' + image.height + ' ' + Array.from(c.getImageData(5, 5, 1, 1).data).join(','));
          };
          image.onerror = (e) => done('offscreen', 'image error ' + e.errMsg);
          image.src = file.tempFilePath;
        }, (e) => done('offscreen', 'failed ' + e.errMsg));
      });
    },
  });`;

const files = {
  'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
  'app.js': 'App({})',
  'pages/index/index.json': '{}',
  'pages/index/index.wxml': `
    <wxs module="w">module.exports = {
      paint: function (value, old, owner, ins) { ins.setStyle({ color: 'rgb(255, 0, 0)' }); owner.getState().seen = value; },
      tap: function (event, owner) { var state = owner.getState(); state.n = (state.n || 0) + 1; owner.callMethod('report', state.n * 10 + state.seen); }
    }</wxs>
    <canvas canvas-id="legacy" style="width: 100px; height: 50px" bindtouchstart="onTouch"></canvas>
    <canvas type="2d" id="surface" style="width: 100px; height: 50px"></canvas>
    <view id="bg" style="{{bg}}"></view>
    <view id="wxs" change:v="{{w.paint}}" v="{{v}}" bindtap="{{w.tap}}">taps {{taps}}</view>`,
  'pages/index/index.js': pageScript,
};

let browser: Browser;
let project: BuiltProject;
let server: Served;

before(async () => ({ built: project, server, browser } = await startServedProject(files)));
after(() => stopServedProject({ built: project, server, browser }));

/** RGBA of one bitmap pixel of a canvas in the page view, at CSS px (x, y). */
function pixelScript(index: number, x: number, y: number): string {
  return `(() => {
    const host = document.querySelectorAll('wx-canvas')[${index}];
    const canvas = host.shadowRoot.querySelector('canvas');
    const ratio = canvas.width / host.clientWidth;
    return Array.from(canvas.getContext('2d').getImageData(Math.floor(${x} * ratio), Math.floor(${y} * ratio), 1, 1).data).join(',');
  })()`;
}

test('a legacy CanvasContext draws on <canvas canvas-id>, a type="2d" node draws from the Worker, and WXS descriptors keep state', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/index/index');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('RESULTS ')), undefined, { timeout: 20000 });
  const logs = await simulatorLogs(page);
  const results = JSON.parse(logs.find((l) => l.startsWith('RESULTS '))!.slice('RESULTS '.length)) as Record<string, unknown>;
  assert.deepEqual(results, {
    legacy: { size: '100x50', left: '255,0,0,255', right: '0,255,0,255', measured: true },
    exported: '40x20 png',
    node: { size: '100x50', dataUrl: 'data:image/png;base64,', image: 'object' },
    offscreen: '4x2 255,0,0,255',
  });

  const frame = await topFrame(page);
  assert.equal(await frame.evaluate(pixelScript(0, 10, 10)), '255,0,0,255');
  assert.equal(await frame.evaluate(pixelScript(0, 80, 40)), '0,255,0,255');
  await frame.waitForFunction(pixelScript(1, 50, 25) + " === '0,0,255,255'", undefined, { timeout: 5000 });

  // the data URL decodes to the node's pixels
  const background = await frame.evaluate(async () => {
    const url = /url\("(.*)"\)/.exec(getComputedStyle(document.querySelector('#bg')!).backgroundImage)?.[1] ?? '';
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(image, 0, 0);
    return `${image.width}x${image.height} ${Array.from(ctx.getImageData(50, 25, 1, 1).data).join(',')}`;
  });
  assert.equal(background, '100x50 0,0,255,255');

  // WXS: the change:v observer styled its node; each tap counts in ownerInstance.getState() and calls the page.
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('#wxs')!).color), 'rgb(255, 0, 0)');
  await frame.click('#wxs');
  await frame.waitForFunction(() => document.querySelector('#wxs')?.textContent?.trim() === 'taps 11');
  await frame.click('#wxs');
  await frame.waitForFunction(() => document.querySelector('#wxs')?.textContent?.trim() === 'taps 21');
  // canvas touches carry x/y in the canvas's own coordinates
  await frame.click('wx-canvas'); // the centre, whatever the simulator's zoom
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('TOUCH ')));
  const touch = (await simulatorLogs(page)).find((l) => l.startsWith('TOUCH '));
  assert.equal(touch, 'TOUCH 50,25');
  assert.deepEqual(logs.filter((l) => /error|not supported/i.test(l)), []);
  await page.close();
});
