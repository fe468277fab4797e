import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeviceHub } from '../device/device-hub';
import type { DevServer, PackageMount } from './dev-server';
import { startDevServer } from './dev-server';

interface Reply {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

let dir: string;
let server: DevServer;
let mount: PackageMount;
const SECRET = 'top-secret-outside-the-roots';

/** Raw HTTP so the path reaches the server exactly as written (fetch would normalise `..`). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ministudio-devserver-'));
  const web = join(dir, 'web');
  const pkg = join(dir, 'pkg');
  await mkdir(join(web, 'simulator'), { recursive: true });
  await mkdir(join(web, 'assets'), { recursive: true });
  await mkdir(join(pkg, 'css'), { recursive: true });
  await mkdir(join(dir, 'outside'), { recursive: true });
  await writeFile(join(dir, 'secret.txt'), SECRET);
  await writeFile(join(dir, 'outside', 'secret.txt'), SECRET);
  await writeFile(join(web, 'simulator', 'index.html'), '<!doctype html><title>sim</title>');
  await writeFile(join(web, 'assets', 'main.js'), 'console.log(1)');
  await writeFile(join(web, 'assets', 'app.wasm'), Buffer.from([0, 97, 115, 109]));
  await writeFile(join(web, '.env'), SECRET);
  await symlink(join(dir, 'secret.txt'), join(web, 'link-out.txt'));
  await symlink(join(dir, 'outside'), join(web, 'linkdir'));
  await writeFile(join(pkg, 'manifest.json'), '{"format":1}');
  await writeFile(join(pkg, 'css', 'a.css'), '.a{color:red}');
  await writeFile(join(pkg, 'logo.png'), Buffer.from([137, 80, 78, 71]));
  await writeFile(join(pkg, 'clip.mp4'), Buffer.from('0123456789'));
  await writeFile(join(pkg, 'big.mp4'), Buffer.alloc(9 * 1024 * 1024, 7).fill(1, 5_000_000, 5_000_010));
  await symlink(join(dir, 'secret.txt'), join(pkg, 'sneaky.json'));
  const started = await startDevServer({ hub: new DeviceHub(), webRoot: web, port: 0 });
  assert.ok(started.ok, started.ok ? '' : started.error);
  server = started.value;
  mount = server.mountPackage('example', pkg);
});

after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test('serves the runtime with its content type and security headers', async () => {
  const page = await get('/simulator/index.html');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(String(page.headers['content-security-policy']), /script-src 'self'/);
  assert.match(String(page.headers['content-security-policy']), /frame-ancestors 'self'/);
  assert.equal(page.headers['x-content-type-options'], 'nosniff');
  assert.equal(page.headers['referrer-policy'], 'no-referrer');
  assert.equal((await get('/simulator/')).body, page.body, 'a folder serves its index.html');
  assert.equal((await get('/assets/main.js')).headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal((await get('/assets/app.wasm')).headers['content-type'], 'application/wasm');
});

test('serves the package under its per-session path with no-cache and ETags', async () => {
  assert.match(mount.baseUrl, /^\/pkg\/[A-Za-z0-9_-]{20,}\/$/);
  const manifest = await get(mount.manifestUrl);
  assert.equal(manifest.status, 200);
  assert.equal(manifest.body, '{"format":1}');
  assert.equal(manifest.headers['content-type'], 'application/json; charset=utf-8');
  assert.equal(manifest.headers['cache-control'], 'no-cache');
  assert.equal((await get(`${mount.baseUrl}css/a.css`)).headers['content-type'], 'text/css; charset=utf-8');
  assert.equal((await get(`${mount.baseUrl}logo.png`)).headers['content-type'], 'image/png');
  const etag = String(manifest.headers.etag);
  assert.equal((await get(mount.manifestUrl, { 'If-None-Match': etag })).status, 304);
  await writeFile(join(dir, 'pkg', 'manifest.json'), '{"format":1,"buildId":"2"}');
  const changed = await get(mount.manifestUrl, { 'If-None-Match': etag });
  assert.equal(changed.status, 200, 'a rebuilt file is seen despite the old ETag');
  assert.equal(changed.body, '{"format":1,"buildId":"2"}');
  assert.notEqual(changed.headers.etag, etag);
  assert.equal((await get('/pkg/not-the-key/manifest.json')).status, 404);
  assert.equal((await get('/pkg/')).status, 404);
});

test('a remount retires the old session path', async () => {
  const other = server.mountPackage('other', join(dir, 'pkg'));
  const again = server.mountPackage('other', join(dir, 'pkg'));
  assert.notEqual(other.baseUrl, again.baseUrl);
  assert.equal((await get(other.manifestUrl)).status, 404);
  assert.equal((await get(again.manifestUrl)).status, 200);
  server.unmountPackage('other');
  assert.equal((await get(again.manifestUrl)).status, 404);
});

const hostilePaths = [
  '/../secret.txt',
  '/simulator/../../secret.txt',
  '/%2e%2e/secret.txt',
  '/%2E%2E%2Fsecret.txt',
  '/..%2fsecret.txt',
  '/..%5csecret.txt',
  '/%2fetc%2fpasswd',
  '//etc/passwd',
  '/C:%5cWindows%5cwin.ini',
  '/C:/Windows/win.ini',
  '/secret.txt%00.html',
  '/%zz',
  '/link-out.txt',
  '/linkdir/secret.txt',
  '/.env',
  '/./simulator/index.html',
];

for (const path of hostilePaths) {
  test(`refuses ${path}`, async () => {
    for (const full of [path, `${mount.baseUrl.slice(0, -1)}${path}`]) {
      const reply = await get(full);
      assert.ok(reply.status === 403 || reply.status === 404 || reply.status === 400, `${full} gave ${reply.status}`);
      assert.ok(!reply.body.includes(SECRET), `${full} leaked the secret`);
    }
  });
}

test('a symlink in the package that points outside is refused', async () => {
  const reply = await get(`${mount.baseUrl}sneaky.json`);
  assert.equal(reply.status, 403);
  assert.ok(!reply.body.includes(SECRET));
});

test('no directory listings', async () => {
  const reply = await get('/assets/');
  assert.equal(reply.status, 404);
  assert.ok(!reply.body.includes('main.js'));
  assert.equal((await get(`${mount.baseUrl}css/`)).status, 404);
  assert.equal((await get('/')).status, 404);
});

test('only GET and HEAD', async () => {
  const post = await get('/simulator/index.html', {}, 'POST');
  assert.equal(post.status, 405);
  assert.equal(post.headers.allow, 'GET, HEAD');
  const head = await get('/simulator/index.html', {}, 'HEAD');
  assert.equal(head.status, 200);
  assert.equal(head.body, '');
});

test('a foreign Host header is refused (DNS rebinding)', async () => {
  assert.equal((await get('/simulator/index.html', { Host: 'evil.example:80' })).status, 421);
  assert.equal((await get('/simulator/index.html', { Host: `localhost:${server.port}` })).status, 200);
});

test('WebSocket upgrades only at /device, from this origin', async () => {
  const upgrade = (path: string, headers: Record<string, string>): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({
        host: '127.0.0.1',
        port: server.port,
        path,
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers },
      });
      req.on('upgrade', (res, socket) => {
        socket.destroy();
        resolve(res.statusCode ?? 0);
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
  assert.equal(await upgrade('/device', {}), 101);
  assert.equal(await upgrade('/device', { Origin: `http://127.0.0.1:${server.port}` }), 101);
  assert.equal(await upgrade('/device', { Origin: 'http://evil.example' }), 403);
  assert.equal(await upgrade('/elsewhere', {}), 403);
  assert.equal(await upgrade('/device', { Host: 'evil.example' }), 403);
});

test('a taken port gives a clear error instead of a crash', async () => {
  const second = await startDevServer({ hub: new DeviceHub(), webRoot: join(dir, 'web'), port: server.port });
  assert.equal(second.ok, false);
  assert.match((second as { ok: false; error: string }).error, new RegExp(`port ${server.port} on 127.0.0.1 is already in use`));
});

test('media can be fetched by byte ranges, small and streamed', async () => {
  const clip = `${mount.baseUrl}clip.mp4`;
  const part = await get(clip, { Range: 'bytes=2-5' });
  assert.equal(part.status, 206);
  assert.equal(part.body, '2345');
  assert.equal(part.headers['content-range'], 'bytes 2-5/10');
  assert.equal(part.headers['content-type'], 'video/mp4');
  assert.equal(part.headers['accept-ranges'], 'bytes');
  assert.equal((await get(clip, { Range: 'bytes=-3' })).body, '789');
  const beyond = await get(clip, { Range: 'bytes=10-' });
  assert.equal(beyond.status, 416);
  assert.equal(beyond.headers['content-range'], 'bytes */10');
  const stale = await get(clip, { Range: 'bytes=2-5', 'If-Range': '"an-old-etag"' });
  assert.equal(stale.status, 200, 'a stale If-Range gets the whole new file');
  assert.equal(stale.body, '0123456789');
  const etag = String(stale.headers.etag);
  assert.equal((await get(clip, { Range: 'bytes=2-5', 'If-Range': etag })).status, 206);

  const big = await get(`${mount.baseUrl}big.mp4`, { Range: 'bytes=4999998-5000011' });
  assert.equal(big.status, 206);
  assert.equal(big.headers['content-range'], `bytes 4999998-5000011/${9 * 1024 * 1024}`);
  assert.deepEqual([...Buffer.from(big.body, 'latin1')], [7, 7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 7, 7]);
});
