// The watch loop with the real compiler, devserver and hub; a device on a real socket watches what arrives.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../shared/device-protocol';
import { smallApp, tempProject } from '../compiler/test-fixtures';
import { DeviceHub } from '../device/device-hub';
import { startDevServer } from './dev-server';
import { describeChanges, startLiveProject, updateAction } from './live-project';

class Device {
  private readonly inbox: ServerMessage[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<number>;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.inbox.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
    this.closed = new Promise((resolve) => ws.once('close', (code) => resolve(code)));
  }

  static async connect(port: number, token: string): Promise<Device> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/device`);
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    ws.send(JSON.stringify({ type: 'hello', protocol: 1, token, device: { name: 'watcher', kind: 'browser' } }));
    return new Device(ws);
  }

  async next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(0, index + 1).pop() as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}

test('output paths map to change kinds; scripts and manifest relaunch, the rest swaps hot', () => {
  const changes = describeChanges(['templates/app.js', 'css/pages/a/a.css', 'js/utils/util.js', 'js/utils/util.js.map', 'manifest.json', 'assets/images/a.png', 'zips/app.zip']);
  assert.deepEqual(changes.map((c) => `${c.kind} ${c.path}`), [
    'template templates/app.js',
    'style css/pages/a/a.css',
    'script js/utils/util.js',
    'json manifest.json',
    'asset assets/images/a.png',
  ]);
  assert.equal(updateAction(changes.filter((c) => c.kind === 'template' || c.kind === 'style' || c.kind === 'asset')), 'hot');
  assert.equal(updateAction(changes.filter((c) => c.kind === 'json')), 'relaunch');
  assert.equal(updateAction(changes.filter((c) => c.kind === 'script')), 'relaunch');
});

test('a project that starts broken shows its errors, loads once fixed, then follows every change', { timeout: 60_000 }, async () => {
  const files = smallApp();
  const appJson = files['app.json']!;
  delete files['app.json'];
  const project = await tempProject(files);
  const hub = new DeviceHub();
  const started = await startDevServer({ hub, webRoot: project.dir, port: 0 });
  assert.ok(started.ok);
  const server = started.value;
  const live = await startLiveProject({ projectDir: project.dir, outDir: project.out, projectId: 'p', server, hub, compiler: { zips: false } });
  try {
    const device = await Device.connect(server.port, hub.tokens.issue({ kind: 'launch', projectId: 'p' }));
    await device.next('welcome');
    const broken = await device.next('diagnostics');
    assert.ok(broken.diagnostics.some((d) => d.severity === 'error' && d.file.endsWith('app.json')), JSON.stringify(broken.diagnostics));

    await project.write('app.json', appJson);
    const load = await device.next('load');
    assert.equal((await device.next('diagnostics')).diagnostics.filter((d) => d.severity === 'error').length, 0);
    const manifest = await (await fetch(`http://127.0.0.1:${server.port}${load.manifestUrl}`)).json() as { buildId: string };
    assert.equal(manifest.buildId, load.buildId);

    await project.write('pages/a/a.wxml', '<view class="a">changed {{title}}</view>');
    const template = await device.next('update');
    assert.equal(template.action, 'hot');
    assert.deepEqual(template.changes.map((c) => c.kind), ['template']);

    await project.write('pages/c/c.wxml', '<view>C</view>');
    await project.write('app.json', appJson.replace('"pages/b/b"', '"pages/b/b", "pages/c/c"'));
    let added = await device.next('update');
    while (!added.changes.some((c) => c.kind === 'json')) added = await device.next('update');
    assert.equal(added.action, 'relaunch');
    const next = await (await fetch(`http://127.0.0.1:${server.port}${added.manifestUrl}`)).json() as { packages: { pages: string[] }[] };
    assert.deepEqual(next.packages[0]?.pages, ['pages/a/a', 'pages/b/b', 'pages/c/c']);

    await live.close();
    assert.equal(await device.closed, 1001);
    assert.equal((await fetch(`http://127.0.0.1:${server.port}${load.manifestUrl}`)).status, 404);
  } finally {
    await live.close().catch(() => undefined);
    await server.close();
    await project.cleanup();
  }
});
