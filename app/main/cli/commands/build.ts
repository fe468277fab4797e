import { resolve } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../../shared/diagnostic';
import { createCompiler, type BuildResult } from '../../compiler/index';
import { profileByName } from '../../compiler/profiles';
import type { CliCommand } from '../command';

const usage = `Usage: ministudio build <project> [--out dir] [--watch] [--json] [--profile wechat|finclip] [--no-zip]

Compiles a mini-program into a package (docs/package-format.md).
  --out dir        output folder (default: <project>/.ministudio/build)
  --watch          rebuild on every change until interrupted
  --json           print a machine-readable result per build instead of text
  --profile name   force the DSL profile (default: detected from the files)
  --no-zip         skip the upload zips
Prints problems as file:line:col severity code message; exits 1 when there are errors.`;

interface BuildArgs {
  project: string;
  out?: string;
  watch: boolean;
  json: boolean;
  zips: boolean;
  profile?: 'wechat' | 'finclip';
}

function parseArgs(args: readonly string[]): BuildArgs | string {
  const parsed: BuildArgs = { project: '', watch: false, json: false, zips: true };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--watch') parsed.watch = true;
    else if (a === '--json') parsed.json = true;
    else if (a === '--no-zip') parsed.zips = false;
    else if (a === '--out' || a === '--profile') {
      const value = args[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--out') parsed.out = value;
      else {
        const profile = profileByName(value);
        if (!profile) return `unknown profile '${value}' (wechat or finclip)`;
        parsed.profile = profile.name;
      }
    } else if (a.startsWith('--')) return `unknown option '${a}'`;
    else if (parsed.project) return `unexpected argument '${a}'`;
    else parsed.project = a;
  }
  if (!parsed.project) return 'missing <project>';
  return parsed;
}

function report(result: BuildResult, json: boolean): void {
  if (json) {
    const { diagnostics, changedOutputs, outDir, durationMs, ok, recompiled, timings, manifest } = result;
    const counts = count(diagnostics);
    console.log(JSON.stringify({ ok, outDir, durationMs: Math.round(durationMs), ...counts, recompiled, timings, changedOutputs, diagnostics, packages: manifest?.packages ?? [] }));
    return;
  }
  for (const d of result.diagnostics) (d.severity === 'error' ? console.error : console.log)(formatDiagnostic(d));
  const { errors, warnings } = count(result.diagnostics);
  const parts = result.manifest?.packages.map((p) => `${p.root || 'main'} ${(p.size / 1024).toFixed(1)} KB`).join(', ') ?? '';
  console.log(`${result.ok ? 'Built' : 'Failed'} in ${Math.round(result.durationMs)} ms: ${errors} error(s), ${warnings} warning(s) → ${result.outDir}${parts ? ` (${parts})` : ''}`);
}

function count(diagnostics: readonly Diagnostic[]) {
  return { errors: diagnostics.filter((d) => d.severity === 'error').length, warnings: diagnostics.filter((d) => d.severity === 'warning').length };
}

export const buildCommand: CliCommand = {
  name: 'build',
  summary: 'compile a mini-program into a runnable package (and upload zips)',
  usage,
  async run(args) {
    const parsed = parseArgs(args);
    if (typeof parsed === 'string') {
      console.error(`ministudio build: ${parsed}\n\n${usage}`);
      return 2;
    }
    const project = resolve(parsed.project);
    const compiler = createCompiler(project, {
      outDir: resolve(parsed.out ?? resolve(project, '.ministudio/build')),
      zips: parsed.zips,
      ...(parsed.profile ? { profile: parsed.profile } : {}),
    });
    if (!parsed.watch) {
      const result = await compiler.build();
      report(result, parsed.json);
      compiler.dispose();
      return result.ok ? 0 : 1;
    }
    const stop = await compiler.watch((result) => report(result, parsed.json));
    await new Promise<void>((done) => {
      process.once('SIGINT', done);
      process.once('SIGTERM', done);
    });
    await stop();
    compiler.dispose();
    return 0;
  },
};
