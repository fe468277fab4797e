import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiMaker } from './api-maker';
import { createFileSystemManager } from './file-system';
import { VirtualFs } from './virtual-fs';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;

function manager() {
  const host = createTestHost();
  const fs = new VirtualFs();
  return { fs, m: createFileSystemManager(fs, apiMaker(host)) as Record<string, Fn> };
}

const USR = 'wxfile://usr';

test('write then read a text file, sync and async', async () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/hello.txt`, '你好', 'utf8');
  assert.equal(m.readFileSync!(`${USR}/hello.txt`, 'utf8'), '你好');
  const res = (await m.readFile!({ filePath: `${USR}/hello.txt`, encoding: 'base64' })) as { data: string; errMsg: string };
  assert.deepEqual(res, { data: '5L2g5aW9', errMsg: 'readFile:ok' });
});

test('reading without an encoding gives an ArrayBuffer; position and length slice it', () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/bytes.bin`, new Uint8Array([1, 2, 3, 4, 5]).buffer);
  const buffer = m.readFileSync!(`${USR}/bytes.bin`, undefined, 1, 3) as ArrayBuffer;
  assert.ok(buffer instanceof ArrayBuffer);
  assert.deepEqual([...new Uint8Array(buffer)], [2, 3, 4]);
  assert.throws(() => m.readFileSync!(`${USR}/bytes.bin`, undefined, 4, 5), /readFileSync:fail Invalid argument/);
});

test('missing files fail with WeChat’s message', async () => {
  const { m } = manager();
  await assert.rejects(m.readFile!({ filePath: `${USR}/nope.txt` }) as Promise<unknown>, { errMsg: `readFile:fail no such file or directory, open ${USR}/nope.txt` });
  assert.throws(() => m.accessSync!(`${USR}/nope`), /accessSync:fail no such file or directory/);
  const calls: string[] = [];
  await new Promise<void>((resolve) => m.unlink!({ filePath: `${USR}/nope`, fail: (r: { errMsg: string }) => calls.push(r.errMsg), complete: () => resolve() }));
  assert.match(calls[0]!, /^unlink:fail no such file or directory/);
});

test('writing outside the user data directory is refused', () => {
  const { m } = manager();
  assert.throws(() => m.writeFileSync!('wxfile://tmp_x.txt', 'a'), /writeFileSync:fail permission denied/);
  assert.throws(() => m.writeFileSync!('/pages/index.js', 'a'), /writeFileSync:fail permission denied/);
  assert.throws(() => m.writeFileSync!(`${USR}/../escape.txt`, 'a'), /permission denied/);
});

test('mkdir, readdir, stat, rename, copyFile, appendFile, rmdir', () => {
  const { m } = manager();
  assert.throws(() => m.mkdirSync!(`${USR}/a/b`), /mkdirSync:fail no such file or directory/);
  m.mkdirSync!(`${USR}/a/b`, true);
  m.writeFileSync!(`${USR}/a/b/one.txt`, 'one');
  m.appendFileSync!(`${USR}/a/b/one.txt`, '+more');
  m.copyFileSync!(`${USR}/a/b/one.txt`, `${USR}/a/two.txt`);
  assert.deepEqual(m.readdirSync!(`${USR}/a`), ['b', 'two.txt']);
  const stats = m.statSync!(`${USR}/a/two.txt`) as { size: number; isFile(): boolean; isDirectory(): boolean };
  assert.equal(stats.size, 8);
  assert.equal(stats.isFile(), true);
  assert.equal((m.statSync!(`${USR}/a`) as { isDirectory(): boolean }).isDirectory(), true);
  const all = m.statSync!(`${USR}/a`, true) as { path: string }[];
  assert.deepEqual(all.map((s) => s.path), ['/', '/b', '/b/one.txt', '/two.txt']);
  m.renameSync!(`${USR}/a`, `${USR}/c`);
  assert.equal(m.readFileSync!(`${USR}/c/b/one.txt`, 'utf8'), 'one+more');
  assert.throws(() => m.rmdirSync!(`${USR}/c`), /rmdirSync:fail directory not empty/);
  assert.throws(() => m.unlinkSync!(`${USR}/c`), /unlinkSync:fail operation not permitted/);
  m.rmdirSync!(`${USR}/c`, true);
  assert.deepEqual(m.readdirSync!(USR), []);
});

test('temporary files are readable and can be saved into the user directory', async () => {
  const { fs, m } = manager();
  const temp = fs.createTempFile(new TextEncoder().encode('downloaded'), 'txt');
  assert.match(temp, /^wxfile:\/\/tmp_[a-z0-9]+\.txt$/);
  assert.equal(m.readFileSync!(temp, 'utf8'), 'downloaded');
  const res = (await m.saveFile!({ tempFilePath: temp, filePath: `${USR}/kept.txt` })) as { savedFilePath: string };
  assert.equal(res.savedFilePath, `${USR}/kept.txt`);
  assert.equal(fs.exists(temp), false);
});

test('encodings: hex, latin1, ucs2 round trip, unknown encoding is an error', () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/h`, '00ff10', 'hex');
  assert.equal(m.readFileSync!(`${USR}/h`, 'hex'), '00ff10');
  m.writeFileSync!(`${USR}/u`, 'hé', 'ucs2');
  assert.equal(m.readFileSync!(`${USR}/u`, 'utf16le'), 'hé');
  assert.throws(() => m.readFileSync!(`${USR}/u`, 'klingon'), /unknown encoding/);
});

test('truncateSync takes an options object', () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/t`, 'abcdef');
  m.truncateSync!({ filePath: `${USR}/t`, length: 2 });
  assert.equal(m.readFileSync!(`${USR}/t`, 'utf8'), 'ab');
});

test('snapshot and restore keep the user directory; files written since boot win; temp files are not kept', async () => {
  const { fs, m } = manager();
  m.mkdirSync!(`${USR}/d`);
  m.writeFileSync!(`${USR}/d/a.txt`, 'old');
  const temp = fs.createTempFile(new Uint8Array([1]), 'bin');
  let changes = 0;
  fs.onChange(() => changes++);
  m.writeFileSync!(`${USR}/d/b.txt`, 'b');
  m.appendFileSync!(`${USR}/d/b.txt`, 'b');
  await Promise.resolve();
  assert.equal(changes, 1, 'one notification per burst of changes');
  const snapshot = fs.snapshot();
  assert.ok(snapshot.every((entry) => entry.path.startsWith('usr')));
  const next = manager();
  next.m.mkdirSync!(`${USR}/d`);
  next.m.writeFileSync!(`${USR}/d/a.txt`, 'new');
  next.fs.restore(snapshot);
  assert.equal(next.m.readFileSync!(`${USR}/d/a.txt`, 'utf8'), 'new');
  assert.equal(next.m.readFileSync!(`${USR}/d/b.txt`, 'utf8'), 'bb');
  assert.equal(next.fs.exists(temp), false);
});
