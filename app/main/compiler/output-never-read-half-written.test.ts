// A device fetching a package file while a rebuild rewrites it must get the old file or the new one, whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createCompiler } from './index';
import { smallApp, tempProject, where } from './test-fixtures';

const PNG_A = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
const PNG_B = Buffer.concat([PNG_A, Buffer.from('0000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082', 'hex')]);

async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => e.name);
}

test('a file open during a rebuild keeps its old content whole: outputs are replaced, never rewritten in place', async () => {
  const p = await tempProject(smallApp());
  await p.write('images/logo.png', PNG_A);
  const compiler = createCompiler(p.dir, { outDir: p.out });
  const outputs = ['templates/app.js', 'css/pages/a/a.css', 'js/utils/util.js', 'assets/images/logo.png', 'manifest.json'];
  try {
    const first = await compiler.build();
    assert.ok(first.ok, where(first.diagnostics).join('\n'));
    // what a server streaming each file holds: an open descriptor and the bytes it had
    const held = await Promise.all(outputs.map(async (path) => ({ path, handle: await open(join(p.out, path)), before: await p.readBytes(path) })));
    try {
      await p.write('pages/b/b.wxml', '<view>rewritten</view>');
      await p.write('pages/a/a.wxss', '.a { color: rewritten; }');
      await p.write('utils/util.js', "module.exports = { twice: (n) => n * 2, rewritten: 'yes' };");
      await p.write('images/logo.png', PNG_B);
      const next = await compiler.rebuild(['pages/b/b.wxml', 'pages/a/a.wxss', 'utils/util.js', 'images/logo.png']);
      assert.ok(next.ok, where(next.diagnostics).join('\n'));
      for (const { path, handle, before } of held) {
        // the manifest is rewritten on every run (new buildId) but listed only when more than that changed
        if (path !== 'manifest.json') assert.ok(next.changedOutputs.includes(path), `${path} was rewritten by the rebuild`);
        const seen = await handle.readFile();
        assert.ok(seen.equals(before), `${path} read through a descriptor opened before the rebuild changed under the reader`);
        assert.ok(!(await p.readBytes(path)).equals(before), `${path} holds the new content`);
      }
    } finally {
      await Promise.all(held.map((h) => h.handle.close()));
    }
    assert.match(await p.read('templates/app.js'), /rewritten/);
    assert.deepEqual((await listAll(p.out)).filter((name) => name.endsWith('.tmp')), [], 'no temp file is left behind');
  } finally {
    compiler.dispose();
    await p.cleanup();
  }
});
