import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEVICE_MESSAGE_LIMITS } from '../../shared/device-protocol';
import { parseDeviceMessage } from '../../shared/device-protocol-schema';
import { BODY_PREVIEW_LIMIT, bytesPreview } from '../logic/api/body-preview';
import { toNetworkMessage } from './network-relay';

function wireCheck(message: unknown) {
  const text = JSON.stringify(message);
  const bytes = Buffer.byteLength(text);
  return { bytes, parsed: parseDeviceMessage(text, bytes) };
}

test('a response becomes a network message with its headers, body preview, size and duration', () => {
  const message = toNetworkMessage(
    { id: 7, phase: 'response', api: 'request', method: 'POST', url: 'http://127.0.0.1:1/api', status: 201, duration: 12, responseHeaders: { 'x-id': 'a' }, responseBody: '{"ok":true}', size: 11 },
    1000,
  );
  assert.deepEqual(message, { type: 'network', id: '7', phase: 'response', api: 'request', url: 'http://127.0.0.1:1/api', method: 'POST', status: 201, responseHeaders: { 'x-id': 'a' }, body: '{"ok":true}', size: 11, duration: 12, time: 1000 });
  assert.equal(wireCheck(message).parsed.ok, true);
});

test('the request phase carries the request headers and body; an error becomes phase fail', () => {
  const request = toNetworkMessage({ id: 1, phase: 'request', method: 'PUT', url: 'http://127.0.0.1:1/', requestHeaders: { a: 'b' }, requestBody: 'x=1', requestSize: 3 }, 5);
  assert.deepEqual([request.phase, request.api, request.requestHeaders, request.body, request.size], ['request', 'request', { a: 'b' }, 'x=1', 3]);
  const failed = toNetworkMessage({ id: 1, phase: 'error', method: 'PUT', url: 'http://127.0.0.1:1/', error: 'timeout', duration: 3 }, 9);
  assert.deepEqual([failed.phase, failed.errorMessage, failed.body], ['fail', 'timeout', undefined]);
});

test('worst-case previews and headers still fit the 256 KB network limit and pass the schema', () => {
  // Text of control characters grows sixfold when JSON-escaped; 200 long headers fill the header budget.
  const controls = bytesPreview(new Uint8Array(BODY_PREVIEW_LIMIT * 2).fill(1), 'text/plain').text;
  const headers = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`x-header-${i}`, 'v'.repeat(9000)]));
  for (const body of [controls, '"'.repeat(BODY_PREVIEW_LIMIT), '中'.repeat(BODY_PREVIEW_LIMIT)]) {
    const message = toNetworkMessage({ id: 2, phase: 'response', method: 'GET', url: `http://127.0.0.1:1/${'p'.repeat(3000)}`, status: 200, responseHeaders: headers, responseBody: body, size: body.length, error: 'e'.repeat(5000) }, 1);
    const { bytes, parsed } = wireCheck(message);
    assert.ok(bytes <= DEVICE_MESSAGE_LIMITS.network, `${bytes} bytes`);
    assert.equal(parsed.ok, true, JSON.stringify(parsed).slice(0, 300));
    assert.ok(message.body!.length > 1000, 'a useful part of the body is kept');
  }
});

test('a body that fits is passed through unchanged', () => {
  const body = 'a'.repeat(BODY_PREVIEW_LIMIT);
  assert.equal(toNetworkMessage({ id: 3, phase: 'response', method: 'GET', url: 'http://127.0.0.1:1/', responseBody: body }, 1).body, body);
});
