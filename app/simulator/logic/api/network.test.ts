import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, WebSocket as NodeWebSocket } from 'ws';
import { apiMaker } from './api-maker';
import { directTransport, proxyVia } from './network-transport';
import { createRequestApi, prepareRequest } from './request';
import { createSocketApi } from './socket';
import { createTransferApi } from './transfer';
import { VirtualFs } from './virtual-fs';
import { createTestHost, type TestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

let server: Server;
let sockets: WebSocketServer;
let origin = '';
const seen: Seen[] = [];
const held = { inFlight: 0, max: 0, waiting: [] as (() => void)[] };

before(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
      const path = (req.url ?? '').split('?')[0];
      if (path === '/json') {
        res.writeHead(201, { 'content-type': 'application/json', 'x-trace': 'abc' });
        res.end(JSON.stringify({ ok: true, method: req.method }));
      } else if (path === '/text') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('not json');
      } else if (path === '/bytes') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([137, 80, 78, 71]));
      } else if (path === '/slow') {
        setTimeout(() => res.end('late'), 2000);
      } else if (path === '/hold') {
        held.inFlight++;
        held.max = Math.max(held.max, held.inFlight);
        held.waiting.push(() => {
          held.inFlight--;
          res.end('released');
        });
      } else if (path === '/upload') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(`received ${Buffer.concat(chunks).length} bytes`);
      } else {
        res.writeHead(404);
        res.end('missing');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sockets = new WebSocketServer({ server, path: '/ws' });
  sockets.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(isBinary ? data : `echo:${String(data)}`, { binary: isBinary })));
});

after(async () => {
  sockets.close();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function network() {
  const host = createTestHost();
  const api = apiMaker(host);
  const transport = directTransport(fetch, NodeWebSocket as unknown as typeof WebSocket);
  const fs = new VirtualFs();
  const wx = { ...createRequestApi(host, api, transport), ...createTransferApi(host, api, transport, fs), ...createSocketApi(host, api, transport) } as Record<string, Fn>;
  return { host, wx, fs };
}

test('GET data becomes a query string; JSON responses are parsed; headers and status come back', async () => {
  const { wx, host } = network();
  const res = (await wx.request!({ url: `${origin}/json?a=1`, data: { q: '小 程序', n: 2 } })) as Record<string, unknown>;
  assert.equal(seen.at(-1)!.url, `/json?a=1&q=${encodeURIComponent('小 程序')}&n=2`);
  assert.equal(res.statusCode, 201);
  assert.deepEqual(res.data, { ok: true, method: 'GET' });
  assert.equal((res.header as Record<string, string>)['x-trace'], 'abc');
  assert.equal(res.errMsg, 'request:ok');
  const phases = host.posted.filter((m) => m.kind === 'network').map((m) => (m as { phase: string }).phase);
  assert.deepEqual(phases, ['request', 'response']);
});

test('the Network report carries request headers and body, response headers, body preview, size and timing', async () => {
  const { wx, host } = network();
  await wx.request!({ url: `${origin}/json`, method: 'POST', data: { hello: '世界' }, header: { 'X-Custom': 'yes' } });
  const [request, response] = host.posted.filter((m) => m.kind === 'network') as Record<string, unknown>[];
  assert.equal(request!.api, 'request');
  assert.deepEqual(request!.requestHeaders, { 'X-Custom': 'yes', 'content-type': 'application/json' });
  assert.equal(request!.requestBody, '{"hello":"世界"}');
  assert.equal(request!.requestSize, new TextEncoder().encode('{"hello":"世界"}').length);
  assert.equal(response!.status, 201);
  assert.equal((response!.responseHeaders as Record<string, string>)['x-trace'], 'abc');
  assert.equal(response!.responseBody, '{"ok":true,"method":"POST"}');
  assert.equal(response!.size, 27);
  assert.equal(typeof response!.duration, 'number');
});

test('a binary download is reported by size, not dumped', async () => {
  const { wx, host } = network();
  await wx.downloadFile!({ url: `${origin}/bytes` });
  const response = host.posted.filter((m) => m.kind === 'network').at(-1) as Record<string, unknown>;
  assert.equal(response.api, 'downloadFile');
  assert.equal(response.responseBody, '<4 bytes binary>');
  assert.equal(response.size, 4);
});

test('POST objects are sent as JSON by default, as a form when the content-type says so', async () => {
  const { wx } = network();
  await wx.request!({ url: `${origin}/json`, method: 'post', data: { a: [1, 2] }, header: { 'X-Custom': 'yes' } });
  let last = seen.at(-1)!;
  assert.equal(last.method, 'POST');
  assert.equal(last.headers['content-type'], 'application/json');
  assert.equal(last.headers['x-custom'], 'yes');
  assert.equal(last.body.toString(), '{"a":[1,2]}');
  await wx.request!({ url: `${origin}/json`, method: 'PUT', data: { a: 'x y', b: 2 }, header: { 'content-type': 'application/x-www-form-urlencoded' } });
  last = seen.at(-1)!;
  assert.equal(last.body.toString(), 'a=x%20y&b=2');
});

test('dataType text keeps the body as text; non-JSON text stays text; arraybuffer gives bytes', async () => {
  const { wx } = network();
  assert.equal(((await wx.request!({ url: `${origin}/json`, dataType: 'text' })) as { data: unknown }).data, '{"ok":true,"method":"GET"}');
  assert.equal(((await wx.request!({ url: `${origin}/text` })) as { data: unknown }).data, 'not json');
  const bytes = ((await wx.request!({ url: `${origin}/bytes`, responseType: 'arraybuffer' })) as { data: ArrayBuffer }).data;
  assert.deepEqual([...new Uint8Array(bytes)], [137, 80, 78, 71]);
});

test('HTTP errors are still success with their status, as in WeChat', async () => {
  const { wx } = network();
  const res = (await wx.request!({ url: `${origin}/nowhere` })) as { statusCode: number; data: unknown };
  assert.equal(res.statusCode, 404);
  assert.equal(res.data, 'missing');
});

test('timeout fails with request:fail timeout', async () => {
  const { wx, host } = network();
  await assert.rejects(wx.request!({ url: `${origin}/slow`, timeout: 100 }) as Promise<unknown>, { errMsg: 'request:fail timeout' });
  assert.equal((host.posted.at(-1) as { phase: string }).phase, 'error');
});

test('RequestTask: abort fails the call with request:fail abort; onHeadersReceived fires first', async () => {
  const { wx } = network();
  const aborted = await new Promise<string>((resolve) => {
    const task = wx.request!({ url: `${origin}/slow`, fail: (r: { errMsg: string }) => resolve(r.errMsg) }) as { abort(): void };
    setTimeout(() => task.abort(), 50);
  });
  assert.equal(aborted, 'request:fail abort');
  const order: string[] = [];
  await new Promise<void>((resolve) => {
    const task = wx.request!({ url: `${origin}/json`, success: () => order.push('success'), complete: () => resolve() }) as { onHeadersReceived(fn: (r: { statusCode: number }) => void): void };
    task.onHeadersReceived((r) => order.push(`headers ${r.statusCode}`));
  });
  assert.deepEqual(order, ['headers 201', 'success']);
});

test('bad input fails with WeChat’s messages, never a crash', async () => {
  const { wx } = network();
  await assert.rejects(wx.request!({ url: 'ftp://example' }) as Promise<unknown>, { errMsg: 'request:fail invalid url "ftp://example"' });
  await assert.rejects(wx.request!({ url: `${origin}/json`, method: 'FETCH' }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('request:fail parameter error: parameter.method'));
  const closed = `http://127.0.0.1:1/`;
  await assert.rejects(wx.request!({ url: closed }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('request:fail ') && r.errMsg.includes(closed));
});

test('app.json networkTimeout.request is the default timeout', async () => {
  const host = { ...createTestHost(), manifest: { appId: 'wx1', appJson: { networkTimeout: { request: 80 } } } as unknown as TestHost['manifest'] };
  const wx = createRequestApi(host, apiMaker(host), directTransport()) as Record<string, Fn>;
  await assert.rejects(wx.request!({ url: `${origin}/slow` }) as Promise<unknown>, { errMsg: 'request:fail timeout' });
});

test('through a proxy that follows the contract: target headers, WeChat referer, proxy errors', async () => {
  // A minimal stand-in for the devserver's /__proxy, written to the contract in network-transport.ts.
  const proxy = createServer((req, res) => {
    const target = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.get('url') ?? '';
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && !['host', 'x-ministudio-referer', 'connection', 'content-length'].includes(k)) headers[k] = v;
      headers.referer = String(req.headers['x-ministudio-referer']);
      fetch(target, { method: req.method ?? 'GET', headers, ...(chunks.length ? { body: Buffer.concat(chunks) } : {}) }).then(
        async (upstream) => {
          const forwarded: Record<string, string> = {};
          upstream.headers.forEach((v, k) => (forwarded[k] = v));
          res.writeHead(upstream.status, { 'x-ministudio-headers': JSON.stringify({ ...forwarded, 'set-cookie': 'sid=1; Path=/' }) });
          res.end(Buffer.from(await upstream.arrayBuffer()));
        },
        (error: Error) => res.writeHead(502, { 'x-ministudio-proxy-error': `cannot reach ${target}: ${error.message}` }).end(),
      );
    });
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  try {
    const host = createTestHost();
    const wx = createRequestApi(host, apiMaker(host), proxyVia(`http://127.0.0.1:${(proxy.address() as AddressInfo).port}`)) as Record<string, Fn>;
    const res = (await wx.request!({ url: `${origin}/json`, method: 'POST', data: { a: 1 } })) as { data: unknown; header: Record<string, string>; cookies: string[] };
    assert.deepEqual(res.data, { ok: true, method: 'POST' });
    assert.equal(res.header['x-trace'], 'abc');
    assert.deepEqual(res.cookies, ['sid=1; Path=/']);
    assert.equal(seen.at(-1)!.headers.referer, 'https://servicewechat.com/wx0123456789abcdef/devtools/page-frame.html');
    await assert.rejects(wx.request!({ url: 'http://127.0.0.1:1/x' }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('request:fail cannot reach http://127.0.0.1:1/x'));
  } finally {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
  }
});

test('at most 10 requests run at once; the rest wait for a free slot', async () => {
  const { wx } = network();
  const all = Array.from({ length: 13 }, () => wx.request!({ url: `${origin}/hold` }) as Promise<{ data: string }>);
  while (held.inFlight < 10) await new Promise((resolve) => setTimeout(resolve, 5));
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.equal(held.inFlight, 10);
  let released = 0;
  while (released < 13) {
    const ready = held.waiting.splice(0);
    ready.forEach((release) => release());
    released += ready.length;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const results = await Promise.all(all);
  assert.equal(results.filter((r) => r.data === 'released').length, 13);
  assert.equal(held.max, 10);
});

test('prepareRequest: referer is dropped, GET strings are appended, ArrayBuffer bodies pass through', () => {
  const get = prepareRequest({ url: 'http://127.0.0.1/x#frag', data: 'a=1', header: { Referer: 'x' } });
  assert.equal(get.url, 'http://127.0.0.1/x?a=1#frag');
  assert.deepEqual(get.headers, {});
  const post = prepareRequest({ url: 'http://127.0.0.1/x', method: 'POST', data: new Uint8Array([1, 2]).buffer });
  assert.ok(post.body instanceof ArrayBuffer);
});

test('downloadFile saves to a temp file in the virtual file system, with progress', async () => {
  const { wx, fs } = network();
  const progress: number[] = [];
  const res = await new Promise<Record<string, unknown>>((resolve, reject) => {
    const task = wx.downloadFile!({ url: `${origin}/bytes`, success: resolve, fail: reject }) as { onProgressUpdate(fn: (p: { progress: number }) => void): void };
    task.onProgressUpdate((p) => progress.push(p.progress));
  });
  assert.match(String(res.tempFilePath), /^wxfile:\/\/tmp_.*\.png$/);
  assert.equal(res.statusCode, 200);
  assert.deepEqual([...fs.readFile(res.tempFilePath)], [137, 80, 78, 71]);
  assert.equal(progress.at(-1), 100);
  const saved = (await wx.downloadFile!({ url: `${origin}/text`, filePath: 'wxfile://usr/t.txt' })) as { filePath: string };
  assert.equal(new TextDecoder().decode(fs.readFile(saved.filePath)), 'not json');
});

test('uploadFile sends the file as multipart form data with formData fields', async () => {
  const { wx, fs } = network();
  fs.writeFile('wxfile://usr/photo.png', new Uint8Array([1, 2, 3]));
  const res = (await wx.uploadFile!({ url: `${origin}/upload`, filePath: 'wxfile://usr/photo.png', name: 'file', formData: { user: 'u1' } })) as { data: string; statusCode: number };
  assert.equal(res.statusCode, 200);
  const body = seen.at(-1)!.body.toString('latin1');
  assert.match(String(seen.at(-1)!.headers['content-type']), /^multipart\/form-data; boundary=/);
  assert.match(body, /name="user"\r\n\r\nu1/);
  assert.match(body, /name="file"; filename="photo.png"/);
  await assert.rejects(wx.uploadFile!({ url: `${origin}/upload`, filePath: 'wxfile://usr/none', name: 'file' }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('uploadFile:fail no such file or directory'));
});

test('connectSocket: open, text and binary echo, close; the legacy API hears the same socket', async () => {
  const { wx } = network();
  const events: string[] = [];
  wx.onSocketMessage!((r: { data: unknown }) => events.push(`legacy ${typeof r.data === 'string' ? r.data : 'bytes'}`));
  await new Promise<void>((resolve, reject) => {
    const task = wx.connectSocket!({ url: `${origin.replace('http', 'ws')}/ws` }) as Record<string, Fn>;
    task.onOpen!(() => {
      events.push('open');
      task.send!({ data: 'hi' });
      task.send!({ data: new Uint8Array([9, 8]).buffer });
    });
    task.onMessage!((r: { data: unknown }) => {
      events.push(typeof r.data === 'string' ? r.data : `bytes ${[...new Uint8Array(r.data as ArrayBuffer)].join(',')}`);
      if (r.data instanceof ArrayBuffer) task.close!({ code: 1000, reason: 'done' });
    });
    task.onClose!((r: { code: number; reason: string }) => {
      events.push(`close ${r.code} ${r.reason}`);
      resolve();
    });
    task.onError!(reject);
  });
  assert.deepEqual(events, ['open', 'legacy echo:hi', 'echo:hi', 'legacy bytes', 'bytes 9,8', 'close 1000 done']);
});

test('connectSocket with a bad url fails through its callbacks', async () => {
  const { wx } = network();
  const errMsg = await new Promise<string>((resolve) => wx.connectSocket!({ url: 'http://x', fail: (r: { errMsg: string }) => resolve(r.errMsg) }));
  assert.equal(errMsg, 'connectSocket:fail invalid url "http://x"');
});
