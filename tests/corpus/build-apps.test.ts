// `ministudio build <app> --out <dir>` on the runnable real-world apps of the corpus: exit 0, zero errors,
// every page compiled. Warnings are allowed and listed. Needs `npm run corpus:fetch`; skips without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PackageManifest } from '../../app/shared/package-format';
import { CORPUS_MISSING, loadCorpus, repoRoot } from './support/corpus-manifest';
import { listDiagnostics, parseBuildJson, runCli } from './support/cli-run';

const corpus = loadCorpus();

if (!corpus) {
  test('corpus: ministudio build on the real-world apps', { skip: CORPUS_MISSING }, () => {});
} else {
  for (const app of corpus.apps) {
    test(`corpus ${app.spec}: ministudio build exits 0 with zero errors (${app.pages} pages)`, async (t) => {
      const out = mkdtempSync(join(tmpdir(), 'ministudio-corpus-build-'));
      try {
        const outcome = await runCli(['build', join(repoRoot, app.dir), '--out', out, '--json']);
        const result = parseBuildJson(outcome);
        const warnings = listDiagnostics(result, 'warning');
        t.diagnostic(`${app.spec}: exit ${outcome.exitCode}, ${result.errors} error(s), ${result.warnings} warning(s), ${Math.round(result.durationMs)} ms`);
        for (const warning of warnings) t.diagnostic(`warning: ${warning}`);
        const errors = listDiagnostics(result, 'error');
        assert.deepEqual(errors, [], `${app.spec} has ${errors.length} error(s):\n${errors.join('\n')}`);
        assert.equal(outcome.exitCode, 0, `exit code\nstderr:\n${outcome.stderr}`);

        const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PackageManifest;
        const appJson = JSON.parse(readFileSync(join(repoRoot, app.dir, 'app.json'), 'utf8')) as { pages: string[] };
        const packaged = manifest.packages.flatMap((p) => p.pages);
        assert.deepEqual([...packaged].sort(), [...appJson.pages].sort(), 'every page of app.json is in the package');
        for (const page of appJson.pages) {
          const entry = manifest.components[page];
          assert.ok(entry?.isPage, `${page} is a page in manifest.components`);
          assert.ok(existsSync(join(out, manifest.packages[0]!.templates)), 'the template group file exists');
          if (entry.script) assert.ok(existsSync(join(out, manifest.scripts[entry.script]!.file)), `${page}: compiled script exists`);
          if (entry.style) assert.ok(existsSync(join(out, entry.style.file)), `${page}: compiled style exists`);
        }
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    });
  }
}
