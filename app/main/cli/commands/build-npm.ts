import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { formatDiagnostic } from '../../../shared/diagnostic';
import { buildNpm } from '../../compiler/npm/index';
import type { CliCommand } from '../command';

const usage = `Usage: ministudio build-npm <project> [--json]

Builds npm packages for the mini-program, like WeChat DevTools' "Build npm": every dependency of the
project's package.json (in the mini-program root, or next to it; or setting.packNpmRelationList when
setting.packNpmManually is set) goes from node_modules/<name> to miniprogram_npm/<name>:
  - a package with a "miniprogram" field (or a miniprogram_dist folder) has that folder copied, and its own
    dependencies are built as well;
  - any other package is bundled from its main file into miniprogram_npm/<name>/index.js (CommonJS).
Run npm install first. Prints problems as file:line:col severity code message; exits 1 when there are errors.
  --json   print a machine-readable result instead of text`;

export const buildNpmCommand: CliCommand = {
  name: 'build-npm',
  summary: 'build node_modules into miniprogram_npm (WeChat DevTools "Build npm")',
  usage,
  async run(args) {
    const json = args.includes('--json');
    const unknown = args.find((a) => a.startsWith('-') && a !== '--json');
    const positional = args.filter((a) => !a.startsWith('-'));
    if (unknown !== undefined || positional.length !== 1) {
      const problem = unknown !== undefined ? `unknown option '${unknown}'` : positional.length === 0 ? 'missing <project>' : `unexpected argument '${positional[1]}'`;
      console.error(`ministudio build-npm: ${problem}\n\n${usage}`);
      return 2;
    }
    const project = resolve(positional[0] ?? '.');
    if (!(await stat(project).then((s) => s.isDirectory(), () => false))) {
      console.error(`ministudio build-npm: '${project}' is not a folder`);
      return 2;
    }
    const started = performance.now();
    const result = await buildNpm(project);
    const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = result.diagnostics.filter((d) => d.severity === 'warning').length;
    if (json) {
      console.log(JSON.stringify({ ok: errors === 0, errors, warnings, targets: result.targets, diagnostics: result.diagnostics }));
      return errors === 0 ? 0 : 1;
    }
    for (const d of result.diagnostics) (d.severity === 'error' ? console.error : console.log)(formatDiagnostic(d));
    for (const target of result.targets) {
      console.log(`${target.target.packageJson} → ${target.outDir}/`);
      for (const p of target.packages) {
        console.log(`  ${p.name}${p.version ? `@${p.version}` : ''}  ${p.kind === 'miniprogram' ? 'copied' : 'bundled'} → ${p.output}`);
      }
    }
    const built = result.targets.reduce((sum, t) => sum + t.packages.length, 0);
    console.log(`Built ${built} package(s) in ${Math.round(performance.now() - started)} ms: ${errors} error(s), ${warnings} warning(s)`);
    return errors === 0 ? 0 : 1;
  },
};
