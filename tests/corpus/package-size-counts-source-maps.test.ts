// Regression (found on wux-weapp@3.11.3's example): the package size checked against WeChat's 2 MB limit
// included the `.map` source maps, which are not part of the code package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCompiler } from '../../app/main/compiler/index';
import { copyRegressionFixture } from './support/fixture-project';

function outputSizes(dir: string): { maps: number; code: number } {
  const sizes = { maps: 0, code: 0 };
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name === 'zips') continue;
      const inner = outputSizes(full);
      sizes.maps += inner.maps;
      sizes.code += inner.code;
    } else if (name.endsWith('.map')) sizes.maps += statSync(full).size;
    else if (name !== 'manifest.json') sizes.code += statSync(full).size;
  }
  return sizes;
}

test('the package size does not count source maps', async () => {
  const fixture = copyRegressionFixture('package-size-counts-source-maps');
  const compiler = createCompiler(fixture.projectDir, { outDir: fixture.outDir, zips: false });
  try {
    const result = await compiler.build();
    assert.equal(result.ok, true, result.diagnostics.map((d) => `${d.severity} ${d.code} ${d.message}`).join('\n'));
    const sizes = outputSizes(fixture.outDir);
    assert.ok(sizes.maps > 0, 'scripts get source maps (else this test proves nothing)');
    const reported = result.manifest!.packages[0]!.size;
    assert.ok(reported <= sizes.code, `reported ${reported} bytes; code files are ${sizes.code} bytes, maps ${sizes.maps} bytes`);
  } finally {
    compiler.dispose();
    fixture.dispose();
  }
});
