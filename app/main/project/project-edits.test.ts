import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectService } from './project-service';
import { registerPage } from './page-scaffold';

async function makeProject(appJson = '{\n  // main pages\n  "pages": ["pages/index/index"]\n}\n'): Promise<{ root: string; service: ProjectService; trash: string }> {
  const base = await mkdtemp(join(tmpdir(), 'ms-edits-'));
  const root = join(base, 'proj');
  await mkdir(join(root, 'pages/index'), { recursive: true });
  await writeFile(join(root, 'app.json'), appJson);
  await writeFile(join(root, 'pages/index/index.wxml'), '<view/>');
  const trash = join(base, 'trash');
  process.env.MINISTUDIO_TRASH_DIR = trash;
  const service = new ProjectService({ configDir: join(base, 'config'), watch: false });
  await service.open(root);
  return { root, service, trash };
}

test('a new page gets its four files and is added to app.json, keeping comments', async () => {
  const { root, service } = await makeProject();
  const result = await service.newPage('pages/detail/detail', 'page');
  assert.deepEqual(result.files, ['pages/detail/detail.wxml', 'pages/detail/detail.wxss', 'pages/detail/detail.js', 'pages/detail/detail.json']);
  const appJson = await readFile(join(root, 'app.json'), 'utf8');
  assert.match(appJson, /\/\/ main pages/);
  assert.deepEqual(JSON.parse(appJson.replace(/\/\/.*$/m, '')).pages, ['pages/index/index', 'pages/detail/detail']);
  assert.match(await readFile(join(root, 'pages/detail/detail.js'), 'utf8'), /^Page\(/);
});

test('a page under a subpackage root is registered in that subpackage', () => {
  const text = registerPage('{"pages":["a/a"],"subpackages":[{"root":"pkg","pages":["x/x"]}]}', 'pkg/y/y');
  assert.deepEqual(JSON.parse(text).subpackages[0].pages, ['x/x', 'y/y']);
  assert.deepEqual(JSON.parse(text).pages, ['a/a']);
});

test('a new page refuses a bad path and an existing page, and changes nothing', async () => {
  const { root, service } = await makeProject();
  await assert.rejects(service.newPage('../evil', 'page'), /not a page path/);
  await assert.rejects(service.newPage('pages/index/index', 'page'), /already exists/);
  assert.doesNotMatch(await readFile(join(root, 'app.json'), 'utf8'), /evil/);
});

test('rename moves files and folders inside the project and never overwrites or escapes', async () => {
  const { root, service } = await makeProject();
  await service.createFile('utils/a.js', 'a');
  await service.renamePath('utils/a.js', 'lib/b.js');
  assert.equal(await readFile(join(root, 'lib/b.js'), 'utf8'), 'a');
  await assert.rejects(service.renamePath('lib/b.js', 'pages/index/index.wxml'), /already exists/);
  await assert.rejects(service.renamePath('lib/b.js', '../outside.js'), /outside the project/);
  await assert.rejects(service.renamePath('lib', 'lib/inner'), /into itself/);
});

test('delete moves to the trash with restore information, and refuses the project root', async () => {
  const { root, service, trash } = await makeProject();
  await service.createFolder('old');
  await service.createFile('old/x.txt', 'x');
  const result = await service.deletePath('old');
  assert.equal(existsSync(join(root, 'old')), false);
  assert.equal(result.trashed, process.platform !== 'win32');
  if (process.platform === 'linux') {
    assert.deepEqual(await readdir(join(trash, 'files')), ['old']);
    assert.match(await readFile(join(trash, 'info', 'old.trashinfo'), 'utf8'), /^\[Trash Info\]\nPath=.*\/old\n/);
  }
  await assert.rejects(service.deletePath('.'), /cannot be deleted/);
  await assert.rejects(service.createFile('../x.txt'), /outside the project/);
});

test('search finds text across project files with line and column, as plain text or a regular expression', async () => {
  const { service } = await makeProject();
  await service.createFile('pages/index/index.js', "Page({\n  onLoad() { console.log('Needle here') }\n});\n");
  await service.createFile('node_modules/x/index.js', 'Needle in a dependency');
  const plain = await service.search({ query: 'needle' });
  assert.deepEqual(plain.matches.map((m) => [m.path, m.line, m.column]), [['pages/index/index.js', 2, 27]]);
  assert.equal((await service.search({ query: 'needle', matchCase: true })).matches.length, 0);
  assert.equal((await service.search({ query: 'on[A-Z]\\w+', isRegex: true })).matches[0]?.preview.trim(), "onLoad() { console.log('Needle here') }");
  await assert.rejects(service.search({ query: '(', isRegex: true }), /Invalid regular expression/);
});
