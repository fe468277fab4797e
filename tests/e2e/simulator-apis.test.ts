/// <reference lib="dom" />
// The wx.* API families inside the real runtime (storage, animation, files, network, location, images, …): a mini-program calls them in the logic Worker of headless
// Chromium, and `ft` is the same object in a FinClip project.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { buildProject, cleanup, ensureWebBuild, launchBrowser, serve, simulatorUrl, topFrame, waitReady, type BuiltProject } from './simulator-support';

const probeScript = (api: 'wx' | 'ft') => `
  const results = {};
  const record = (name, value) => { results[name] = value; };
  async function run(apiServer) {
    ${api}.setStorageSync('profile', { name: '小明' });
    record('storage', (await ${api}.getStorage({ key: 'profile' })).data.name);
    try { ${api}.setStorageSync('big', 'x'.repeat(1024 * 1024 + 1)); record('storageLimit', 'stored'); } catch (e) { record('storageLimit', e.message.split(' (')[0]); }
    const animation = ${api}.createAnimation({ duration: 300 });
    animation.translateX(20).opacity(0.5).step();
    record('animation', JSON.stringify(animation.export()));
    const fs = ${api}.getFileSystemManager();
    // Files in the user directory survive a relaunch: give the saved copy a moment to load.
    await new Promise((resolve) => setTimeout(resolve, 50));
    record('persisted', (() => { try { return fs.readFileSync(${api}.env.USER_DATA_PATH + '/notes/a.txt', 'utf8'); } catch (e) { return 'none'; } })());
    try { fs.accessSync(${api}.env.USER_DATA_PATH + '/notes'); } catch (e) { fs.mkdirSync(${api}.env.USER_DATA_PATH + '/notes', true); }
    fs.writeFileSync(${api}.env.USER_DATA_PATH + '/notes/a.txt', '你好', 'utf8');
    record('fs', fs.readFileSync(${api}.env.USER_DATA_PATH + '/notes/a.txt', 'utf8') + ' ' + fs.readdirSync(${api}.env.USER_DATA_PATH + '/notes').join(','));
    await new Promise((resolve) => fs.readFile({ filePath: ${api}.env.USER_DATA_PATH + '/none', fail: (r) => { record('fsError', r.errMsg); resolve(); } }));
    record('canIUse', [${api}.canIUse('request.object.method'), ${api}.canIUse('openBluetoothAdapter'), ${api}.canIUse('button.open-type.contact')].join(','));
    const response = await ${api}.request({ url: apiServer + '/hello', data: { who: 'sim' } });
    record('request', response.statusCode + ' ' + JSON.stringify(response.data));
    const download = await ${api}.downloadFile({ url: apiServer + '/hello' });
    record('download', fs.readFileSync(download.tempFilePath, 'utf8'));
    const location = await ${api}.getLocation({ type: 'gcj02' });
    record('location', location.latitude.toFixed(2) + ',' + location.longitude.toFixed(2));
    record('login', (await ${api}.login()).code.startsWith('simulated_'));
    record('unsupported', await ${api}.openBluetoothAdapter().then(() => 'ok', (r) => r.errMsg.split(':').slice(0, 2).join(':')));
    record('cloud', await ${api}.cloud.callFunction({ name: 'f' }).then(() => 'ok', (r) => r.errMsg.split(':').slice(0, 2).join(':')));
    record('nextTick', await new Promise((resolve) => ${api}.nextTick(() => resolve('ran'))));
    const image = await ${api}.getImageInfo({ src: apiServer + '/pixel.png' });
    record('image', image.width + 'x' + image.height + ' ' + image.type + ' ' + image.path.startsWith('wxfile://tmp_'));
    const saved = await ${api}.downloadFile({ url: apiServer + '/pixel.png' });
    record('imageFile', (await ${api}.getImageInfo({ src: saved.tempFilePath })).width);
  }
  Page({
    data: { done: '' },
    pay() {
      ${api}.requestPayment({ timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx42', paySign: 's', signType: 'RSA' })
        .then((r) => console.log('PAY ' + r.errMsg), (r) => console.log('PAY ' + r.errMsg));
    },
    copy() { ${api}.setClipboardData({ data: 'copied!' }); },
    onLoad(query) {
      run(decodeURIComponent(query.api)).then(
        () => { console.log('RESULTS ' + JSON.stringify(results)); this.setData({ done: 'yes' }); },
        (e) => { console.log('FAILED ' + (e && (e.errMsg || e.message))); this.setData({ done: 'failed' }); },
      );
    },
  });`;

function project(api: 'wx' | 'ft'): Record<string, string> {
  const ext = api === 'wx' ? { markup: 'wxml' } : { markup: 'fxml' };
  return {
    'app.json': JSON.stringify({ pages: ['pages/index/index'], requiredPrivateInfos: ['getLocation'] }),
    'app.js': 'App({})',
    'pages/index/index.json': '{}',
    [`pages/index/index.${ext.markup}`]: '<view id="done">{{done}}</view><view id="pay" bindtap="pay">pay</view><view id="copy" bindtap="copy">copy</view>',
    'pages/index/index.js': probeScript(api),
  };
}

/** A width×height grey PNG, encoded by hand (8-bit greyscale, no filter). */
function tinyPng(width: number, height: number): Buffer {
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
  header.set([8, 0, 0, 0, 0], 8);
  const rows = Buffer.concat(Array.from({ length: height }, () => Buffer.from([0, ...Array<number>(width).fill(128)])));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

let apiServer: Server;
let apiOrigin = '';
let browser: Browser;
const built: BuiltProject[] = [];
const servers: Awaited<ReturnType<typeof serve>>[] = [];

before(async () => {
  ensureWebBuild();
  // A cross-origin API server that allows the simulator, as a real backend must for the direct path.
  apiServer = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/pixel.png') return void res.writeHead(200, { 'content-type': 'image/png' }).end(tinyPng(3, 2));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ hello: url.searchParams.get('who') ?? 'nobody' }));
  });
  await new Promise<void>((resolve) => apiServer.listen(0, '127.0.0.1', resolve));
  apiOrigin = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of servers) await s.close();
  for (const p of built) {
    p.compiler.dispose();
    await cleanup(p.dir);
  }
  apiServer.closeAllConnections();
  await new Promise<void>((resolve) => apiServer.close(() => resolve()));
});

async function runProbe(api: 'wx' | 'ft'): Promise<{ results: Record<string, unknown>; page: Page }> {
  const p = await buildProject(project(api));
  built.push(p);
  const server = await serve(p.outDir);
  servers.push(server);
  const page = await browser.newPage();
  // Subscribe to the host's network events as soon as main.ts publishes window.ministudio (before the package loads).
  await page.addInitScript(() => {
    const seen: unknown[] = [];
    Object.defineProperty(window, '__network', { value: seen });
    const timer = setInterval(() => {
      const automation = (window as unknown as { ministudio?: { host: { on(event: string, fn: (e: unknown) => void): void } } }).ministudio;
      if (!automation) return;
      clearInterval(timer);
      automation.host.on('network', (e) => seen.push(e));
    }, 1);
  });
  await page.goto(simulatorUrl(server.origin, { query: `api=${encodeURIComponent(apiOrigin)}` }));
  await waitReady(page, 'pages/index/index');
  await page.waitForFunction(
    () => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => /^(RESULTS|FAILED) /.test(l.text)),
    undefined,
    { timeout: 20000 },
  );
  const logs = await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  const line = logs.find((l) => /^(RESULTS|FAILED) /.test(l))!;
  assert.ok(line.startsWith('RESULTS '), `${line}\n${logs.join('\n')}`);
  return { results: JSON.parse(line.slice('RESULTS '.length)) as Record<string, unknown>, page };
}

const expected = {
  persisted: 'none',
  storage: '小明',
  storageLimit: 'setStorageSync:fail exceed storage item max length',
  animation: JSON.stringify({
    actions: [
      {
        animates: [
          { type: 'translateX', args: [20] },
          { type: 'style', args: ['opacity', 0.5] },
        ],
        option: { transformOrigin: '50% 50% 0', transition: { duration: 300, timingFunction: 'linear', delay: 0 } },
      },
    ],
  }),
  fs: '你好 a.txt',
  fsError: 'readFile:fail no such file or directory, open wxfile://usr/none',
  canIUse: 'true,false,true',
  request: '200 {"hello":"sim"}',
  download: '{"hello":"nobody"}',
  location: '39.91,116.40',
  login: true,
  unsupported: 'openBluetoothAdapter:fail not supported in the Mini Studio simulator',
  cloud: 'cloud:fail simulated environment',
  nextTick: 'ran',
  image: '3x2 png true',
  imageFile: 3,
};

test('a WeChat mini-program uses storage, animation, files, network, location, login and canIUse through wx', async () => {
  const { results, page } = await runProbe('wx');
  assert.deepEqual(results, expected);
  // The host saw the storage write and both HTTP exchanges (the IDE's Storage and Network panels).
  const stored = await page.evaluate(() => (window.ministudio.host as unknown as { storage(): { key: string; value: unknown }[] }).storage());
  assert.deepEqual(stored.find((e) => e.key === 'profile')?.value, { name: '小明' });
  const network = (await page.evaluate(() => (window as unknown as { __network: { phase: string; method: string; url: string; status?: number }[] }).__network)).map(
    (e) => `${e.phase} ${e.method} ${e.url.replace(apiOrigin, '')}${e.status ? ` ${e.status}` : ''}`,
  );
  assert.deepEqual(network, [
    'request GET /hello?who=sim',
    'response GET /hello?who=sim 200',
    'request GET /hello',
    'response GET /hello 200',
    'request GET /pixel.png',
    'response GET /pixel.png 200',
  ]);
  await page.close();
});

test('files in the user directory survive a relaunch (what a JS edit does)', async () => {
  const { page } = await runProbe('wx');
  await page.evaluate(() => (window.ministudio.host as unknown as { relaunch(): Promise<void> }).relaunch());
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => /^(RESULTS|FAILED) /.test(l.text)).length === 2, undefined, { timeout: 20000 });
  const logs = await page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  const second = logs.filter((l) => /^(RESULTS|FAILED) /.test(l))[1]!;
  assert.ok(second.startsWith('RESULTS '), second);
  assert.equal((JSON.parse(second.slice('RESULTS '.length)) as { persisted: string }).persisted, '你好');
  await page.close();
});

test('requestPayment asks in the simulator’s own dialog; setClipboardData shows WeChat’s toast', async () => {
  const { page } = await runProbe('wx');
  const frame = await topFrame(page);
  const logs = () => page.evaluate(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().map((l) => l.text));
  await frame.click('#pay');
  await page.waitForSelector('.ms-modal');
  assert.equal(await page.textContent('.ms-modal-content'), 'prepay_id=wx42');
  await page.click('.ms-modal-buttons button:not(.ms-modal-confirm)');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('PAY ')));
  assert.ok((await logs()).includes('PAY requestPayment:fail cancel'));
  await frame.click('#pay');
  await page.click('.ms-modal-confirm');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().filter((l) => l.text.startsWith('PAY ')).length === 2);
  assert.ok((await logs()).includes('PAY requestPayment:ok'));
  // The toast lasts 1.5 s: record what it shows rather than racing to look at it.
  await page.evaluate(() => {
    const shown: string[] = [];
    (window as unknown as { __toasts: string[] }).__toasts = shown;
    const toast = document.querySelector('.ms-toast')!;
    new MutationObserver(() => {
      if (!(toast as HTMLElement).hidden) shown.push(toast.textContent ?? '');
    }).observe(toast, { attributes: true, childList: true, subtree: true });
  });
  await frame.click('#copy');
  await page.waitForFunction(() => (window as unknown as { __toasts: string[] }).__toasts.includes('内容已复制'));
  await page.close();
});

test('a FinClip mini-program gets the same API families as ft', async () => {
  const { results, page } = await runProbe('ft');
  assert.deepEqual(results, expected);
  await page.close();
});
