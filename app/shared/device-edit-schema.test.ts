import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeviceEdit, parseHighlight, parseServerMessage } from './device-protocol-schema';

test('set-data and edit-storage pass both the IDE-side and the device-side check', () => {
  const edits = [
    { type: 'set-data', webviewId: 3, path: 'list[2].done', value: true },
    { type: 'set-data', webviewId: 0, path: 'user.name', value: { first: 'Ada' } },
    { type: 'edit-storage', op: 'set', key: 'token', value: 'abc' },
    { type: 'edit-storage', op: 'remove', key: 'token' },
    { type: 'edit-storage', op: 'clear' },
  ];
  for (const edit of edits) {
    assert.deepEqual(parseDeviceEdit(edit), { ok: true, value: edit });
    assert.deepEqual(parseServerMessage(JSON.stringify(edit)), { ok: true, value: edit });
  }
});

test('hostile edits are refused with a message naming the problem', () => {
  const cases: [unknown, RegExp][] = [
    [null, /must be an object/],
    ['set-data', /must be an object/],
    [{ type: 'inspect', requestId: 'r', what: 'status' }, /set-data or edit-storage/],
    [{ type: 'set-data', webviewId: 1, path: '', value: 1 }, /shorter than 1/],
    [{ type: 'set-data', webviewId: 1, path: 'a..b', value: 1 }, /wrong form/],
    [{ type: 'set-data', webviewId: 1, path: 'constructor[x]', value: 1 }, /wrong form/],
    [{ type: 'set-data', webviewId: 1.5, path: 'a', value: 1 }, /integer/],
    [{ type: 'set-data', webviewId: 1, path: 'a' }, /value: missing/],
    [{ type: 'set-data', webviewId: 1, path: 'a', value: 1, extra: true }, /unknown field/],
    [{ type: 'set-data', webviewId: 1, path: 'a', value: 'x'.repeat(1024 * 1024) }, /over the limit/],
    [{ type: 'edit-storage', op: 'remove' }, /key: missing/],
    [{ type: 'edit-storage', op: 'set', key: 'k' }, /value: missing/],
    [{ type: 'edit-storage', op: 'set', key: '', value: 1 }, /shorter than 1/],
    [{ type: 'edit-storage', op: 'wipe' }, /expected one of/],
  ];
  for (const [edit, reason] of cases) {
    const result = parseDeviceEdit(edit);
    assert.equal(result.ok, false, JSON.stringify(edit)?.slice(0, 80));
    if (!result.ok) assert.match(result.error, reason);
  }
});

test('a deeply nested value is refused instead of overflowing the stack', () => {
  let value: unknown = 1;
  for (let i = 0; i < 10_000; i++) value = [value];
  const result = parseDeviceEdit({ type: 'set-data', webviewId: 1, path: 'a', value });
  assert.equal(result.ok, false);
  if (!result.ok) assert.match(result.error, /deeper than 64/);
});

test('a value with a cycle is refused, not thrown', () => {
  const value: Record<string, unknown> = {};
  value.self = value;
  assert.doesNotThrow(() => parseDeviceEdit({ type: 'set-data', webviewId: 1, path: 'a', value }));
  const result = parseDeviceEdit({ type: 'set-data', webviewId: 1, path: 'a', value });
  assert.equal(result.ok, false);
});

test('highlight takes a bounded path of child indexes, or none to clear', () => {
  for (const h of [{ type: 'highlight', webviewId: 2, path: [0, 3, 1] }, { type: 'highlight', webviewId: 2 }]) {
    assert.deepEqual(parseHighlight(h), { ok: true, value: h });
    assert.deepEqual(parseServerMessage(JSON.stringify(h)), { ok: true, value: h });
  }
  for (const [h, reason] of [
    [{ type: 'highlight', webviewId: 2, path: Array(257).fill(0) }, /at most 256/],
    [{ type: 'highlight', webviewId: 2, path: [-1] }, /below 0/],
    [{ type: 'highlight', webviewId: 2, path: ['0'] }, /finite number/],
    [{ type: 'highlight', path: [0] }, /webviewId: missing/],
  ] as const) {
    const result = parseHighlight(h);
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error, reason);
  }
});
