/// <reference lib="dom" />
// Audio in the real runtime: wx.createInnerAudioContext / wx.getBackgroundAudioManager in the logic Worker, played
// by the simulator window's <audio>; a missing file fails through onError.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { buildProject, cleanup, ensureWebBuild, launchBrowser, serve, simulatorLogs, simulatorUrl, waitReady, type BuiltProject } from './simulator-support';

/**
 * Half a second of near-silent 8 kHz 8-bit mono WAV. Every byte stays below 0x80 (sizes chosen for it, samples
 * 0x7f), so the text the project writer stores as UTF-8 is the file byte for byte.
 */
function quietWav(): string {
  const samples = 4112;
  const data = Buffer.alloc(44 + samples, 0x7f);
  data.write('RIFF', 0, 'ascii');
  data.writeUInt32LE(36 + samples, 4);
  data.write('WAVEfmt ', 8, 'ascii');
  data.writeUInt32LE(16, 16);
  data.writeUInt16LE(1, 20);
  data.writeUInt16LE(1, 22);
  data.writeUInt32LE(8000, 24);
  data.writeUInt32LE(8000, 28);
  data.writeUInt16LE(1, 32);
  data.writeUInt16LE(8, 34);
  data.write('data', 36, 'ascii');
  data.writeUInt32LE(samples, 40);
  if (data.some((byte) => byte > 0x7f)) throw new Error('the WAV fixture must be ASCII-safe');
  return data.toString('latin1');
}

const pageScript = `
  const results = {};
  const done = (key, value) => { results[key] = value; if (Object.keys(results).length === 3) console.log('RESULTS ' + JSON.stringify(results)); };
  Page({
    onLoad() {
      const sound = wx.createInnerAudioContext();
      sound.onCanplay(() => done('canplay', sound.duration > 0.45 && sound.duration < 0.6));
      sound.onError((e) => done('canplay', 'error ' + e.errCode));
      sound.src = '/assets/silence.wav';
      const missing = wx.createInnerAudioContext();
      missing.onError((e) => done('missing', typeof e.errMsg === 'string' && [10002, 10003, 10004].includes(e.errCode)));
      missing.src = '/assets/none.wav';
      const background = wx.getBackgroundAudioManager();
      done('background', background === wx.getBackgroundAudioManager() && typeof background.onPrev === 'function');
    },
  });`;

let browser: Browser;
let project: BuiltProject;
let server: Awaited<ReturnType<typeof serve>>;

before(async () => {
  ensureWebBuild();
  project = await buildProject({
    'app.json': JSON.stringify({ pages: ['pages/index/index'] }),
    'app.js': 'App({})',
    'pages/index/index.json': '{}',
    'pages/index/index.wxml': '<view>audio</view>',
    'pages/index/index.js': pageScript,
    'assets/silence.wav': quietWav(),
  });
  server = await serve(project.outDir);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  project?.compiler.dispose();
  if (project) await cleanup(project.dir);
});

test('an InnerAudioContext loads a package sound in the simulator window; a missing one fails through onError', async () => {
  const page = await browser.newPage();
  await page.goto(simulatorUrl(server.origin));
  await waitReady(page, 'pages/index/index');
  await page.waitForFunction(() => (window.ministudio as unknown as { logs(): { text: string }[] }).logs().some((l) => l.text.startsWith('RESULTS ')), undefined, { timeout: 20000 });
  const logs = await simulatorLogs(page);
  const results = JSON.parse(logs.find((l) => l.startsWith('RESULTS '))!.slice('RESULTS '.length)) as Record<string, unknown>;
  assert.deepEqual(results, { canplay: true, missing: true, background: true });
  await page.close();
});
