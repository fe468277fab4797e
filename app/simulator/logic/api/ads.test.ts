import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createWx } from '../wx-api';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;
type Ad = Record<string, Fn>;

function simulatorWx() {
  const host = createTestHost();
  return { host, wx: createWx(host) as unknown as Record<string, Fn> };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
const NO_AD = (method: string) => ({ errMsg: `${method}:fail no ad in the simulator`, errCode: 1004 });

test('the wux-weapp wrapper pattern works: create, subscribe, and the automatic fetch fails through onError', async () => {
  const { wx, host } = simulatorWx();
  const ad = wx.createInterstitialAd!({ adUnitId: 'adunit-43f0133726683dec' }) as Ad;
  const heard: unknown[] = [];
  ad.onLoad!(() => heard.push('load'));
  ad.onError!((error: unknown) => heard.push(error));
  ad.onClose!((res: unknown) => heard.push(res));
  await tick();
  assert.deepEqual(heard, [NO_AD('load')]);
  assert.deepEqual(host.errors, []);
  const notices = host.posted.filter((m) => m.kind === 'log' && String(m.args[0]).includes('ads are simulated'));
  assert.equal(notices.length, 1);
});

test('show() and load() reject and onError hears the same failure; offError stops it', async () => {
  const { wx } = simulatorWx();
  const ad = wx.createInterstitialAd!({ adUnitId: 'adunit-1' }) as Ad;
  await tick();
  const heard: unknown[] = [];
  const listener = (error: unknown) => heard.push(error);
  ad.onError!(listener);
  await assert.rejects(ad.show!() as Promise<unknown>, (error) => (assert.deepEqual(error, NO_AD('show')), true));
  await tick();
  assert.deepEqual(heard, [NO_AD('show')]);
  ad.offError!(listener);
  await assert.rejects(ad.load!() as Promise<unknown>, (error) => (assert.deepEqual(error, NO_AD('load')), true));
  await tick();
  assert.deepEqual(heard, [NO_AD('show')]);
});

test('a rewarded video ad is one object per unit id until destroyed; destroy silences its listeners', async () => {
  const { wx } = simulatorWx();
  const first = wx.createRewardedVideoAd!({ adUnitId: 'adunit-r' }) as Ad;
  assert.equal(wx.createRewardedVideoAd!({ adUnitId: 'adunit-r' }), first);
  const heard: unknown[] = [];
  first.onError!((error: unknown) => heard.push(error));
  const shown = first.show!() as Promise<unknown>;
  first.destroy!();
  await assert.rejects(shown, (error) => (assert.deepEqual(error, NO_AD('show')), true));
  await tick();
  assert.deepEqual(heard, []);
  assert.notEqual(wx.createRewardedVideoAd!({ adUnitId: 'adunit-r' }), first);
});
