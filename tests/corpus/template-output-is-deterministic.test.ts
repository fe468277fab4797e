// Regression (found on wux@2.0.3): two builds of the same sources wrote different template group files,
// because the template compiler emits each template's binding map in hash-map order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCompiler } from '../../app/main/compiler/index';
import { copyRegressionFixture } from './support/fixture-project';

test('building the same sources twice writes the same template group file', async () => {
  const fixture = copyRegressionFixture('template-output-is-deterministic');
  const texts: string[] = [];
  try {
    for (const run of [1, 2, 3]) {
      const outDir = `${fixture.outDir}-${run}`;
      const compiler = createCompiler(fixture.projectDir, { outDir, zips: false });
      const result = await compiler.build();
      compiler.dispose();
      assert.equal(result.ok, true);
      texts.push(readFileSync(join(outDir, result.manifest!.packages[0]!.templates), 'utf8'));
    }
    assert.equal(texts[1], texts[0], 'second build differs from the first');
    assert.equal(texts[2], texts[0], 'third build differs from the first');
  } finally {
    fixture.dispose();
  }
});
