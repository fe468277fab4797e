// Regression (found by mutating the corpus WXML against wcc): an attribute missing its closing quote swallowed
// the next attributes with only a warning, while WeChat's compiler rejects the file. It must be an error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompiler } from '../../app/main/compiler/index';
import { copyRegressionFixture } from './support/fixture-project';

test('an attribute value missing its closing quote is an error, as in WeChat', async () => {
  const fixture = copyRegressionFixture('wxml-unclosed-attribute-quote-only-warns');
  const compiler = createCompiler(fixture.projectDir, { outDir: fixture.outDir, zips: false });
  try {
    const result = await compiler.build();
    const errors = result.diagnostics.filter((d) => d.file === 'pages/index/index.wxml' && d.severity === 'error');
    assert.ok(errors.length >= 1, `an error in index.wxml, got: ${result.diagnostics.map((d) => `${d.severity} ${d.line}:${d.column} ${d.message}`).join(' | ')}`);
    assert.ok(errors.every((d) => d.line >= 2 && d.line <= 3), 'located at the broken attribute (lines 2-3)');
    assert.equal(result.ok, false);
  } finally {
    compiler.dispose();
    fixture.dispose();
  }
});
