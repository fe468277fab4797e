import { test } from 'node:test';
import assert from 'node:assert/strict';
import { APIS } from '../../support/apis';
import { createWx } from '../wx-api';
import { canIUse } from './can-i-use';
import { isUnsupportedPlaceholder } from './index';
import { createTestHost } from './test-host.test-support';
import { readWxApiNames } from '../../../../scripts/typings-api-names.mjs';

test('the support table lists every member of wx in miniprogram-api-typings, once', () => {
  const names = APIS.map((api) => api.name);
  assert.equal(new Set(names).size, names.length, 'duplicate entries');
  const missing = readWxApiNames().filter((name) => !names.includes(name));
  assert.deepEqual(missing, []);
});

test('every API the table calls full or simulated exists on wx', () => {
  const wx = createWx(createTestHost());
  const absent = APIS.filter((api) => api.status !== 'unsupported' && wx[api.name] === undefined).map((api) => api.name);
  assert.deepEqual(absent, []);
});

test('an API the table calls unsupported is not implemented by anyone (else update app/simulator/support/apis-*.ts)', () => {
  const wx = createWx(createTestHost());
  const implemented = APIS.filter((api) => api.status === 'unsupported' && !isUnsupportedPlaceholder(wx[api.name])).map((api) => api.name);
  assert.deepEqual(implemented, []);
});

test('an unsupported API fails with a message that names it, and warns once', async () => {
  const host = createTestHost();
  const wx = createWx(host) as Record<string, (o?: unknown) => unknown>;
  await assert.rejects(wx.openBluetoothAdapter!() as Promise<unknown>, (res: { errMsg: string }) => res.errMsg.startsWith('openBluetoothAdapter:fail not supported in the Mini Studio simulator'));
  await assert.rejects(wx.openBluetoothAdapter!() as Promise<unknown>);
  assert.equal(host.posted.filter((m) => m.kind === 'log' && m.level === 'warn').length, 1);
  assert.throws(() => wx.createCameraContext!(), /createCameraContext:fail not supported/);
  assert.doesNotThrow(() => wx.onAccelerometerChange!(() => undefined));
  const worklet = wx.worklet as unknown as Record<string, () => unknown>;
  assert.throws(() => worklet.timing!(), /worklet:fail not supported in the Mini Studio simulator/);
});

test('canIUse follows the tables for APIs, components, attributes and values', () => {
  assert.equal(canIUse('request'), true);
  assert.equal(canIUse('request.object.method.GET'), true);
  assert.equal(canIUse('getSystemInfoSync.return.screenWidth'), true);
  assert.equal(canIUse('openBluetoothAdapter'), false);
  assert.equal(canIUse('Animation.step'), true);
  assert.equal(canIUse('view'), true);
  assert.equal(canIUse('text.selectable'), true);
  assert.equal(canIUse('text.max-lines'), false);
  assert.equal(canIUse('icon.type.success'), true);
  assert.equal(canIUse('icon.type.sparkles'), false);
  assert.equal(canIUse('no-such-component'), false);
  assert.equal(canIUse(''), false);
  assert.equal(canIUse(42), false);
});

test('wx.env points at the virtual user directory, and the file manager writes there', () => {
  const wx = createWx(createTestHost()) as Record<string, unknown> & { env: { USER_DATA_PATH: string }; getFileSystemManager(): Record<string, (...a: unknown[]) => unknown> };
  assert.equal(wx.env.USER_DATA_PATH, 'wxfile://usr');
  const fs = wx.getFileSystemManager();
  assert.equal(wx.getFileSystemManager(), fs);
  fs.writeFileSync!(`${wx.env.USER_DATA_PATH}/a.txt`, 'hi', 'utf8');
  assert.equal(fs.readFileSync!(`${wx.env.USER_DATA_PATH}/a.txt`, 'utf8'), 'hi');
});
