import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { WorkerToHost } from '../../protocol';
import { apiMaker } from './api-maker';
import { createAppEventsApi } from './app-events';
import { createCloudApi } from './cloud';
import { createDeviceApi } from './device';
import { createLocationApi } from './location';
import { createManagersApi } from './managers';
import { createOpenApi } from './open-api';
import { SimulatedDevice, listenForSimulateMessages } from './simulated-device';
import { createTestHost, TEST_METRICS, type TestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;

function withAppJson(host: TestHost, appJson: Record<string, unknown>): TestHost {
  return { ...host, manifest: { ...host.manifest, appJson } as TestHost['manifest'] };
}

/** Answers the next showModal the families post, as the developer would in the simulator. */
function answerModal(host: TestHost, confirm: boolean): Promise<Extract<WorkerToHost, { kind: 'ui' }>['action']> {
  return new Promise((resolve) => {
    const post = host.post;
    host.post = (message) => {
      post(message);
      if (message.kind === 'ui' && message.action.type === 'showModal') {
        host.post = post;
        const action = message.action;
        queueMicrotask(() => {
          host.modalCallbacks.get(action.callId)?.(confirm);
          resolve(action);
        });
      }
    };
  });
}

test('getLocation needs requiredPrivateInfos, then answers the simulated position in wgs84 or gcj02', async () => {
  const bare = createTestHost();
  const device = new SimulatedDevice();
  const denied = createLocationApi(bare, apiMaker(bare), device) as Record<string, Fn>;
  await assert.rejects(denied.getLocation!() as Promise<unknown>, { errMsg: 'getLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json' });
  const host = withAppJson(createTestHost(), { requiredPrivateInfos: ['getLocation', 'onLocationChange', 'startLocationUpdate'] });
  const wx = createLocationApi(host, apiMaker(host), device) as Record<string, Fn>;
  const wgs = (await wx.getLocation!()) as { latitude: number; longitude: number };
  assert.deepEqual([wgs.latitude, wgs.longitude], [39.90734, 116.39105]);
  const gcj = (await wx.getLocation!({ type: 'gcj02' })) as { latitude: number; longitude: number };
  // GCJ-02 shifts Beijing by roughly +0.0014° latitude and +0.0062° longitude.
  assert.ok(Math.abs(gcj.latitude - wgs.latitude - 0.0014) < 0.0005, String(gcj.latitude));
  assert.ok(Math.abs(gcj.longitude - wgs.longitude - 0.0062) < 0.0005, String(gcj.longitude));
});

test('a simulate message moves the phone; onLocationChange hears it while updates run', async () => {
  const host = withAppJson(createTestHost(), { requiredPrivateInfos: ['getLocation', 'onLocationChange', 'startLocationUpdate'] });
  const device = new SimulatedDevice();
  const scope = new EventTarget();
  listenForSimulateMessages(scope, device);
  const wx = createLocationApi(host, apiMaker(host), device) as Record<string, Fn>;
  const heard: number[] = [];
  wx.onLocationChange!((r: { latitude: number }) => heard.push(Math.round(r.latitude)));
  await wx.startLocationUpdate!();
  scope.dispatchEvent(new MessageEvent('message', { data: { kind: 'simulate', patch: { location: { latitude: 31.23, longitude: 121.47 } } } }));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(heard, [40, 31]);
  await wx.stopLocationUpdate!();
  device.apply({ location: { latitude: 22.5 } });
  assert.deepEqual(heard, [40, 31]);
  assert.equal(((await wx.getLocation!()) as { latitude: number }).latitude, 22.5);
});

test('network type, battery and clipboard come from the simulated phone; setClipboardData shows the copied toast', async () => {
  const host = createTestHost();
  const device = new SimulatedDevice();
  const wx = createDeviceApi(host, apiMaker(host), device) as Record<string, Fn>;
  assert.equal(((await wx.getNetworkType!()) as { networkType: string }).networkType, 'wifi');
  const changes: unknown[] = [];
  wx.onNetworkStatusChange!((r: unknown) => changes.push(r));
  device.apply({ networkType: 'none' });
  assert.deepEqual(changes, [{ isConnected: false, networkType: 'none' }]);
  assert.deepEqual(wx.getBatteryInfoSync!(), { level: 100, isCharging: false });
  await wx.setClipboardData!({ data: 'copied text' });
  assert.deepEqual(host.posted.at(-1), { kind: 'ui', action: { type: 'showToast', title: '内容已复制', icon: 'none', duration: 1500 } });
  assert.equal(((await wx.getClipboardData!()) as { data: string }).data, 'copied text');
  await assert.rejects(wx.setClipboardData!({ data: 42 }) as Promise<unknown>, { errMsg: 'setClipboardData:fail parameter error: parameter.data should be String' });
});

test('makePhoneCall asks in the simulator: Call succeeds, Cancel fails with cancel', async () => {
  const host = createTestHost();
  const wx = createDeviceApi(host, apiMaker(host), new SimulatedDevice()) as Record<string, Fn>;
  const modal = answerModal(host, true);
  assert.deepEqual(await wx.makePhoneCall!({ phoneNumber: '10086' }), { errMsg: 'makePhoneCall:ok' });
  assert.equal(((await modal) as { title: string }).title, '10086');
  answerModal(host, false);
  await assert.rejects(wx.makePhoneCall!({ phoneNumber: '10086' }) as Promise<unknown>, { errMsg: 'makePhoneCall:fail cancel' });
});

test('login returns a simulated code and says so in the console', async () => {
  const host = createTestHost();
  const wx = createOpenApi(host, apiMaker(host)) as Record<string, Fn>;
  const res = (await wx.login!()) as { code: string; errMsg: string };
  assert.match(res.code, /^simulated_[a-z0-9]+$/);
  const notice = host.posted.find((m) => m.kind === 'log') as unknown as { args: string[] };
  assert.match(notice.args[0]!, /\[simulator\] wx\.login: returned the simulated code/);
});

test('authorize asks once and remembers; a denied scope stays denied until openSetting', async () => {
  const host = createTestHost();
  const wx = createOpenApi(host, apiMaker(host)) as Record<string, Fn>;
  answerModal(host, false);
  await assert.rejects(wx.authorize!({ scope: 'scope.userLocation' }) as Promise<unknown>, { errMsg: 'authorize:fail auth deny' });
  await assert.rejects(wx.authorize!({ scope: 'scope.userLocation' }) as Promise<unknown>, { errMsg: 'authorize:fail auth deny' });
  assert.deepEqual(((await wx.getSetting!()) as { authSetting: unknown }).authSetting, { 'scope.userLocation': false });
  await wx.openSetting!();
  answerModal(host, true);
  await wx.authorize!({ scope: 'scope.userLocation' });
  assert.deepEqual(((await wx.getSetting!()) as { authSetting: unknown }).authSetting, { 'scope.userLocation': true });
  await assert.rejects(wx.authorize!({ scope: 'scope.nonsense' }) as Promise<unknown>, { errMsg: 'authorize:fail invalid scope scope.nonsense' });
});

test('requestPayment checks its parameters and follows the developer’s answer', async () => {
  const host = createTestHost();
  const wx = createOpenApi(host, apiMaker(host)) as Record<string, Fn>;
  await assert.rejects(wx.requestPayment!({ timeStamp: '1' }) as Promise<unknown>, { errMsg: 'requestPayment:fail parameter error: parameter.nonceStr should be String' });
  const order = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', paySign: 's', signType: 'RSA' };
  answerModal(host, true);
  assert.deepEqual(await wx.requestPayment!(order), { errMsg: 'requestPayment:ok' });
  answerModal(host, false);
  await assert.rejects(wx.requestPayment!(order) as Promise<unknown>, { errMsg: 'requestPayment:fail cancel' });
});

test('requestSubscribeMessage answers every template id', async () => {
  const host = createTestHost();
  const wx = createOpenApi(host, apiMaker(host)) as Record<string, Fn>;
  answerModal(host, true);
  assert.deepEqual(await wx.requestSubscribeMessage!({ tmplIds: ['a', 'b'] }), { a: 'accept', b: 'accept', errMsg: 'requestSubscribeMessage:ok' });
  answerModal(host, false);
  assert.deepEqual(await wx.requestSubscribeMessage!({ tmplIds: ['a'] }), { a: 'reject', errMsg: 'requestSubscribeMessage:ok' });
});

test('getUserProfile needs desc and the developer’s consent', async () => {
  const host = createTestHost();
  const wx = createOpenApi(host, apiMaker(host)) as Record<string, Fn>;
  await assert.rejects(wx.getUserProfile!({}) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('getUserProfile:fail parameter error'));
  answerModal(host, true);
  const res = (await wx.getUserProfile!({ desc: 'show your name' })) as { userInfo: { nickName: string } };
  assert.equal(res.userInfo.nickName, '微信用户');
});

test('wx.cloud: init works, database queries chain, calls fail with the simulated-environment message', async () => {
  const host = createTestHost();
  const { cloud } = createCloudApi(host, apiMaker(host)) as { cloud: Record<string, Fn> };
  cloud.init!({ env: 'prod-1' });
  await assert.rejects(cloud.callFunction!({ name: 'sum' }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('cloud:fail simulated environment: wx.cloud.callFunction'));
  const db = cloud.database!() as { collection(name: string): Record<string, Fn>; command: Record<string, Fn> };
  const query = db.collection('todos').where!({ done: db.command.eq!(false) }) as Record<string, Fn>;
  const failure = await new Promise<string>((resolve) => (query.orderBy!('at', 'desc') as Record<string, Fn>).get!({ fail: (r: { errMsg: string }) => resolve(r.errMsg) }));
  assert.match(failure, /^cloud:fail simulated environment: database collection\("todos"\)\.get\(\)/);
});

test('log managers write to the IDE console; the update manager reports no update', async () => {
  const host = createTestHost();
  const wx = createManagersApi(host) as Record<string, Fn>;
  (wx.getLogManager!({ level: 1 }) as Record<string, Fn>).log!('hidden');
  (wx.getLogManager!({ level: 1 }) as Record<string, Fn>).warn!('shown', { a: 1 });
  const tagged = (wx.getRealtimeLogManager!() as Record<string, Fn>).tag!('pay') as Record<string, Fn>;
  tagged.error!('boom');
  assert.deepEqual(host.posted, [
    { kind: 'log', level: 'warn', args: ['[LogManager]', 'shown', { a: 1 }] },
    { kind: 'log', level: 'error', args: ['[RealtimeLog:pay]', 'boom'] },
  ]);
  const update = await new Promise((resolve) => (wx.getUpdateManager!() as Record<string, Fn>).onCheckForUpdate!(resolve));
  assert.deepEqual(update, { hasUpdate: false });
});

test('app events: show/hide from host messages, theme and resize from metrics, uncaught errors and rejections', () => {
  const host = createTestHost();
  const scope = new EventTarget();
  const wx = createAppEventsApi(host, scope) as Record<string, Fn>;
  const heard: string[] = [];
  const onShow = (r: { path: string }) => heard.push(`show ${r.path}`);
  wx.onAppShow!(onShow);
  wx.onAppHide!(() => heard.push('hide'));
  wx.onThemeChange!((r: { theme: string }) => heard.push(`theme ${r.theme}`));
  wx.onWindowResize!((r: { size: { windowWidth: number } }) => heard.push(`resize ${r.size.windowWidth}`));
  wx.onError!((message: string) => heard.push(`error ${message.split('\n')[0]}`));
  wx.onUnhandledRejection!((r: { reason: unknown }) => heard.push(`rejection ${String(r.reason)}`));
  wx.onPageNotFound!((r: { path: string; isEntryPage: boolean }) => heard.push(`not found ${r.path} ${r.isEntryPage}`));
  const send = (data: unknown) => scope.dispatchEvent(new MessageEvent('message', { data }));
  send({ kind: 'app-hide' });
  send({ kind: 'app-show', launch: { path: 'pages/a/a', query: {}, scene: 1001, referrerInfo: {} } });
  send({ kind: 'metrics', metrics: { ...TEST_METRICS, theme: 'dark' } });
  send({ kind: 'metrics', metrics: { ...TEST_METRICS, theme: 'dark', windowWidth: 500 } });
  send({ kind: 'page-create', pageId: 1, route: 'pages/missing/missing', query: {} });
  scope.dispatchEvent(Object.assign(new Event('error'), { error: new Error('kaboom'), message: 'kaboom' }));
  scope.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'nope', promise: Promise.resolve() }));
  wx.offAppShow!(onShow);
  send({ kind: 'app-show', launch: { path: 'pages/b/b', query: {}, scene: 1001, referrerInfo: {} } });
  assert.deepEqual(heard, ['hide', 'show pages/a/a', 'theme dark', 'resize 500', 'not found pages/missing/missing true', 'error kaboom', 'rejection nope']);
});

test('a listener that throws is reported, and the others still run', () => {
  const host = createTestHost();
  const scope = new EventTarget();
  const wx = createAppEventsApi(host, scope) as Record<string, Fn>;
  const heard: string[] = [];
  wx.onAppHide!(() => {
    throw new Error('listener bug');
  });
  wx.onAppHide!(() => heard.push('second'));
  scope.dispatchEvent(new MessageEvent('message', { data: { kind: 'app-hide' } }));
  assert.deepEqual(heard, ['second']);
  assert.equal((host.errors[0] as Error).message, 'listener bug');
});

test('when the runtime feeds every reported error, wx.onError hears those instead of the global event', () => {
  const feed: ((message: string) => void)[] = [];
  const host = { ...createTestHost(), onAppError: (listener: (message: string) => void) => (feed.push(listener), () => undefined) };
  const scope = new EventTarget();
  const wx = createAppEventsApi(host, scope) as Record<string, Fn>;
  const heard: string[] = [];
  wx.onError!((message: string) => heard.push(message));
  feed[0]!('TypeError: x is undefined (in pages/index/index.onTap)');
  scope.dispatchEvent(Object.assign(new Event('error'), { error: new Error('also reported through the feed'), message: '' }));
  assert.deepEqual(heard, ['TypeError: x is undefined (in pages/index/index.onTap)']);
});
