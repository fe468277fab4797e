import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { ZipFile } from 'yazl';
import { apiMaker } from './api-maker';
import { createFileSystemManager } from './file-system';
import { md5Hex } from './md5';
import { VirtualFs } from './virtual-fs';
import { createTestHost } from './test-host.test-support';

type Fn = (...args: unknown[]) => unknown;
const USR = 'wxfile://usr';

function manager() {
  const host = createTestHost();
  const fs = new VirtualFs();
  return { fs, m: createFileSystemManager(fs, apiMaker(host)) as Record<string, Fn> };
}

function zip(files: Record<string, string>, compress: boolean): Promise<Uint8Array> {
  const archive = new ZipFile();
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith('/')) archive.addEmptyDirectory(path);
    else archive.addBuffer(Buffer.from(text), path, { compress });
  }
  archive.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    archive.outputStream.on('data', (c: Buffer) => chunks.push(c));
    archive.outputStream.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    archive.outputStream.on('error', reject);
  });
}

test('md5 matches Node’s for empty, short and multi-block input', () => {
  for (const text of ['', 'abc', 'x'.repeat(1000), '你好'.repeat(33)]) {
    assert.equal(md5Hex(new TextEncoder().encode(text)), createHash('md5').update(text).digest('hex'));
  }
});

test('getFileInfo gives size and md5 (default) or sha1 digests', async () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/a.txt`, 'hello');
  assert.deepEqual(await m.getFileInfo!({ filePath: `${USR}/a.txt` }), { size: 5, digest: createHash('md5').update('hello').digest('hex'), errMsg: 'getFileInfo:ok' });
  assert.equal(((await m.getFileInfo!({ filePath: `${USR}/a.txt`, digestAlgorithm: 'sha1' })) as { digest: string }).digest, createHash('sha1').update('hello').digest('hex'));
  await assert.rejects(m.getFileInfo!({ filePath: `${USR}/none` }) as Promise<unknown>, (r: { errMsg: string }) => r.errMsg.startsWith('getFileInfo:fail no such file or directory'));
});

test('file descriptors: open, write at positions, read into a buffer, fstat, ftruncate, close', () => {
  const { m } = manager();
  const fd = m.openSync!({ filePath: `${USR}/fd.bin`, flag: 'w+' }) as string;
  assert.deepEqual(m.writeSync!({ fd, data: 'hello world' }), { bytesWritten: 11 });
  m.writeSync!({ fd, data: 'W', position: 6 });
  const buffer = new ArrayBuffer(5);
  const read = m.readSync!({ fd, arrayBuffer: buffer, length: 5, position: 6 }) as { bytesRead: number };
  assert.equal(read.bytesRead, 5);
  assert.equal(new TextDecoder().decode(buffer), 'World');
  assert.equal((m.fstatSync!({ fd }) as { size: number }).size, 11);
  m.ftruncateSync!({ fd, length: 5 });
  m.closeSync!({ fd });
  assert.equal(m.readFileSync!(`${USR}/fd.bin`, 'utf8'), 'hello');
  assert.throws(() => m.readSync!({ fd, arrayBuffer: new ArrayBuffer(1), length: 1 }), /readSync:fail bad file descriptor/);
  assert.throws(() => m.openSync!({ filePath: `${USR}/fd.bin`, flag: 'wx' }), /openSync:fail file already exists/);
  assert.throws(() => m.openSync!({ filePath: `${USR}/missing`, flag: 'r' }), /openSync:fail no such file or directory/);
});

test('append descriptors always write at the end; read-only descriptors refuse writes', async () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/log.txt`, 'a');
  const fd = ((await m.open!({ filePath: `${USR}/log.txt`, flag: 'a' })) as { fd: string }).fd;
  m.writeSync!({ fd, data: 'b', position: 0 });
  assert.equal(m.readFileSync!(`${USR}/log.txt`, 'utf8'), 'ab');
  const readOnly = m.openSync!({ filePath: `${USR}/log.txt` }) as string;
  assert.throws(() => m.writeSync!({ fd: readOnly, data: 'c' }), /permission denied/);
});

test('unzip extracts stored and deflated entries with their folders; readZipEntry reads chosen entries', async () => {
  for (const compress of [false, true]) {
    const { m, fs } = manager();
    fs.writeFile(`${USR}/pack.zip`, await zip({ 'docs/': '', 'docs/readme.txt': '说明 '.repeat(50), 'root.json': '{"a":1}' }, compress));
    await m.unzip!({ zipFilePath: `${USR}/pack.zip`, targetPath: `${USR}/out` });
    assert.deepEqual(m.readdirSync!(`${USR}/out`), ['docs', 'root.json']);
    assert.equal(m.readFileSync!(`${USR}/out/docs/readme.txt`, 'utf8'), '说明 '.repeat(50));
    const res = (await m.readZipEntry!({ filePath: `${USR}/pack.zip`, entries: [{ path: 'root.json', encoding: 'utf8' }, { path: 'nope' }] })) as { entries: Record<string, { data?: unknown; errMsg: string }> };
    assert.deepEqual(res.entries['root.json'], { data: '{"a":1}', errMsg: 'readZipEntry:ok' });
    assert.match(res.entries.nope!.errMsg, /no such file/);
  }
});

test('unzip of something that is not a zip fails clearly', async () => {
  const { m } = manager();
  m.writeFileSync!(`${USR}/fake.zip`, 'not a zip at all');
  await assert.rejects(m.unzip!({ zipFilePath: `${USR}/fake.zip`, targetPath: `${USR}/out` }) as Promise<unknown>, { errMsg: 'unzip:fail not a zip archive (no end of central directory)' });
});

test('getSavedFileList lists user files; removeSavedFile deletes one', async () => {
  const { m } = manager();
  m.mkdirSync!(`${USR}/d`);
  m.writeFileSync!(`${USR}/d/x.txt`, 'xx');
  const list = ((await m.getSavedFileList!()) as { fileList: { filePath: string; size: number }[] }).fileList;
  assert.deepEqual(list.map((f) => [f.filePath, f.size]), [[`${USR}/d/x.txt`, 2]]);
  await m.removeSavedFile!({ filePath: `${USR}/d/x.txt` });
  assert.deepEqual(((await m.getSavedFileList!()) as { fileList: unknown[] }).fileList, []);
});
