import { test } from 'node:test';
import assert from 'node:assert/strict';
import { routeOfNavigator } from './view-navigation';

test('navigator tap does nothing (regression): every open-type maps to its router call', () => {
  assert.deepEqual(routeOfNavigator({ url: '/pages/a/a?x=1', openType: 'navigate', delta: 1 }), { kind: 'navigateTo', url: '/pages/a/a?x=1', delta: 1 });
  assert.deepEqual(routeOfNavigator({ url: 'b', openType: '', delta: 0 }), { kind: 'navigateTo', url: 'b', delta: 1 });
  assert.deepEqual(routeOfNavigator({ url: 'b', openType: 'redirect', delta: 1 }), { kind: 'redirectTo', url: 'b', delta: 1 });
  assert.deepEqual(routeOfNavigator({ url: '/tab', openType: 'switchTab', delta: 1 }), { kind: 'switchTab', url: '/tab', delta: 1 });
  assert.deepEqual(routeOfNavigator({ url: '/a', openType: 'reLaunch', delta: 1 }), { kind: 'reLaunch', url: '/a', delta: 1 });
  assert.deepEqual(routeOfNavigator({ url: '', openType: 'navigateBack', delta: 2 }), { kind: 'navigateBack', url: '', delta: 2 });
  assert.deepEqual(routeOfNavigator({ url: '', openType: 'navigateBack', delta: Number.NaN }), { kind: 'navigateBack', url: '', delta: 1 });
});

test('navigator open-type=exit, an unknown open-type or a missing url give a notice, not a route', () => {
  assert.match(String((routeOfNavigator({ url: '', openType: 'exit', delta: 1 }) as { notice: string }).notice), /exit.*ignored/);
  assert.match(String((routeOfNavigator({ url: '/a', openType: 'teleport', delta: 1 }) as { notice: string }).notice), /teleport/);
  assert.match(String((routeOfNavigator({ url: '', openType: 'navigate', delta: 1 }) as { notice: string }).notice), /no url/);
});
