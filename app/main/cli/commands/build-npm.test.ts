import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createNpmProject } from '../../compiler/npm/test-npm-project';

const cliMain = fileURLToPath(new URL('../main.ts', import.meta.url));

function ministudio(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const script = `import(${JSON.stringify(cliMain)}).then(async (m) => { process.exitCode = await m.main(${JSON.stringify(args)}); })`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '-e', script], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('ministudio build-npm builds the project and lists what it did', async () => {
  const project = await createNpmProject({
    'package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
    'node_modules/tiny/package.json': '{ "name": "tiny", "version": "2.0.0" }',
    'node_modules/tiny/index.js': 'module.exports = 1;',
  });
  try {
    const run = ministudio(['build-npm', project.dir]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /package\.json → miniprogram_npm\//);
    assert.match(run.stdout, /tiny@2\.0\.0 {2}bundled → miniprogram_npm\/tiny/);
    assert.match(run.stdout, /Built 1 package\(s\) in \d+ ms: 0 error\(s\), 0 warning\(s\)/);
    assert.ok(existsSync(`${project.dir}/miniprogram_npm/tiny/index.js`));
  } finally {
    await project.dispose();
  }
});

test('ministudio build-npm prints located problems and exits 1', async () => {
  const project = await createNpmProject({ 'package.json': '{\n  "dependencies": { "ghost": "1.0.0" }\n}' });
  try {
    const run = ministudio(['build-npm', project.dir, '--json']);
    assert.equal(run.status, 1);
    const out = JSON.parse(run.stdout) as { ok: boolean; diagnostics: { file: string; line: number; code: string }[] };
    assert.equal(out.ok, false);
    assert.deepEqual(out.diagnostics.map((d) => [d.file, d.line, d.code]), [['package.json', 2, 'npm-package-missing']]);
    const text = ministudio(['build-npm', project.dir]);
    assert.match(text.stderr, /^package\.json:2:\d+ error npm-package-missing Package 'ghost' is not installed/m);
  } finally {
    await project.dispose();
  }
});

test('ministudio build-npm rejects a missing project argument with usage', () => {
  const run = ministudio(['build-npm']);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /missing <project>/);
  assert.match(run.stderr, /Usage: ministudio build-npm/);
});
