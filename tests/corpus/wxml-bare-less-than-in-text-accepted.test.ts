// Regression (found by mutating the corpus WXML against wcc): `1 < 2` in WXML text compiled without a word,
// while WeChat's compiler rejects the file. The build must report an error at the `<`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCompiler } from '../../app/main/compiler/index';
import { copyRegressionFixture } from './support/fixture-project';

test('a bare < in WXML text is an error, as in WeChat', async () => {
  const fixture = copyRegressionFixture('wxml-bare-less-than-in-text-accepted');
  const compiler = createCompiler(fixture.projectDir, { outDir: fixture.outDir, zips: false });
  try {
    const result = await compiler.build();
    const errors = result.diagnostics.filter((d) => d.file === 'pages/index/index.wxml' && d.severity === 'error');
    assert.equal(errors.length, 1, `one error for the bare '<', got: ${JSON.stringify(result.diagnostics)}`);
    assert.equal(errors[0]!.line, 2);
    assert.ok(errors[0]!.column >= 11 && errors[0]!.column <= 13, `column at the '<' (2:11), got ${errors[0]!.column}`);
    assert.equal(result.ok, false);
  } finally {
    compiler.dispose();
    fixture.dispose();
  }
});
