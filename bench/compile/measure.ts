import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Measured {
  /** Wall time of the process, spawn to exit. */
  readonly wallMs: number;
  /** Peak resident set size in MB (GNU time's %M: the process and the children it waited for). */
  readonly peakRssMb: number;
  /** CPU time (user + system, all threads, and the children it waited for): on a loaded machine, steadier than wall time. */
  readonly cpuMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Runs a command to completion under GNU time for its peak RSS; fails on a non-zero exit. `stdoutFile`
 * sends stdout to a file instead of memory (wcc/wcsc print megabytes of JS).
 */
export async function measure(command: string, args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; stdoutFile?: string } = {}): Promise<Measured> {
  const scratch = mkdtempSync(join(tmpdir(), 'ministudio-bench-'));
  const rssFile = join(scratch, 'rss');
  const stdoutFd = options.stdoutFile ? openSync(options.stdoutFile, 'w') : undefined;
  try {
    const started = performance.now();
    const child = spawn(GNU_TIME, ['-f', '%M %U %S', '-o', rssFile, command, ...args], {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', stdoutFd ?? 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    });
    const wallMs = performance.now() - started;
    if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${stderr.slice(-4000)}`);
    const [rssKb, user, system] = readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
    return { wallMs, peakRssMb: rssKb! / 1024, cpuMs: (user! + system!) * 1000, stdout, stderr };
  } finally {
    if (stdoutFd !== undefined) closeSync(stdoutFd);
    rmSync(scratch, { recursive: true, force: true });
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
