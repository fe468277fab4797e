// Runs the real `ministudio serve` process for e2e tests and reads its output line by line.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WebSocket } from 'ws';
import type { ServerMessage } from '../../app/shared/device-protocol';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const exampleProject = join(repoRoot, 'resources', 'templates', 'example');

/** A fresh copy of the example project, so tests may edit it. */
export async function copyExample(): Promise<{ dir: string; dispose: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'ministudio-serve-e2e-'));
  const dir = join(root, 'example');
  await cp(exampleProject, dir, { recursive: true });
  return { dir, dispose: () => rm(root, { recursive: true, force: true }) };
}

export class ServeProcess {
  readonly stdout: string[] = [];
  readonly stderr: string[] = [];
  private waiters: Array<() => void> = [];
  readonly exited: Promise<number | null>;

  private constructor(readonly child: ChildProcess) {
    const collect = (into: string[]) => {
      let partial = '';
      return (chunk: Buffer) => {
        const lines = (partial + chunk.toString('utf8')).split('\n');
        partial = lines.pop()!;
        into.push(...lines);
        for (const wake of this.waiters.splice(0)) wake();
      };
    };
    child.stdout!.on('data', collect(this.stdout));
    child.stderr!.on('data', collect(this.stderr));
    this.exited = new Promise((resolve) => child.once('exit', (code) => {
      resolve(code);
      for (const wake of this.waiters.splice(0)) wake();
    }));
  }

  static start(args: readonly string[]): ServeProcess {
    const cli = join(repoRoot, 'bin', 'ministudio.js');
    if (!existsSync(join(repoRoot, 'out', 'main', 'cli.mjs'))) throw new Error('Mini Studio is not built: run `npm run build` first');
    return new ServeProcess(spawn(process.execPath, [cli, 'serve', ...args], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] }));
  }

  /** Resolves with the first stdout (or stderr) line matching, or rejects when the process exits first. */
  async line(pattern: RegExp, stream: 'stdout' | 'stderr' = 'stdout', from = 0): Promise<string> {
    let exited = false;
    void this.exited.then(() => (exited = true));
    for (;;) {
      const lines = stream === 'stdout' ? this.stdout : this.stderr;
      const found = lines.slice(from).find((l) => pattern.test(l));
      if (found !== undefined) return found;
      if (exited || this.child.exitCode !== null) {
        throw new Error(`serve exited before printing ${pattern}:\n${this.stdout.join('\n')}\n${this.stderr.join('\n')}`);
      }
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** A protocol-level device on a real WebSocket. */
export class ProtocolDevice {
  private readonly inbox: ServerMessage[] = [];
  private waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.inbox.push(JSON.parse(String(data)) as ServerMessage);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  static async connect(origin: string, token: string, name: string): Promise<ProtocolDevice> {
    const ws = new WebSocket(`${origin.replace(/^http/, 'ws')}/device`, { origin });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const device = new ProtocolDevice(ws);
    device.send({ type: 'hello', protocol: 1, token, device: { name, kind: 'browser' } });
    return device;
  }

  send(message: unknown): void {
    this.ws.send(JSON.stringify(message));
  }

  async next<T extends ServerMessage['type']>(type: T): Promise<Extract<ServerMessage, { type: T }>> {
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type);
      if (index >= 0) return this.inbox.splice(0, index + 1).pop() as Extract<ServerMessage, { type: T }>;
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
  }
}
