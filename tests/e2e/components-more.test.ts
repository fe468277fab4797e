// movable-view, canvas, page-meta, navigation-bar, root-portal, audio, web-view and the native placeholders.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { getProp, launchBrowser, openComponentPage, setProps } from './components-harness';

let browser: Browser;
let server: Server;
let origin = '';
before(async () => {
  browser = await launchBrowser();
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>inner</title><p>hello from the web-view page</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await browser.close();
  await new Promise((resolve) => server.close(resolve));
});

test('movable-view follows a drag inside its area and reports change {x, y, source}', async () => {
  const { page, events } = await openComponentPage(
    browser,
    `<wx-movable-area id="area" style="width:300px;height:200px;background:#eee"><wx-movable-view id="mv" direction="all" style="width:50px;height:50px;background:#1aad19"></wx-movable-view></wx-movable-area>`,
  );
  await page.waitForTimeout(50);
  const area = (await page.locator('#area').boundingBox())!;
  await page.mouse.move(area.x + 25, area.y + 25);
  await page.mouse.down();
  await page.mouse.move(area.x + 125, area.y + 75, { steps: 5 });
  await page.mouse.up();
  const box = (await page.locator('#mv').boundingBox())!;
  assert.deepEqual([box.x - area.x, box.y - area.y], [100, 50]);
  const last = (await events('change', 'mv')).at(-1)!.detail;
  assert.deepEqual(last, { x: 100, y: 50, source: 'touch' });
  // Past the edge it stops at the area's border.
  await page.mouse.move(area.x + 125, area.y + 75);
  await page.mouse.down();
  await page.mouse.move(area.x + 600, area.y + 75, { steps: 5 });
  await page.mouse.up();
  assert.equal((await page.locator('#mv').boundingBox())!.x - area.x, 250);
  // x/y set by the page move it too.
  await setProps(page, '#mv', { animation: false, x: 10, y: 20 });
  const moved = (await page.locator('#mv').boundingBox())!;
  assert.deepEqual([moved.x - area.x, moved.y - area.y], [10, 20]);
  await page.close();
});

test('canvas type="2d" exposes its real canvas node', async () => {
  const { page } = await openComponentPage(browser, '<wx-canvas id="c" type="2d" style="width:100px;height:50px"></wx-canvas>');
  const pixel = await page.evaluate(`(() => {
    const node = document.querySelector('#c').node;
    node.width = 10; node.height = 10;
    const ctx = node.getContext('2d');
    ctx.fillStyle = '#ff0000'; ctx.fillRect(0, 0, 10, 10);
    return Array.from(ctx.getImageData(5, 5, 1, 1).data);
  })()`);
  assert.deepEqual(pixel, [255, 0, 0, 255]);
  await page.close();
});

test('a legacy canvas replays recorded CanvasContext calls at the device pixel ratio', async () => {
  const { page } = await openComponentPage(browser, '<wx-canvas id="c" canvas-id="c1" style="width:100px;height:50px"></wx-canvas>');
  const svg = `data:image/svg+xml,${encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0000ff"/></svg>')}`;
  const result = (await page.evaluate(`(async () => {
    const el = document.querySelector('#c');
    const unknown = await el.drawActions([
      { method: 'setFillStyle', args: ['#ff0000'] },
      { method: 'fillRect', args: [0, 0, 10, 10] },
      { method: 'drawImage', args: [${JSON.stringify(svg)}, 20, 0, 10, 10] },
      { method: 'eval', args: ['window.hacked = 1'] },
    ]);
    const ctx = el.node.getContext('2d');
    const ratio = el.node.width / 100;
    return { unknown, ratio, red: Array.from(ctx.getImageData(5 * ratio, 5 * ratio, 1, 1).data), blue: Array.from(ctx.getImageData(25 * ratio, 5 * ratio, 1, 1).data), hacked: window.hacked };
  })()`)) as { unknown: string[]; ratio: number; red: number[]; blue: number[]; hacked: unknown };
  assert.deepEqual(result.unknown, ['eval']);
  assert.equal(result.ratio, 2);
  assert.deepEqual(result.red, [255, 0, 0, 255]);
  assert.deepEqual(result.blue, [0, 0, 255, 255]);
  assert.equal(result.hacked, undefined);
  await page.close();
});

test('page-meta and navigation-bar report their values to the document', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-page-meta id="pm" background-color="#ff0000" root-font-size="20px"><wx-navigation-bar id="nb" title="Hello" front-color="#ffffff"></wx-navigation-bar></wx-page-meta>');
  await page.waitForTimeout(50);
  await setProps(page, '#nb', { title: 'Changed', loading: true });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'navigationbar' && e.detail.title === 'Changed')`);
  const bar = (await events('navigationbar')).at(-1)!;
  assert.equal(bar.bubbles, true);
  assert.equal(bar.detail.loading, true);
  assert.equal(bar.detail.frontColor, '#ffffff');
  const meta = (await events('pagemeta')).at(-1)!.detail;
  assert.equal(meta.backgroundColor, '#ff0000');
  assert.equal(meta.rootFontSize, '20px');
  assert.equal(meta.scrollDuration, 300);
  await page.close();
});

test('root-portal lifts its content out of a clipping ancestor', async () => {
  const { page } = await openComponentPage(
    browser,
    `<wx-view style="width:10px;height:10px;overflow:hidden;transform:translateZ(0)"><wx-root-portal><wx-view id="popup" style="position:fixed;left:0;top:0;width:200px;height:100px;background:red">popup</wx-view></wx-root-portal></wx-view>`,
  );
  await page.waitForTimeout(50);
  const box = (await page.locator('#popup').boundingBox())!;
  assert.deepEqual([box.width, box.height], [200, 100]);
  assert.equal(await page.evaluate(`document.elementFromPoint(150, 50).id`), 'popup');
  await page.close();
});

/** A short silent WAV, so the audio element has something real to play. */
function silentWav(seconds: number): string {
  const rate = 8000;
  const samples = rate * seconds;
  const buffer = Buffer.alloc(44 + samples);
  buffer.write('RIFF', 0);
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write('WAVEfmt ', 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20);
  buffer.writeUInt16LE(1, 22);
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write('data', 36);
  buffer.writeUInt32LE(samples, 40);
  buffer.fill(128, 44);
  return `data:audio/wav;base64,${buffer.toString('base64')}`;
}

test('audio plays its source and fires play, timeupdate and ended', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-audio id="a" controls name="Tone" author="Me"></wx-audio>');
  await setProps(page, '#a', { src: silentWav(1) });
  await page.locator('#a >> .poster').click();
  await page.waitForFunction(`window.__events.some((e) => e.type === 'ended')`, undefined, { timeout: 10000 });
  assert.equal((await events('play', 'a')).length, 1);
  const update = (await events('timeupdate', 'a')).at(-1)!.detail;
  assert.equal(update.duration, 1);
  assert.equal(await page.locator('#a >> .audio-name').textContent(), 'Tone');
  await page.close();
});

test('web-view loads http pages in a sandbox and refuses other schemes', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-web-view id="w"></wx-web-view>');
  await setProps(page, '#w', { src: `${origin}/page` });
  await page.waitForFunction(`window.__events.some((e) => e.type === 'load')`);
  assert.deepEqual((await events('load', 'w'))[0]!.detail, { src: `${origin}/page` });
  const frame = page.frames().find((f) => f.url().startsWith(origin))!;
  assert.equal(await frame.locator('p').textContent(), 'hello from the web-view page');
  await setProps(page, '#w', { src: 'javascript:alert(1)' });
  assert.equal((await events('error', 'w')).length, 1);
  await page.close();
});

test('native-only components are labelled placeholders that fire only true events', async () => {
  const { page, events } = await openComponentPage(browser, '<wx-map id="m" latitude="39.9" longitude="116.4" style="width:300px;height:150px"></wx-map><wx-camera id="c"></wx-camera>');
  await page.waitForTimeout(50);
  assert.match(String(await page.locator('#m >> .detail').textContent()), /latitude: 39.9 · longitude: 116.4/);
  assert.equal((await events('updated', 'm')).length, 1);
  assert.match(String((await events('error', 'c'))[0]!.detail.errMsg), /camera/);
  assert.equal(await getProp(page, '#m', 'scale'), 16);
  await page.close();
});
