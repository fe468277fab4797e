import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningCli {
  readonly child: ChildProcess;
  /** The value after `<prefix>: ` on the first line that has it. */
  readonly announced: string;
  output(): string;
  stop(): Promise<void>;
}

/**
 * Runs `ministudio <args>` as a user would (the built CLI, a real process) and waits for the line
 * `<prefix>: <value>` it prints when ready.
 */
export function startCli(args: readonly string[], prefix: string, env: Record<string, string> = {}, timeoutMs = 60_000): Promise<RunningCli> {
  const child = spawn(process.execPath, ['bin/ministudio.js', ...args], {
    cwd: repoRoot,
    env: { ...process.env, MINISTUDIO_NO_BROWSER: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`ministudio ${args.join(' ')} did not print '${prefix}:' in time. Output:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(new RegExp(`^${prefix}: (\\S+)`, 'm'));
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({
          child,
          announced: match[1],
          output: () => output,
          stop: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`ministudio ${args.join(' ')} exited with ${code} before it was ready. Output:\n${output}`));
    });
  });
}
