// `ministudio serve` end to end: the real CLI process on a copy of the example project, real sockets on 127.0.0.1.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PackageManifest } from '../../app/shared/package-format';
import { ProtocolDevice, ServeProcess, copyExample } from './serve-support';

let project: { dir: string; dispose: () => Promise<void> };
let serve: ServeProcess;
let url: URL;

before(async () => {
  project = await copyExample();
  serve = ServeProcess.start([project.dir, '--device', 'iPhone 12', '--page', 'pages/logs/logs?from=e2e', '--scene', '1011']);
  url = new URL((await serve.line(/^Simulator: /)).slice('Simulator: '.length));
});

after(async () => {
  if (process.env.SERVE_E2E_DEBUG) console.log(serve.stderr.join('\n'));
  await serve.stop();
  await project.dispose();
});

test('prints exactly one Simulator line whose URL carries token, device, page, query and scene', () => {
  assert.equal(serve.stdout.filter((l) => l.startsWith('Simulator: ')).length, 1);
  assert.equal(url.hostname, '127.0.0.1');
  assert.equal(url.pathname, '/simulator/index.html');
  assert.match(url.searchParams.get('token') ?? '', /^[A-Za-z0-9_-]{20,}$/);
  assert.equal(url.searchParams.get('device'), 'iPhone 12');
  assert.equal(url.searchParams.get('page'), 'pages/logs/logs');
  assert.equal(url.searchParams.get('query'), 'from=e2e');
  assert.equal(url.searchParams.get('scene'), '1011');
});

test('a device says hello with the URL token, loads the served manifest, and its console reaches stdout', async () => {
  const device = await ProtocolDevice.connect(url.origin, url.searchParams.get('token')!, 'e2e phone');
  const welcome = await device.next('welcome');
  assert.ok(welcome.resumeToken);
  const load = await device.next('load');
  const response = await fetch(new URL(load.manifestUrl, url.origin));
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-cache');
  const manifest = (await response.json()) as PackageManifest;
  assert.equal(manifest.format, 1);
  assert.equal(manifest.buildId, load.buildId);
  assert.deepEqual(manifest.packages[0]?.pages, ['pages/index/index', 'pages/logs/logs']);
  const style = manifest.components['pages/index/index']?.style?.file;
  assert.ok(style);
  assert.equal((await fetch(new URL(style, new URL(load.baseUrl, url.origin)))).headers.get('content-type'), 'text/css; charset=utf-8');

  const printed = serve.stdout.length;
  device.send({ type: 'log', level: 'warn', args: ['hello from', { e2e: true }] });
  assert.equal(await serve.line(/^\[e2e phone\] warn: /, 'stdout', printed), '[e2e phone] warn: hello from {"e2e":true}');
  device.send({ type: 'launch-missiles' });
  assert.equal((await device.next('refused')).code, 'unknown-type');
  device.ws.close();
});

test('saving files pushes hot updates, relaunches and compile errors with their location', { timeout: 30_000 }, async () => {
  const device = await ProtocolDevice.connect(url.origin, url.searchParams.get('token')!, 'watcher');
  await device.next('welcome');
  const first = await device.next('load');
  assert.equal((await device.next('diagnostics')).diagnostics.filter((d) => d.severity === 'error').length, 0, 'the current build has no errors');

  const wxss = join(project.dir, 'pages/index/index.wxss');
  await writeFile(wxss, `${await readFile(wxss, 'utf8')}\n.e2e-added { color: red; }\n`);
  const styleUpdate = await device.next('update');
  assert.equal(styleUpdate.action, 'hot');
  assert.notEqual(styleUpdate.buildId, first.buildId);
  assert.deepEqual(styleUpdate.changes.map((c) => c.kind), ['style']);
  const css = await (await fetch(new URL(styleUpdate.changes[0]!.path, new URL(styleUpdate.baseUrl, url.origin)))).text();
  assert.match(css, /e2e-added/);

  const js = join(project.dir, 'utils/util.js');
  await writeFile(js, `${await readFile(js, 'utf8')}\nmodule.exports.e2e = 1;\n`);
  const scriptUpdate = await device.next('update');
  assert.equal(scriptUpdate.action, 'relaunch');
  assert.ok(scriptUpdate.changes.some((c) => c.kind === 'script'));

  const wxml = join(project.dir, 'pages/logs/logs.wxml');
  const good = await readFile(wxml, 'utf8');
  await writeFile(wxml, `${good}\n<view>{{ unclosed </view>\n`);
  const broken = await device.next('diagnostics');
  const error = broken.diagnostics.find((d) => d.severity === 'error');
  assert.ok(error, `expected an error, got ${JSON.stringify(broken.diagnostics)}`);
  assert.equal(error.file, 'pages/logs/logs.wxml');
  assert.ok(error.line > good.split('\n').length - 1, `error line ${error.line} points at the broken line`);

  // chokidar drops a second 'change' of one file within 50 ms of the first; a real save comes later than that.
  await new Promise((resolve) => setTimeout(resolve, 120));
  await writeFile(wxml, good);
  const fixed = await device.next('diagnostics');
  assert.equal(fixed.diagnostics.filter((d) => d.severity === 'error').length, 0);
  device.ws.close();
});

test('serve refuses a missing project and a taken port with a clear message', async () => {
  const missing = ServeProcess.start([join(project.dir, 'no-such-project')]);
  assert.equal(await missing.exited, 2);
  assert.match(missing.stderr.join('\n'), /does not exist/);

  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as AddressInfo).port;
  const taken = ServeProcess.start([project.dir, '--port', String(port)]);
  assert.equal(await taken.exited, 1);
  assert.match(taken.stderr.join('\n'), new RegExp(`port ${port} on 127.0.0.1 is already in use`));
  await new Promise<void>((resolve) => blocker.close(() => resolve()));
});

test('--qr prints a single-use pairing link besides the reusable Simulator link; SIGTERM stops cleanly', { timeout: 60_000 }, async () => {
  const qr = ServeProcess.start([project.dir, '--qr', '--out', join(project.dir, '..', 'qr-out')]);
  try {
    const launchUrl = new URL((await qr.line(/^Simulator: /)).slice('Simulator: '.length));
    const pairingUrl = new URL(await qr.line(/^http:\/\/127\.0\.0\.1:\d+\/simulator\/index\.html\?token=/, 'stderr'));
    assert.match(qr.stderr.join('\n'), /Scan with a phone on the same network/);
    assert.match(qr.stderr.join('\n'), /bound to loopback, so a phone cannot reach this link/);
    assert.notEqual(pairingUrl.searchParams.get('token'), launchUrl.searchParams.get('token'));
    const first = await ProtocolDevice.connect(pairingUrl.origin, pairingUrl.searchParams.get('token')!, 'phone');
    assert.equal((await first.next('welcome')).type, 'welcome');
    const second = await ProtocolDevice.connect(pairingUrl.origin, pairingUrl.searchParams.get('token')!, 'second phone');
    assert.equal((await second.next('refused')).code, 'unauthorized');
    const closed = new Promise<number>((resolve) => first.ws.once('close', (code) => resolve(code)));
    assert.equal(await qr.stop(), 0, 'SIGTERM stops serve cleanly');
    assert.equal(await closed, 1001, 'connected devices are told the server is going away');
  } finally {
    await qr.stop();
  }
});
