import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toJsonPreview } from './json-preview';
import { parseDeviceMessage } from '../../shared/device-protocol-schema';

test('plain JSON passes through unchanged', () => {
  const value = { a: [1, 'two', true, null], b: { c: 1.5 } };
  assert.deepEqual(toJsonPreview(value), value);
});

test('values JSON cannot carry become readable strings', () => {
  function namedFn() {}
  assert.deepEqual(
    toJsonPreview([undefined, namedFn, () => 1, NaN, Infinity, 10n, Symbol('s'), new Date(0), new Error('boom'), /x+/g]),
    ['undefined', '[Function namedFn]', '[Function (anonymous)]', 'NaN', 'Infinity', '10n', 'Symbol(s)', '1970-01-01T00:00:00.000Z', 'Error: boom', '/x+/g'],
  );
  assert.deepEqual(toJsonPreview(new Map([['k', 1]])), { k: 1 });
  assert.deepEqual(toJsonPreview(new Set([1, 2])), [1, 2]);
  assert.equal(toJsonPreview(new Uint8Array(4)), '[Uint8Array 4 bytes]');
});

test('cycles are cut, shared references are kept', () => {
  const shared = { s: 1 };
  const cyclic: Record<string, unknown> = { shared, again: shared };
  cyclic.self = cyclic;
  assert.deepEqual(toJsonPreview(cyclic), { shared: { s: 1 }, again: { s: 1 }, self: '[Circular]' });
});

test('depth, keys, items and string length are bounded', () => {
  let deep: unknown = 'bottom';
  for (let i = 0; i < 20; i++) deep = { deep };
  assert.match(JSON.stringify(toJsonPreview(deep, { maxDepth: 3, maxKeys: 10, maxItems: 10, maxString: 10 })), /\[Object\]/);
  const wide = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
  assert.equal((toJsonPreview(wide, { maxDepth: 3, maxKeys: 10, maxItems: 10, maxString: 10 }) as Record<string, unknown>)['…'], '20 more keys');
  const long = toJsonPreview(Array.from({ length: 15 }, () => 'x'.repeat(50)), { maxDepth: 3, maxKeys: 10, maxItems: 10, maxString: 10 }) as string[];
  assert.equal(long.length, 11);
  assert.equal(long[0], 'xxxxxxxxxx… (50 characters)');
  assert.equal(long[10], '… 5 more');
});

test('a throwing getter or a revoked proxy does not escape', () => {
  const tricky = Object.defineProperty({}, 'bad', { enumerable: true, get: () => { throw new Error('no'); } });
  assert.deepEqual(toJsonPreview(tricky), { bad: '[getter threw]' });
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  assert.equal(toJsonPreview(proxy), '[value that cannot be previewed]');
});

test('a preview of anything is a valid log message for the protocol', () => {
  const everything = [undefined, () => 1, 10n, new Map([[{}, new Set([NaN])]]), { nested: { deeper: [new Date(NaN)] } }];
  const text = JSON.stringify({ type: 'log', level: 'log', args: everything.map((v) => toJsonPreview(v)) });
  assert.equal(parseDeviceMessage(text, Buffer.byteLength(text)).ok, true);
});
