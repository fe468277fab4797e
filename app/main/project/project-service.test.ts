import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ProjectService } from './project-service';

async function makeProject(): Promise<{ root: string; outside: string; configDir: string; service: ProjectService }> {
  const base = await mkdtemp(join(tmpdir(), 'ms-project-'));
  const root = join(base, 'proj');
  const outside = join(base, 'outside');
  await mkdir(join(root, 'pages/index'), { recursive: true });
  await mkdir(outside);
  await writeFile(join(root, 'project.config.json'), JSON.stringify({ projectname: 'demo', appid: 'wx123' }));
  await writeFile(join(root, 'app.json'), '{"pages":["pages/index/index"]}');
  await writeFile(join(root, 'pages/index/index.wxml'), '<view>hi</view>');
  await writeFile(join(outside, 'secret.txt'), 'top secret');
  const configDir = join(base, 'config');
  const service = new ProjectService({ configDir, watch: false });
  await service.open(root);
  return { root, outside, configDir, service };
}

test('opens a project: name from project.config.json, tree with folders first', async () => {
  const { service } = await makeProject();
  const info = service.currentProject();
  assert.equal(info?.name, 'demo');
  assert.equal(info?.appId, 'wx123');
  const tree = await service.listFiles();
  assert.deepEqual(
    tree.children?.map((c) => c.name),
    ['pages', 'app.json', 'project.config.json'],
  );
  assert.equal(tree.children?.[0]?.children?.[0]?.children?.[0]?.path, 'pages/index/index.wxml');
});

test('reads and writes files inside the project', async () => {
  const { root, service } = await makeProject();
  assert.equal((await service.readFile('app.json')).content, '{"pages":["pages/index/index"]}');
  await service.writeFile('pages/index/index.wxml', '<view>changed</view>');
  assert.equal(await readFile(join(root, 'pages/index/index.wxml'), 'utf8'), '<view>changed</view>');
  assert.deepEqual(await readdir(join(root, 'pages/index')), ['index.wxml'], 'no temp file left behind');
});

test('refuses paths that escape the project and writes nothing', async () => {
  const { root, outside, service } = await makeProject();
  await symlink(outside, join(root, 'link-out'));
  const attempts = ['../outside/secret.txt', 'pages/../../outside/secret.txt', join(outside, 'secret.txt'), '/etc/passwd', 'link-out/secret.txt', 'link-out/new.txt', 'C:\\Windows\\win.ini', 'a\0b'];
  for (const path of attempts) {
    await assert.rejects(service.readFile(path), (e: Error & { code?: string }) => /Refused|Invalid/.test(e.message), `read ${path}`);
    await assert.rejects(service.writeFile(path, 'pwned'), (e: Error) => /Refused|Invalid/.test(e.message), `write ${path}`);
  }
  assert.equal(await readFile(join(outside, 'secret.txt'), 'utf8'), 'top secret');
  assert.deepEqual(await readdir(outside), ['secret.txt']);
});

test('a missing file gives a clear error naming it', async () => {
  const { service } = await makeProject();
  await assert.rejects(service.readFile('pages/nope.wxml'), /File not found: pages\/nope\.wxml/);
  await assert.rejects(service.writeFile('no/such/dir/a.js', 'x'), /folder for no\/such\/dir\/a\.js does not exist/);
});

test('a write that fails mid-way leaves the old content and no temp file', async () => {
  const { root } = await makeProject();
  const target = join(root, 'pages/index/index.wxml');
  // A child process whose file-size limit (ulimit -f, 512-byte blocks) makes the write fail part-way through.
  const script = `
    process.on('SIGXFSZ', () => {});
    const { writeFileAtomic } = await import(${JSON.stringify(new URL('./atomic-write.ts', import.meta.url).href)});
    try { await writeFileAtomic(${JSON.stringify(target)}, 'x'.repeat(200000)); console.log('WROTE'); }
    catch (e) { console.log('FAILED ' + e.code); }`;
  const child = spawnSync('bash', ['-c', `ulimit -f 8; exec "${process.execPath}" --import tsx --input-type=module -e "$0"`, script], {
    encoding: 'utf8',
  });
  assert.match(child.stdout, /FAILED EFBIG/, child.stderr);
  assert.equal(await readFile(target, 'utf8'), '<view>hi</view>');
  assert.deepEqual(await readdir(join(root, 'pages/index')), ['index.wxml']);
});

test('recent projects are remembered across service instances', async () => {
  const { root, configDir } = await makeProject();
  const again = new ProjectService({ configDir, watch: false });
  const recent = await again.recent();
  assert.equal(recent[0]?.root, root);
  assert.equal(recent[0]?.name, 'demo');
});
