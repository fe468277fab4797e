import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiMaker } from './api-maker';
import { createStorageApi } from './storage';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;

function storage() {
  const host = createTestHost();
  const wx = createStorageApi(host, apiMaker(host)) as Record<string, Fn>;
  return { host, wx };
}

test('setStorage stores JSON values that getStorage and getStorageSync read back, and tells the host', async () => {
  const { host, wx } = storage();
  assert.deepEqual(await wx.setStorage!({ key: 'user', data: { name: '小明', tags: ['a'] } }), { errMsg: 'setStorage:ok' });
  assert.deepEqual(await wx.getStorage!({ key: 'user' }), { data: { name: '小明', tags: ['a'] }, errMsg: 'getStorage:ok' });
  assert.deepEqual(wx.getStorageSync!('user'), { name: '小明', tags: ['a'] });
  assert.deepEqual(host.posted.at(-1), { kind: 'storage', key: 'user', value: '{"name":"小明","tags":["a"]}' });
});

test('getStorage of a missing key fails with WeChat’s message; getStorageSync returns an empty string', async () => {
  const { wx } = storage();
  await assert.rejects(wx.getStorage!({ key: 'nope' }) as Promise<unknown>, { errMsg: 'getStorage:fail data not found' });
  assert.equal(wx.getStorageSync!('nope'), '');
});

test('callbacks: success then complete, or fail then complete', async () => {
  const { wx } = storage();
  const calls: string[] = [];
  await new Promise<void>((resolve) => {
    wx.getStorage!({ key: 'nope', success: () => calls.push('success'), fail: (r: { errMsg: string }) => calls.push(r.errMsg), complete: () => resolve() });
  });
  assert.deepEqual(calls, ['getStorage:fail data not found']);
});

test('a value over 1 MB is refused for its key, and nothing is stored', async () => {
  const { wx, host } = storage();
  const big = 'x'.repeat(1024 * 1024);
  await assert.rejects(wx.setStorage!({ key: 'big', data: big }) as Promise<unknown>, (res: { errMsg: string }) => res.errMsg.startsWith('setStorage:fail exceed storage item max length'));
  assert.throws(() => wx.setStorageSync!('big', big), /setStorageSync:fail exceed storage item max length/);
  assert.equal(host.storage.has('big'), false);
});

test('the 10 MB total is enforced; replacing a key counts only its new size', async () => {
  const { wx } = storage();
  const chunk = 'y'.repeat(1000 * 1000);
  for (let i = 0; i < 10; i++) wx.setStorageSync!(`k${i}`, chunk);
  assert.throws(() => wx.setStorageSync!('k10', chunk), /setStorageSync:fail exceed storage max size 10MB/);
  wx.setStorageSync!('k3', chunk);
  const info = wx.getStorageInfoSync!() as { keys: string[]; currentSize: number; limitSize: number };
  assert.equal(info.keys.length, 10);
  assert.equal(info.limitSize, 10240);
  assert.ok(info.currentSize > 9700 && info.currentSize <= 10240, String(info.currentSize));
});

test('bad keys and undefined data fail with a parameter error', async () => {
  const { wx } = storage();
  await assert.rejects(wx.setStorage!({ key: 42, data: 1 }) as Promise<unknown>, { errMsg: 'setStorage:fail parameter error: parameter.key should be String instead of Number;' });
  assert.throws(() => wx.setStorageSync!('a', undefined), /parameter.data should not be undefined/);
});

test('remove, clear and batch forms', async () => {
  const { wx, host } = storage();
  wx.batchSetStorageSync!([{ key: 'a', value: 1 }, { key: 'b', value: [2] }]);
  assert.deepEqual(wx.batchGetStorageSync!(['a', 'b', 'c']), [1, [2], '']);
  await wx.removeStorage!({ key: 'a' });
  assert.deepEqual((wx.getStorageInfoSync!() as { keys: string[] }).keys, ['b']);
  await wx.clearStorage!();
  assert.equal(host.storage.size, 0);
  assert.deepEqual(host.posted.at(-1), { kind: 'storage-clear' });
});
