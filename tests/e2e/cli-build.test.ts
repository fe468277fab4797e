// `ministudio build` as a user runs it: the built CLI in its own process, on real projects in temp folders.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { smallApp, tempProject } from '../../app/main/compiler/test-fixtures';

const repoRoot = join(import.meta.dirname, '../..');

function ministudio(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/ministudio.js', ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

test('ministudio build prints located problems and exits 1 on errors, 0 when clean', async () => {
  const p = await tempProject(smallApp({ 'pages/b/b.wxml': '<view>\n  {{ a + }}\n</view>', 'pages/a/a.json': '{ "navigationBarTextStyle": 3 }' }));
  try {
    const broken = await ministudio(['build', p.dir, '--out', p.out]);
    assert.equal(broken.code, 1, broken.stderr);
    assert.match(broken.stderr, /^pages\/a\/a\.json:1:3 error json-schema 'navigationBarTextStyle' must be of type string$/m);
    assert.match(broken.stderr, /^pages\/b\/b\.wxml:2:10 error wxml-unexpected-character-inside-expression /m);
    assert.match(broken.stdout, /Failed in \d+ ms: 2 error\(s\)/);
    assert.ok(existsSync(join(p.out, 'manifest.json')), 'the package is still written');

    await p.write('pages/b/b.wxml', '<view>B</view>');
    await p.write('pages/a/a.json', '{}');
    const clean = await ministudio(['build', p.dir, '--out', p.out, '--json']);
    assert.equal(clean.code, 0, clean.stderr);
    const result = JSON.parse(clean.stdout.trim().split('\n').pop()!) as { ok: boolean; errors: number; diagnostics: unknown[]; packages: { root: string; zip: string }[] };
    assert.equal(result.ok, true);
    assert.deepEqual(result.diagnostics, []);
    assert.ok(existsSync(join(p.out, result.packages[0]!.zip)));
  } finally {
    await p.cleanup();
  }
});

test('ministudio build rejects bad arguments with usage and exit 2', async () => {
  const r = await ministudio(['build', '--profile', 'alipay', 'x']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown profile 'alipay'/);
  assert.match(r.stderr, /Usage: ministudio build/);
});

test('a folder without app.json is one clear error, not a crash', async () => {
  const p = await tempProject({ 'readme.txt': 'not a mini-program' });
  try {
    const r = await ministudio(['build', p.dir, '--out', p.out]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^app\.json:1:1 error app-json-missing /m);
  } finally {
    await p.cleanup();
  }
});
