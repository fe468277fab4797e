// The device link against the real devserver and hub on 127.0.0.1, with the `ws` package as the socket.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import type { HubEvent } from '../../main/device/device-hub';
import { DeviceHub } from '../../main/device/device-hub';
import type { DevServer } from '../../main/devserver/dev-server';
import { startDevServer } from '../../main/devserver/dev-server';
import type { DeviceLink, DeviceLinkOptions, LinkState, WebSocketLike } from './device-link-client';
import { connectDeviceLink } from './device-link-client';

let dir: string;
let server: DevServer;
const hub = new DeviceHub();
const links: DeviceLink[] = [];

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ministudio-link-'));
  const started = await startDevServer({ hub, webRoot: dir, port: 0 });
  assert.ok(started.ok);
  server = started.value;
});

after(async () => {
  for (const link of links) link.close();
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function memoryStorage(): Map<string, string> & Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  const map = new Map<string, string>() as Map<string, string> & Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  map.getItem = (k) => map.get(k) ?? null;
  map.setItem = (k, v) => void map.set(k, v);
  map.removeItem = (k) => void map.delete(k);
  return map;
}

function link(token: string, extra: Partial<DeviceLinkOptions> = {}): DeviceLink {
  const created = connectDeviceLink({
    token,
    device: { name: 'node device', kind: 'browser' },
    url: `ws://127.0.0.1:${server.port}/device`,
    createSocket: (url) => new WebSocket(url) as unknown as WebSocketLike,
    storage: memoryStorage(),
    backoff: { initialMs: 20, maxMs: 200 },
    ...extra,
  });
  links.push(created);
  return created;
}

function until(l: DeviceLink, predicate: (s: LinkState) => boolean): Promise<LinkState> {
  if (predicate(l.state())) return Promise.resolve(l.state());
  return new Promise((resolve) => {
    const dispose = l.onState((s) => {
      if (!predicate(s)) return;
      dispose();
      resolve(s);
    });
  });
}

function hubEvent(predicate: (e: HubEvent) => boolean): Promise<HubEvent> {
  return new Promise((resolve) => {
    const dispose = hub.onEvent((e) => {
      if (!predicate(e)) return;
      dispose();
      resolve(e);
    });
  });
}

test('connects with the URL token, queues reports until welcomed, and receives loads and updates', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'link' });
  const l = link(token);
  const logged = hubEvent((e) => e.kind === 'message' && e.message.type === 'log');
  assert.equal(l.send({ type: 'log', level: 'log', args: ['early'] }), 'queued');
  const open = await until(l, (s) => s.kind === 'open');
  assert.equal(open.kind === 'open' && open.projectId, 'link');
  const event = await logged;
  assert.deepEqual(event.kind === 'message' && event.message.type === 'log' && event.message.args, ['early']);

  const loads: string[] = [];
  const updates: string[] = [];
  const gotUpdate = new Promise<void>((resolve) => l.onUpdate((m) => (updates.push(m.buildId), resolve())));
  l.onLoad((m) => loads.push(m.buildId));
  hub.load('link', { buildId: 'b1', manifestUrl: '/pkg/x/manifest.json', baseUrl: '/pkg/x/' });
  hub.load('link', { buildId: 'b1', manifestUrl: '/pkg/x/manifest.json', baseUrl: '/pkg/x/' });
  hub.update('link', { buildId: 'b2', manifestUrl: '/pkg/x/manifest.json', baseUrl: '/pkg/x/', action: 'hot', changes: [{ kind: 'template', path: 'templates/app.js' }] });
  await gotUpdate;
  assert.deepEqual(loads, ['b1'], 'the same build is not loaded twice');
  assert.deepEqual(updates, ['b2']);
  assert.equal(l.send({ type: 'log', level: 'log', args: ['x'.repeat(70_000)] }), 'too-big');
});

test('reconnects after the connection drops, as the same device, without reloading a build it runs', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'reconnect' });
  hub.load('reconnect', { buildId: 'r1', manifestUrl: '/pkg/r/manifest.json', baseUrl: '/pkg/r/' });
  const l = link(token);
  let loads = 0;
  l.onLoad(() => loads++);
  const first = await until(l, (s) => s.kind === 'open');
  assert.ok(first.kind === 'open');
  const back = hubEvent((e) => e.kind === 'connected' && e.resumed);
  hub.disconnect(first.deviceId);
  await until(l, (s) => s.kind === 'waiting');
  const event = await back;
  assert.equal(event.kind === 'connected' && event.device.id, first.deviceId);
  const again = await until(l, (s) => s.kind === 'open');
  assert.equal(again.kind === 'open' && again.deviceId, first.deviceId);
  // A newer build published while it was away arrives as a load.
  const reloaded = new Promise<string>((resolve) => l.onLoad((m) => resolve(m.buildId)));
  hub.load('reconnect', { buildId: 'r2', manifestUrl: '/pkg/r/manifest.json', baseUrl: '/pkg/r/' });
  assert.equal(await reloaded, 'r2');
  assert.equal(loads, 2, 'r1 once, then r2 — the replayed r1 after the reconnect was skipped');
});

test('a stale stored resume token falls back to the page token', async () => {
  const token = hub.tokens.issue({ kind: 'launch', projectId: 'stale' });
  const storage = memoryStorage();
  storage.setItem(`ministudio.device-link.resume.${token}`, 'expired-resume-token');
  const l = link(token, { storage });
  const open = await until(l, (s) => s.kind === 'open');
  assert.equal(open.kind === 'open' && open.projectId, 'stale');
  assert.notEqual(storage.getItem(`ministudio.device-link.resume.${token}`), 'expired-resume-token');
});

test('a refused token ends in a failed state with the reason, without retrying forever', async () => {
  const l = link('made-up-token');
  const failed = await until(l, (s) => s.kind === 'failed');
  assert.match(failed.kind === 'failed' ? failed.reason : '', /unknown or already used token/);
  assert.equal(l.send({ type: 'log', level: 'log', args: [] }), 'closed');
});

test('retries with backoff while the server is unreachable', async () => {
  const l = link('whatever', { url: 'ws://127.0.0.1:9/device' });
  const waiting = await until(l, (s) => s.kind === 'waiting' && s.attempt >= 2);
  assert.equal(waiting.kind, 'waiting');
  l.close();
  assert.equal(l.state().kind, 'closed');
});
