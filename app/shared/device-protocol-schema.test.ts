import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDeviceMessage, parseServerMessage } from './device-protocol-schema';
import { DEVICE_MESSAGE_LIMITS, simulatorUrl } from './device-protocol';

function parse(value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return parseDeviceMessage(text, Buffer.byteLength(text));
}

function refusal(value: unknown) {
  const r = parse(value);
  assert.equal(r.ok, false, `expected a refusal for ${JSON.stringify(value)?.slice(0, 200)}`);
  return (r as { ok: false; error: { code: string; message: string; inReplyTo?: string } }).error;
}

const hello = { type: 'hello', protocol: 1, token: 'abc', device: { name: 'iPhone 12', kind: 'simulator' } };

test('accepts a well-formed hello, log, status and wxml tree', () => {
  assert.deepEqual(parse(hello), { ok: true, value: hello });
  const log = { type: 'log', level: 'warn', args: ['x', 1, { a: [true, null] }], source: { file: 'app.js', line: 3, column: 1 }, time: 1 };
  assert.deepEqual(parse(log), { ok: true, value: log });
  assert.equal(parse({ type: 'status', ready: true, buildId: 'b1', pageStack: ['pages/index/index'] }).ok, true);
  const tree = { tag: 'page', children: [{ tag: 'view', attrs: { class: 'a' }, children: [{ tag: '#text', text: 'hi' }] }] };
  assert.equal(parse({ type: 'wxml', path: 'pages/index/index', webviewId: 1, root: tree }).ok, true);
});

test('refuses text that is not JSON, not an object, or has no type', () => {
  assert.equal(refusal('{"type": "log",').code, 'bad-json');
  assert.equal(refusal('[1,2]').code, 'invalid');
  assert.equal(refusal('"hello"').code, 'invalid');
  assert.equal(refusal('null').code, 'invalid');
  assert.equal(refusal({ level: 'log' }).code, 'invalid');
  assert.equal(refusal({ type: 42 }).code, 'invalid');
});

test('refuses an unknown type, naming it', () => {
  const r = refusal({ type: 'format-disk', path: '/' });
  assert.equal(r.code, 'unknown-type');
  assert.match(r.message, /format-disk/);
  assert.equal(r.inReplyTo, 'format-disk');
  // Prototype keys are not message types.
  assert.equal(refusal({ type: 'constructor' }).code, 'unknown-type');
  assert.equal(refusal({ type: '__proto__' }).code, 'unknown-type');
  assert.equal(refusal({ type: 'toString' }).code, 'unknown-type');
});

test('refuses wrong field types with the path of the field', () => {
  const r = refusal({ ...hello, device: { name: 'x', kind: 'toaster' } });
  assert.equal(r.code, 'invalid');
  assert.match(r.message, /hello\.device\.kind: expected one of simulator\|browser\|native/);
  assert.match(refusal({ ...hello, protocol: '1' }).message, /hello\.protocol: expected a finite number/);
  assert.match(refusal({ type: 'log', level: 'log', args: 'x' }).message, /log\.args: expected an array/);
  assert.match(refusal({ type: 'status', ready: 'yes', pageStack: [] }).message, /status\.ready/);
  assert.match(refusal({ type: 'network', id: 'n1', phase: 'request', api: 'request', url: 'http://x', status: 1.5 }).message, /network\.status: expected an integer/);
  assert.match(refusal({ type: 'lifecycle', scope: 'page', path: 'p' }).message, /lifecycle\.event: missing/);
});

test('refuses unknown fields so typos do not pass silently', () => {
  assert.match(refusal({ ...hello, tokn: 'x' }).message, /unknown field "tokn"/);
  assert.match(refusal(JSON.parse('{"type":"log","level":"log","args":[],"__proto__":{"admin":true}}')).message, /unknown field "__proto__"/);
});

test('refuses a message over its type limit before walking it', () => {
  const big = 'x'.repeat(DEVICE_MESSAGE_LIMITS.log);
  const r = refusal({ type: 'log', level: 'log', args: [big] });
  assert.equal(r.code, 'too-big');
  assert.match(r.message, /'log' message of \d+ bytes is over its limit of 65536 bytes/);
});

test('refuses hostile nesting without overflowing the stack', () => {
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  const r = refusal(`{"type":"log","level":"log","args":[${deep(30_000)}]}`);
  assert.equal(r.code, 'invalid');
  assert.match(r.message, /nested deeper than/);
  const data = refusal(`{"type":"appdata","entries":[{"path":"p","webviewId":1,"data":${deep(900_000)}}]}`);
  assert.match(data.message, /appdata\.entries\[0\]\.data: nested deeper than 64 levels/);
  const tree = '{"tag":"view","children":['.repeat(20_000) + '{"tag":"leaf"}' + ']}'.repeat(20_000);
  assert.match(refusal(`{"type":"wxml","path":"p","webviewId":1,"root":${tree}}`).message, /tree deeper than 256 levels/);
});

test('refuses non-finite and out-of-range numbers', () => {
  assert.equal(refusal({ ...hello, protocol: -1 }).code, 'invalid');
  assert.equal(refusal('{"type":"log","level":"log","args":[1e999]}').code, 'invalid');
});

test('server messages are checked on the device side too', () => {
  const load = { type: 'load', buildId: 'b1', manifestUrl: '/pkg/k/manifest.json', baseUrl: '/pkg/k/' };
  assert.deepEqual(parseServerMessage(JSON.stringify(load)), { ok: true, value: load });
  const update = { type: 'update', buildId: 'b2', manifestUrl: '/pkg/k/manifest.json', baseUrl: '/pkg/k/', action: 'hot', changes: [{ kind: 'style', path: 'css/a.css' }] };
  assert.equal(parseServerMessage(JSON.stringify(update)).ok, true);
  const bad = parseServerMessage(JSON.stringify({ ...update, changes: [{ kind: 'video', path: 'x' }] }));
  assert.equal(bad.ok, false);
  assert.match((bad as { ok: false; error: { message: string } }).error.message, /update\.changes\[0\]\.kind/);
  const diag = { type: 'diagnostics', diagnostics: [{ file: 'app.json', line: 1, column: 2, severity: 'error', code: 'json-schema', message: 'm' }] };
  assert.equal(parseServerMessage(JSON.stringify(diag)).ok, true);
  assert.equal(parseServerMessage('{"type":"hello"}').ok, false);
});

test('simulatorUrl encodes every launch parameter', () => {
  const url = new URL(simulatorUrl('http://127.0.0.1:5000/', { token: 't/+=', device: 'iPhone 12', page: 'pages/logs/logs', query: 'a=1&b=2', scene: 1001 }));
  assert.equal(url.pathname, '/simulator/index.html');
  assert.equal(url.searchParams.get('token'), 't/+=');
  assert.equal(url.searchParams.get('device'), 'iPhone 12');
  assert.equal(url.searchParams.get('page'), 'pages/logs/logs');
  assert.equal(url.searchParams.get('query'), 'a=1&b=2');
  assert.equal(url.searchParams.get('scene'), '1001');
});

test('mangled messages never throw: 20000 deterministic mutations of valid ones', () => {
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const samples: unknown[] = [
    hello,
    { type: 'log', level: 'info', args: ['a', { b: [1, 2] }], source: { file: 'app.js', line: 1, column: 1 }, time: 5 },
    { type: 'network', id: 'n', phase: 'response', api: 'request', url: 'https://x', status: 200, responseHeaders: { a: 'b' } },
    { type: 'storage', op: 'snapshot', entries: [{ key: 'k', value: { v: 1 } }] },
    { type: 'wxml', path: 'p', webviewId: 1, root: { tag: 'view', attrs: { id: 'x' }, children: [{ tag: '#text', text: 't' }] } },
    { type: 'status', ready: false, pageStack: [] },
  ];
  const junk = [null, 0, -1, 1e308, '', 'x', [], {}, true, [[[]]], { __proto__: null }, '\u0000', '\ud800'];
  const mutate = (value: unknown, depth: number): unknown => {
    if (depth > 4 || value === null || typeof value !== 'object') return random(3) === 0 ? junk[random(junk.length)] : value;
    const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as unknown as Record<string, unknown>) : { ...(value as Record<string, unknown>) };
    const keys = Object.keys(copy);
    const key = keys[random(Math.max(1, keys.length))] ?? 'extra';
    switch (random(4)) {
      case 0:
        delete copy[key];
        break;
      case 1:
        copy[key] = junk[random(junk.length)];
        break;
      case 2:
        copy[key] = mutate(copy[key], depth + 1);
        break;
      default:
        copy[`k${random(5)}`] = junk[random(junk.length)];
    }
    return copy;
  };
  let accepted = 0;
  for (let i = 0; i < 20_000; i++) {
    let text = JSON.stringify(mutate(samples[random(samples.length)], 0)) ?? 'undefined';
    if (random(5) === 0) text = text.slice(0, random(text.length + 1)) + String.fromCharCode(random(128)) + text.slice(random(text.length + 1));
    const result = parseDeviceMessage(text, Buffer.byteLength(text));
    if (result.ok) {
      accepted++;
      const again = JSON.stringify(result.value);
      assert.equal(parseDeviceMessage(again, Buffer.byteLength(again)).ok, true, 'what is accepted stays valid');
    } else {
      assert.equal(typeof result.error.message, 'string');
      assert.ok(result.error.message.length > 0 && result.error.message.length < 2000, result.error.message.slice(0, 200));
    }
  }
  assert.ok(accepted > 100 && accepted < 20_000, `some mutations stay valid, most do not (${accepted})`);
});
