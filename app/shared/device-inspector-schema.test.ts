import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeviceEdit, parseDeviceMessage, parseNodePath, parseServerMessage } from './device-protocol-schema';
import { requestValidators } from './contract-validation';

const frame = (message: unknown) => {
  const text = JSON.stringify(message);
  return parseDeviceMessage(text, new TextEncoder().encode(text).length);
};

test('inspect-node and pick pass the device-side check; bad paths are refused by name', () => {
  for (const m of [{ type: 'inspect-node', requestId: 'r1', webviewId: 3, path: [0, 2] }, { type: 'pick', enabled: true }]) {
    assert.deepEqual(parseServerMessage(JSON.stringify(m)), { ok: true, value: m });
  }
  const bad = parseServerMessage(JSON.stringify({ type: 'inspect-node', requestId: 'r1', webviewId: 3, path: [1.5] }));
  assert.equal(bad.ok, false);
  if (!bad.ok) assert.match(bad.error.message, /inspect-node\.path\[0\]/);
  assert.equal(parseNodePath(Array(257).fill(0)).ok, false);
});

test('a node answer with box, rules and computed styles is accepted; a picked report with or without a path', () => {
  const node = {
    type: 'node',
    requestId: 'r1',
    webviewId: 3,
    path: [0, 1],
    node: {
      tag: 'view',
      attrs: { class: 'title', 'data-id': '7' },
      dataset: { id: '7' },
      box: { left: 0, top: 10, width: 375, height: 40, margin: { top: 0, right: 0, bottom: 8, left: 0 }, border: { top: 0, right: 0, bottom: 0, left: 0 }, padding: { top: 4, right: 4, bottom: 4, left: 4 } },
      rules: [{ selector: 'style', declarations: [{ name: 'color', value: 'red' }] }, { selector: '.title', source: 'pages/index/index.wxss', declarations: [{ name: 'font-size', value: '18px', important: true }] }],
      computed: { color: 'rgb(255, 0, 0)', 'font-size': '18px' },
    },
  };
  const accepted = frame(node);
  assert.equal(accepted.ok, true);
  assert.deepEqual(JSON.parse(JSON.stringify(accepted.ok && accepted.value)), node);
  assert.equal(frame({ type: 'node', webviewId: 3, path: [9] }).ok, true, 'no node: the page changed');
  assert.equal(frame({ type: 'picked', webviewId: 3, path: [0, 4, 1] }).ok, true);
  assert.equal(frame({ type: 'picked' }).ok, true);
  const hostile = frame({ ...node, node: { ...node.node, rules: [{ selector: 'x', declarations: [{ name: 'a', value: 1 }] }] } });
  assert.equal(hostile.ok, false);
  if (!hostile.ok) assert.match(hostile.error.message, /rules\[0\]\.declarations\[0\]\.value/);
});

test('set-data may remove a key; the IDE-side request checks refuse bad inspector payloads', () => {
  assert.equal(parseDeviceEdit({ type: 'set-data', webviewId: 1, path: 'list[2]', value: null, remove: true }).ok, true);
  assert.equal(parseDeviceEdit({ type: 'set-data', webviewId: 1, path: 'a', value: null, remove: 'yes' }).ok, false);
  assert.deepEqual(requestValidators['device:inspect-node']({ deviceId: 'd', webviewId: 2, path: [0] }), { ok: true, value: { deviceId: 'd', webviewId: 2, path: [0] } });
  assert.equal(requestValidators['device:inspect-node']({ deviceId: 'd', webviewId: -1, path: [0] }).ok, false);
  assert.equal(requestValidators['device:inspect-node']({ deviceId: 'd', webviewId: 2, path: [0], extra: 1 }).ok, false);
  assert.deepEqual(requestValidators['device:pick']({ deviceId: 'd', enabled: false }), { ok: true, value: { deviceId: 'd', enabled: false } });
  assert.equal(requestValidators['device:pick']({ deviceId: 'd' }).ok, false);
  assert.deepEqual(requestValidators['simulator:open-devtools']({ x: 10, y: 20 }), { ok: true, value: { x: 10, y: 20 } });
  assert.equal(requestValidators['simulator:open-devtools']({ x: Number.NaN }).ok, false);
  assert.equal(requestValidators['simulator:open-devtools']({ devtools: 'all' }).ok, false);
});
