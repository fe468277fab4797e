// Regression (found on wux-weapp@3.11.3's example): a main package over WeChat's 2 MB limit made
// `ministudio build` fail with an error. WeChat DevTools compiles and simulates such a project and only refuses
// preview/upload, so a build reports the size as a warning and still succeeds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCompiler } from '../../app/main/compiler/index';
import { copyRegressionFixture } from './support/fixture-project';

test('a main package over 2 MB builds with a package-too-large warning, not an error', async () => {
  const fixture = copyRegressionFixture('package-too-large-blocks-build');
  const rows = Array.from({ length: 40_000 }, (_, i) => `  { id: ${i}, name: 'row number ${i}', tag: 'x' }`);
  writeFileSync(join(fixture.projectDir, 'pages/index/big-table.js'), `module.exports = [\n${rows.join(',\n')}\n];\n`);
  const compiler = createCompiler(fixture.projectDir, { outDir: fixture.outDir, zips: false });
  try {
    const result = await compiler.build();
    const sizeProblems = result.diagnostics.filter((d) => d.code === 'package-too-large');
    assert.equal(sizeProblems.length, 1, 'the size is reported once');
    assert.equal(sizeProblems[0]!.severity, 'warning', 'over-size is a warning for a build');
    assert.equal(result.ok, true, result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`).join('\n'));
  } finally {
    compiler.dispose();
    fixture.dispose();
  }
});
