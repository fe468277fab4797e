import { execFile } from 'node:child_process';
import type { Diagnostic } from '../../../app/shared/diagnostic';
import { formatDiagnostic } from '../../../app/shared/diagnostic';
import { repoRoot } from './corpus-manifest';

export interface CliOutcome {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `ministudio <args>` as a user would: the built CLI in its own process. */
export function runCli(args: readonly string[], timeoutMs = 300_000): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['bin/ministudio.js', ...args],
      { cwd: repoRoot, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, env: { ...process.env, MINISTUDIO_NO_BROWSER: '1' } },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') return reject(error);
        resolve({ exitCode: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
      },
    );
  });
}

/** The last line `ministudio build --json` prints: one result object per build. */
export interface BuildJson {
  readonly ok: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly diagnostics: readonly Diagnostic[];
  readonly durationMs: number;
  readonly packages: readonly { root: string; size: number }[];
}

export function parseBuildJson(outcome: CliOutcome): BuildJson {
  const line = outcome.stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (!line) throw new Error(`ministudio build --json printed no result (exit ${outcome.exitCode}).\nstdout:\n${outcome.stdout}\nstderr:\n${outcome.stderr}`);
  return JSON.parse(line) as BuildJson;
}

/** Problems of one severity, one per line, in the CLI's `file:line:col severity code message` format. */
export function listDiagnostics(result: BuildJson, severity: Diagnostic['severity']): string[] {
  return result.diagnostics.filter((d) => d.severity === severity).map(formatDiagnostic);
}
