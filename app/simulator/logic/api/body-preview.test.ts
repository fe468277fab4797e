import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BODY_PREVIEW_LIMIT, bytesPreview, requestBodyPreview } from './body-preview';

test('a JSON string body is previewed whole with its size in bytes', () => {
  const body = JSON.stringify({ name: '小程序', n: 1 });
  assert.deepEqual(requestBodyPreview(body), { text: body, size: new TextEncoder().encode(body).length });
});

test('no body gives no preview', () => {
  assert.equal(requestBodyPreview(undefined), undefined);
});

test('a body over the limit is cut at the limit and says how much is left out', () => {
  const body = 'a'.repeat(BODY_PREVIEW_LIMIT + 10);
  const preview = requestBodyPreview(body)!;
  assert.equal(preview.size, BODY_PREVIEW_LIMIT + 10);
  assert.ok(preview.text.startsWith('a'.repeat(BODY_PREVIEW_LIMIT)));
  assert.ok(!preview.text.startsWith('a'.repeat(BODY_PREVIEW_LIMIT + 1)));
  assert.match(preview.text, /10 more bytes, 65546 bytes in all/);
});

test('a cut inside a multi-byte character leaves no replacement character', () => {
  const preview = requestBodyPreview('中'.repeat(10), 7)!;
  assert.equal(preview.text.split('\n')[0], '中中');
  assert.equal(preview.size, 30);
});

test('binary bytes are described, not dumped', () => {
  const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]);
  assert.deepEqual(requestBodyPreview(bytes.buffer), { text: '<8 bytes binary>', size: 8 });
  assert.deepEqual(bytesPreview(new TextEncoder().encode('hello'), 'image/png'), { text: '<5 bytes binary>', size: 5 });
});

test('text bytes are decoded by content type, or by sniffing when there is none', () => {
  const json = new TextEncoder().encode('{"ok":true}');
  assert.equal(bytesPreview(json, 'application/json; charset=utf-8').text, '{"ok":true}');
  assert.equal(bytesPreview(json, undefined).text, '{"ok":true}');
  assert.equal(bytesPreview(new Uint8Array([0xff, 0xfe, 0x41]), undefined).text, '<3 bytes binary>');
});

test('a typed array view previews only its own bytes', () => {
  const whole = new TextEncoder().encode('xxhelloxx');
  assert.equal(requestBodyPreview(whole.subarray(2, 7))!.text, 'hello');
});

test('a multipart form lists its fields and files by size', () => {
  const form = new FormData();
  form.append('user', 'ada');
  form.append('photo', new Blob([new Uint8Array(1234)]), 'a.png');
  const preview = requestBodyPreview(form)!;
  assert.equal(preview.text, 'multipart/form-data\nuser: ada\nphoto: <1234 bytes file (a.png)>');
  assert.equal(preview.size, 1237);
});
