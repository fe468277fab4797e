import type { CliCommand } from '../command';

/**
 * Every `ministudio` sub-command, in the order `--help` lists them. Each module (and what it pulls in: the
 * compiler, the devserver, ws, qrcode, chokidar) loads only when its command runs, so `ministudio build` starts
 * without the servers' dependencies.
 */
export const commandLoaders: readonly { readonly name: string; readonly load: () => Promise<CliCommand> }[] = [
  { name: 'open', load: async () => (await import('./open')).openCommand },
  { name: 'build', load: async () => (await import('./build')).buildCommand },
  { name: 'build-npm', load: async () => (await import('./build-npm')).buildNpmCommand },
  { name: 'serve', load: async () => (await import('./serve')).serveCommand },
];

/** All commands, loaded (for `--help`). */
export function loadAllCommands(): Promise<CliCommand[]> {
  return Promise.all(commandLoaders.map((c) => c.load()));
}
