import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseByteRange } from './byte-range';

test('single byte ranges, suffix ranges and open ends', () => {
  assert.deepEqual(parseByteRange(undefined, 10), { kind: 'whole' });
  assert.deepEqual(parseByteRange('bytes=0-3', 10), { kind: 'part', start: 0, end: 3 });
  assert.deepEqual(parseByteRange('bytes=4-', 10), { kind: 'part', start: 4, end: 9 });
  assert.deepEqual(parseByteRange('bytes=-3', 10), { kind: 'part', start: 7, end: 9 });
  assert.deepEqual(parseByteRange('bytes=-30', 10), { kind: 'part', start: 0, end: 9 });
  assert.deepEqual(parseByteRange('bytes=5-500', 10), { kind: 'part', start: 5, end: 9 }, 'the end is clamped');
});

test('unsatisfiable and ignored ranges', () => {
  assert.deepEqual(parseByteRange('bytes=10-', 10), { kind: 'unsatisfiable' });
  assert.deepEqual(parseByteRange('bytes=5-2', 10), { kind: 'unsatisfiable' });
  assert.deepEqual(parseByteRange('bytes=-0', 10), { kind: 'unsatisfiable' });
  assert.deepEqual(parseByteRange('bytes=0-', 0), { kind: 'unsatisfiable' });
  assert.deepEqual(parseByteRange('bytes=99999999999999999999-', 10), { kind: 'unsatisfiable' });
  assert.deepEqual(parseByteRange('bytes=0-1,3-4', 10), { kind: 'whole' }, 'multi-range gets the whole file');
  assert.deepEqual(parseByteRange('items=0-1', 10), { kind: 'whole' });
  assert.deepEqual(parseByteRange('bytes=-', 10), { kind: 'whole' });
  assert.deepEqual(parseByteRange('bytes=abc', 10), { kind: 'whole' });
});
