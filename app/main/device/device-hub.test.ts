import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../shared/device-protocol';
import { DEVICE_FRAME_LIMIT } from '../../shared/device-protocol';
import type { DevServer } from '../devserver/dev-server';
import { startDevServer } from '../devserver/dev-server';
import type { HubEvent } from './device-hub';
import { DeviceHub } from './device-hub';

/** A device on a real socket: collects what the server says, in order. */
class TestDevice {
  readonly ws: WebSocket;
  private readonly inbox: ServerMessage[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;

  constructor(port: number) {
    this.ws = new WebSocket(`ws://127.0.0.1:${port}/device`);
    this.opened = new Promise((resolve, reject) => {
      this.ws.once('open', () => resolve());
      this.ws.once('error', reject);
    });
    this.closed = new Promise((resolve) => this.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    this.ws.on('message', (data) => {
      this.inbox.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async hello(port: number, token: string, name = 'test device'): Promise<TestDevice> {
    const device = new TestDevice(port);
    await device.opened;
    device.send({ type: 'hello', protocol: 1, token, device: { name, kind: 'browser' } });
    return device;
  }

  send(message: unknown): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** The next message of this type (earlier ones of other types are skipped). */
  async next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(0, index + 1).pop() as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  received(type: ServerMessage['type']): number {
    return this.inbox.filter((m) => m.type === type).length;
  }
}

let dir: string;
let server: DevServer;
let clock = 1_000_000;
const hub = new DeviceHub({ logCapacity: 3, maxRefusals: 8, now: () => clock });

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ministudio-hub-'));
  const started = await startDevServer({ hub, webRoot: dir, port: 0 });
  assert.ok(started.ok);
  server = started.value;
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

/** Waits for the hub event that `predicate` picks. */
function hubEvent(predicate: (e: HubEvent) => boolean): Promise<HubEvent> {
  return new Promise((resolve) => {
    const dispose = hub.onEvent((e) => {
      if (!predicate(e)) return;
      dispose();
      resolve(e);
    });
  });
}

const load = { buildId: 'b1', manifestUrl: '/pkg/k/manifest.json', baseUrl: '/pkg/k/' };

test('a device says hello, is welcomed and gets the current package', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'welcome' });
  hub.load('welcome', load);
  const connected = hubEvent((e) => e.kind === 'connected' && e.device.projectId === 'welcome');
  const device = await TestDevice.hello(server.port, token, 'iPhone 12');
  const welcome = await device.next('welcome');
  assert.equal(welcome.projectId, 'welcome');
  assert.equal(welcome.protocol, 1);
  assert.deepEqual(await device.next('load'), { type: 'load', ...load });
  const event = await connected;
  assert.equal(event.kind === 'connected' && event.device.info.name, 'iPhone 12');
  assert.equal(hub.devices('welcome').length, 1);
  device.ws.close();
  await device.closed;
});

test('load and update fan out to every device of the project and no other', async () => {
  const tokenA = hub.tokens.issue({ kind: 'launch', projectId: 'A' });
  const tokenB = hub.tokens.issue({ kind: 'launch', projectId: 'B' });
  const a1 = await TestDevice.hello(server.port, tokenA);
  const a2 = await TestDevice.hello(server.port, tokenA);
  const b1 = await TestDevice.hello(server.port, tokenB);
  await Promise.all([a1.next('welcome'), a2.next('welcome'), b1.next('welcome')]);
  assert.equal(hub.load('A', load), 2);
  const update = { buildId: 'b2', manifestUrl: load.manifestUrl, baseUrl: load.baseUrl, action: 'hot' as const, changes: [{ kind: 'style' as const, path: 'css/a.css' }] };
  assert.equal(hub.update('A', update), 2);
  for (const device of [a1, a2]) {
    assert.equal((await device.next('load')).buildId, 'b1');
    assert.deepEqual(await device.next('update'), { type: 'update', ...update });
  }
  assert.equal(hub.diagnostics('B', [{ file: 'app.json', line: 1, column: 1, severity: 'error', code: 'x', message: 'broken' }]), 1);
  assert.equal((await b1.next('diagnostics')).diagnostics[0]?.message, 'broken');
  assert.equal(b1.received('load') + b1.received('update'), 0, 'project B heard nothing of A');
  // A device joining later gets the newest build id and the open diagnostics.
  const b2 = await TestDevice.hello(server.port, tokenB);
  await b2.next('welcome');
  assert.equal((await b2.next('diagnostics')).diagnostics.length, 1);
  for (const d of [a1, a2, b1, b2]) d.ws.close();
});

test('a bad token is refused with a message and the server keeps serving', async () => {
  const bad = await TestDevice.hello(server.port, 'not-a-token');
  const refused = await bad.next('refused');
  assert.equal(refused.code, 'unauthorized');
  assert.match(refused.message, /unknown or already used token/);
  assert.equal((await bad.closed).code, 4401);
  const good = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'p' }));
  assert.equal((await good.next('welcome')).projectId, 'p');
  good.ws.close();
});

test('pairing tokens work once and expire', async () => {
  const token = hub.tokens.issue({ kind: 'pairing', projectId: 'pair' });
  const first = await TestDevice.hello(server.port, token);
  await first.next('welcome');
  const second = await TestDevice.hello(server.port, token);
  assert.equal((await second.next('refused')).code, 'unauthorized');
  const stale = hub.tokens.issue({ kind: 'pairing', projectId: 'pair' });
  clock += 5 * 60_000 + 1;
  const late = await TestDevice.hello(server.port, stale);
  assert.match((await late.next('refused')).message, /expired/);
  first.ws.close();
});

test('a device reconnects with its resume token as the same device, once', async () => {
  const device = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'resume' }));
  const welcome = await device.next('welcome');
  device.ws.close();
  await device.closed;
  const again = await TestDevice.hello(server.port, welcome.resumeToken);
  const rewelcome = await again.next('welcome');
  assert.equal(rewelcome.deviceId, welcome.deviceId);
  assert.notEqual(rewelcome.resumeToken, welcome.resumeToken);
  const replay = await TestDevice.hello(server.port, welcome.resumeToken);
  assert.equal((await replay.next('refused')).code, 'unauthorized');
  again.ws.close();
});

test('hostile messages are refused one by one and the connection lives on', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'hostile' });
  const device = new TestDevice(server.port);
  await device.opened;
  device.send({ type: 'log', level: 'log', args: ['before hello'] });
  assert.equal((await device.next('refused')).code, 'hello-first');
  device.send({ type: 'hello', protocol: 1, token, device: { name: 'h', kind: 'browser' } });
  await device.next('welcome');
  const logged = hubEvent((e) => e.kind === 'message' && e.message.type === 'log');
  device.send('{"type":');
  assert.equal((await device.next('refused')).code, 'bad-json');
  device.send({ type: 'rm-rf' });
  const unknown = await device.next('refused');
  assert.equal(unknown.code, 'unknown-type');
  assert.equal(unknown.inReplyTo, 'rm-rf');
  device.send({ type: 'log', level: 'log', args: ['x'.repeat(70_000)] });
  assert.equal((await device.next('refused')).code, 'too-big');
  device.ws.send(Buffer.from([1, 2, 3]), { binary: true });
  assert.equal((await device.next('refused')).code, 'invalid');
  device.send({ type: 'log', level: 'log', args: ['still here'] });
  const event = await logged;
  assert.deepEqual(event.kind === 'message' && event.message.type === 'log' && event.message.args, ['still here']);
  device.ws.close();
});

test('too many refusals close the connection', async () => {
  const device = new TestDevice(server.port);
  await device.opened;
  for (let i = 0; i < 8; i++) device.send({ type: 'nope' });
  assert.equal((await device.closed).code, 4429);
});

test('a frame over the hard cap closes that socket only', async () => {
  const device = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'big' }));
  await device.next('welcome');
  device.send('x'.repeat(DEVICE_FRAME_LIMIT + 10));
  assert.equal((await device.closed).code, 1009);
  const next = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'big' }));
  await next.next('welcome');
  next.ws.close();
});

test('a device of another protocol version is told why', async () => {
  const device = new TestDevice(server.port);
  await device.opened;
  device.send({ type: 'hello', protocol: 99, token: 'x', device: { name: 'future', kind: 'native' } });
  assert.match((await device.next('refused')).message, /protocol 99.*speaks 1/);
  assert.equal((await device.closed).code, 4426);
});

test('inspect asks a device and resolves with its answer', async () => {
  const device = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'inspect' }));
  const { deviceId } = await device.next('welcome');
  const answer = hub.inspect(deviceId, 'status');
  const request = await device.next('inspect');
  assert.equal(request.what, 'status');
  device.send({ type: 'status', requestId: request.requestId, ready: true, buildId: 'b9', pageStack: ['pages/index/index'] });
  const status = await answer;
  assert.ok(status.ok);
  assert.equal(status.value.ready, true);
  assert.deepEqual(status.value.pageStack, ['pages/index/index']);
  const unanswered = hub.inspect(deviceId, 'wxml');
  device.ws.close();
  const result = await unanswered;
  assert.equal(result.ok, false);
});

test('logs are kept per device in a bounded ring, and disposed listeners hear nothing', async () => {
  const device = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'logs' }));
  const { deviceId } = await device.next('welcome');
  let heard = 0;
  const dispose = hub.onEvent((e) => {
    if (e.kind === 'message') heard++;
  });
  dispose();
  const fifth = hubEvent((e) => e.kind === 'message' && e.message.type === 'log' && e.message.args[0] === 'log 5');
  for (let i = 1; i <= 5; i++) device.send({ type: 'log', level: 'info', args: [`log ${i}`] });
  await fifth;
  assert.deepEqual(
    hub.recentLogs(deviceId).map((l) => l.message.args[0]),
    ['log 3', 'log 4', 'log 5'],
  );
  assert.equal(heard, 0);
  device.ws.close();
  await device.closed;
  assert.equal(hub.recentLogs(deviceId).length, 3, 'history outlives the connection');
});

test('a device over its message rate has the excess dropped and counted, and recovers', async () => {
  let now = 0;
  const limited = new DeviceHub({ messagesPerSecond: 10, messageBurst: 20, now: () => now });
  const started = await startDevServer({ hub: limited, webRoot: dir, port: 0 });
  assert.ok(started.ok);
  try {
    let delivered = 0;
    limited.onEvent((e) => {
      if (e.kind === 'message') delivered++;
    });
    const device = await TestDevice.hello(started.value.port, limited.tokens.issue({ kind: 'launch', projectId: 'flood' }));
    await device.next('welcome');
    for (let i = 0; i < 50; i++) device.send({ type: 'log', level: 'log', args: [i] });
    const refused = await device.next('refused');
    assert.equal(refused.code, 'rate-limited');
    assert.match(refused.message, /^31 message\(s\) dropped: over 10 messages per second/);
    assert.equal(delivered, 19, 'the burst of 20 minus the hello');
    now += 1000;
    const after = new Promise<void>((resolve) => limited.onEvent((e) => e.kind === 'message' && resolve()));
    device.send({ type: 'log', level: 'log', args: ['after a second'] });
    await after;
    assert.equal(delivered, 20);
    device.ws.close();
  } finally {
    await started.value.close();
  }
});

test('disconnecting a device with a long reason closes it cleanly', async () => {
  const device = await TestDevice.hello(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'long-reason' }));
  const { deviceId } = await device.next('welcome');
  assert.equal(hub.disconnect(deviceId, 'ünïcödé '.repeat(100)), true);
  const closed = await device.closed;
  assert.equal(closed.code, 1001);
  assert.ok(Buffer.byteLength(closed.reason) <= 123);
  assert.equal(hub.disconnect(deviceId), false, 'already gone');
});

test('silent connections are closed after the hello timeout, and a connection flood is turned away', async () => {
  const strict = new DeviceHub({ helloTimeoutMs: 100 });
  const started = await startDevServer({ hub: strict, webRoot: dir, port: 0, maxConnections: 3 });
  assert.ok(started.ok);
  try {
    const silent = [new TestDevice(started.value.port), new TestDevice(started.value.port), new TestDevice(started.value.port)];
    await Promise.all(silent.map((d) => d.opened));
    const extra = new TestDevice(started.value.port);
    await assert.rejects(extra.opened, /Unexpected server response: 503/);
    for (const d of silent) assert.equal((await d.closed).code, 4408);
    const welcome = await TestDevice.hello(started.value.port, strict.tokens.issue({ kind: 'launch', projectId: 'x' }));
    await welcome.next('welcome');
    welcome.ws.close();
  } finally {
    await started.value.close();
  }
});

test('a device that reconnects after the errors were fixed is told the list is empty', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'fixed' });
  hub.diagnostics('fixed', [{ file: 'a.wxml', line: 1, column: 1, severity: 'error', code: 'x', message: 'broken' }]);
  hub.diagnostics('fixed', []);
  const device = await TestDevice.hello(server.port, token);
  await device.next('welcome');
  assert.deepEqual((await device.next('diagnostics')).diagnostics, []);
  device.ws.close();
});
