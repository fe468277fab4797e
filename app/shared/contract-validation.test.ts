import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REQUEST_CHANNELS } from './contract';
import { requestValidators } from './contract-validation';

test('every request channel has a validator, and the workbench channels refuse malformed payloads', () => {
  for (const channel of REQUEST_CHANNELS) assert.equal(typeof requestValidators[channel], 'function', channel);
  const refused: [keyof typeof requestValidators, unknown][] = [
    ['project:rename', { from: 'a.js' }],
    ['project:delete', { path: 5 }],
    ['project:new-page', { path: 'pages/a/a', kind: 'plugin' }],
    ['project:create-file', { content: 'x' }],
    ['project:search', { query: 'x', isRegex: 'yes' }],
    ['project:create-from-template', { template: 'blank', parentDir: '/tmp' }],
    ['simulator:navigate', { openType: 'navigateTo' }],
    ['simulator:navigate', { openType: 'eval', url: '/x' }],
    ['simulator:relaunch', { page: 'a', scene: '1001' }],
    ['simulator:url', { token: 'stolen' }],
    ['device:inspect', { deviceId: 'd', what: 'filesystem' }],
    ['device:recent-logs', {}],
    ['compiler:build-npm', { force: true }],
  ];
  for (const [channel, payload] of refused) assert.equal(requestValidators[channel](payload).ok, false, `${channel} ${JSON.stringify(payload)}`);
  const accepted: [keyof typeof requestValidators, unknown][] = [
    ['project:new-page', { path: 'pages/a/a', kind: 'component' }],
    ['project:create-file', { path: 'a.js' }],
    ['project:search', { query: 'x', matchCase: true }],
    ['simulator:navigate', { openType: 'navigateBack', delta: 1 }],
    ['simulator:relaunch', { page: 'pages/logs/logs', query: 'a=1', scene: 1011 }],
    ['simulator:url', undefined],
    ['device:inspect', { deviceId: 'd', what: 'wxml' }],
  ];
  for (const [channel, payload] of accepted) assert.equal(requestValidators[channel](payload).ok, true, `${channel} ${JSON.stringify(payload)}`);
});
