// The gallery app (scripts/gallery-generate.mjs: every component of tdesign-miniprogram, @vant/weapp,
// weui-miniprogram and antd-mini on its own page) goes through `ministudio build-npm` and `ministudio build`
// with zero errors. Needs `npm run corpus:fetch`; skips without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../app/shared/diagnostic';
import type { PackageManifest } from '../../app/shared/package-format';
import { CORPUS_MISSING, loadCorpus, repoRoot } from './support/corpus-manifest';
import { listDiagnostics, parseBuildJson, runCli } from './support/cli-run';

const corpus = loadCorpus();

if (!corpus) {
  test('corpus: the component gallery app builds', { skip: CORPUS_MISSING }, () => {});
} else {
  test('corpus gallery: build npm, then ministudio build exits 0 with zero errors', async (t) => {
    const base = mkdtempSync(join(tmpdir(), 'ministudio-gallery-'));
    const project = join(base, 'gallery');
    const out = join(base, 'out');
    try {
      const source = join(repoRoot, corpus.gallery.dir);
      // a fresh build npm: leave out what a previous one wrote
      cpSync(source, project, { recursive: true, filter: (path) => path !== join(source, 'miniprogram_npm') });
      const npm = await runCli(['build-npm', project, '--json']);
      const npmResult = JSON.parse(npm.stdout.trim().split('\n').at(-1) ?? '{}') as { diagnostics?: Diagnostic[] };
      const npmErrors = (npmResult.diagnostics ?? []).filter((d) => d.severity === 'error').map(formatDiagnostic);
      assert.deepEqual(npmErrors, [], `build npm: ${npmErrors.length} error(s):\n${npmErrors.join('\n')}`);
      assert.equal(npm.exitCode, 0, `ministudio build-npm exit code\nstderr:\n${npm.stderr}`);
      for (const library of corpus.libraries) {
        assert.ok(existsSync(join(project, 'miniprogram_npm', library.name)), `miniprogram_npm/${library.name} was built`);
      }

      const outcome = await runCli(['build', project, '--out', out, '--json']);
      const result = parseBuildJson(outcome);
      t.diagnostic(`gallery: exit ${outcome.exitCode}, ${result.errors} error(s), ${result.warnings} warning(s), ${Math.round(result.durationMs)} ms`);
      for (const warning of listDiagnostics(result, 'warning')) t.diagnostic(`warning: ${warning}`);
      const errors = listDiagnostics(result, 'error');
      assert.deepEqual(errors, [], `gallery has ${errors.length} error(s):\n${errors.join('\n')}`);
      assert.equal(outcome.exitCode, 0, `exit code\nstderr:\n${outcome.stderr}`);

      // every page mounts its component: the component is in the package with its template and script
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as PackageManifest;
      const appJson = JSON.parse(readFileSync(join(project, 'app.json'), 'utf8')) as { pages: string[] };
      assert.ok(appJson.pages.length > 250, `the gallery has a page per component (${appJson.pages.length})`);
      const missing: string[] = [];
      for (const page of appJson.pages) {
        const entry = manifest.components[page];
        if (!entry?.isPage) {
          missing.push(`${page}: not a page of the package`);
          continue;
        }
        for (const [tag, target] of Object.entries((entry.json['usingComponents'] ?? {}) as Record<string, string>)) {
          const component = manifest.components[target];
          if (!component) missing.push(`${page}: <${tag}> → ${target} is not in the package`);
          else if (component.script && !manifest.scripts[component.script]) missing.push(`${page}: ${target} has no compiled script`);
        }
      }
      assert.deepEqual(missing, [], `${missing.length} page(s) do not mount their component:\n${missing.join('\n')}`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
}
