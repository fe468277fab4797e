import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveObjectURL } from 'node:buffer';
import { apiMaker } from './api-maker';
import { createPlatformApi } from './platform';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;

function platform() {
  const host = createTestHost();
  return { host, wx: createPlatformApi(host, apiMaker(host)) as Record<string, Fn> };
}

test('the simulator is always in the default API category and has no Skyline', async () => {
  const { wx } = platform();
  assert.equal(wx.getApiCategory!(), 'default');
  assert.equal(wx.isVKSupport!('v2'), false);
  assert.equal(wx.checkIsPictureInPictureActive!(), false);
  assert.deepEqual(wx.getExtConfigSync!(), {});
  assert.deepEqual(await wx.getExtConfig!(), { extConfig: {}, errMsg: 'getExtConfig:ok' });
  assert.equal((wx.getSkylineInfoSync!() as { isSupported: boolean }).isSupported, false);
  assert.equal(((await wx.getSkylineInfo!()) as { errMsg: string }).errMsg, 'getSkylineInfo:ok');
});

test('createBufferURL makes a blob: URL holding the bytes; revokeBufferURL releases it', async () => {
  const { wx } = platform();
  const url = wx.createBufferURL!(new Uint8Array([1, 2, 3]).buffer) as string;
  assert.match(url, /^blob:/);
  assert.deepEqual([...new Uint8Array(await resolveObjectURL(url)!.arrayBuffer())], [1, 2, 3]);
  wx.revokeBufferURL!(url);
  assert.equal(resolveObjectURL(url), undefined);
  assert.throws(() => wx.createBufferURL!('text'), /should be an ArrayBuffer/);
});

test('requestIdleCallback runs once with a deadline; cancelIdleCallback stops it', async () => {
  const { wx } = platform();
  const ran: string[] = [];
  wx.requestIdleCallback!((deadline: { didTimeout: boolean; timeRemaining(): number }) => ran.push(`a ${deadline.didTimeout} ${deadline.timeRemaining() >= 0}`));
  const cancelled = wx.requestIdleCallback!(() => ran.push('b'));
  wx.cancelIdleCallback!(cancelled);
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(ran, ['a false true']);
});

test('reportPerformance is logged; bad arguments throw a clear error', () => {
  const { wx, host } = platform();
  wx.reportPerformance!(1101, 680);
  assert.deepEqual(host.posted.at(-1), { kind: 'log', level: 'info', args: ['[simulator] wx.reportPerformance: 1101 = 680'] });
  assert.throws(() => wx.reportPerformance!('x', 1), /reportPerformance:fail parameter error/);
});
