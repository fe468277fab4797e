/**
 * The mini-program compiler: a WeChat/FinClip-syntax project → a package the runtime loads
 * (docs/package-format.md, app/shared/package-format.ts).
 *
 *   const compiler = createCompiler('/path/to/project', { outDir: '/tmp/out' });
 *   const first = await compiler.build();                 // full build; first.diagnostics, first.manifest
 *   const next = await compiler.rebuild(['pages/a/a.wxml']); // next.changedOutputs: what to hot-swap
 *   const stop = await compiler.watch((result) => …);      // chokidar drives rebuild(); stop() ends it
 *   compiler.dispose();
 *
 * The watcher re-reads each rebuilt batch once chokidar's throttle window has passed and rebuilds again when a
 * file differs from what was compiled, so a second quick save (which chokidar does not report) is never lost.
 *
 * Contract: it never throws on bad input — every problem is a located `Diagnostic` and a broken file never
 * stops the others; even an I/O failure comes back as a `compiler-failure` diagnostic. Runs are serialised:
 * calls made while one runs wait for it. Paths given to `rebuild` may be absolute or project-relative, and may
 * name deleted files; a change to project.config.json or tsconfig.json makes it a full build. Upload zips are
 * written by full builds only. Options: `CompilerOptions` in package-compiler.ts.
 */
import { resolve, sep } from 'node:path';
import { PackageCompiler, type BuildResult, type CompilerOptions } from './package-compiler';

export type { BuildResult, CompilerOptions } from './package-compiler';
export { profiles, profileByName, type DslProfile } from './profiles';

export interface Compiler {
  readonly projectDir: string;
  readonly outDir: string;
  build(): Promise<BuildResult>;
  rebuild(changedFiles: readonly string[]): Promise<BuildResult>;
  /**
   * Builds once, then rebuilds on every change under the project folder (debounced), calling `onResult` after
   * each run. Resolves to a function that stops watching.
   */
  watch(onResult: (result: BuildResult) => void, options?: { debounceMs?: number }): Promise<() => Promise<void>>;
  dispose(): void;
}

/** Past chokidar's 50 ms window in which a second change of the same file is dropped, with a margin for timers. */
const RECHECK_AFTER_MS = 100;

export function createCompiler(projectDir: string, options: CompilerOptions): Compiler {
  const dir = resolve(projectDir);
  const outDir = resolve(options.outDir);
  const core = new PackageCompiler(dir, { ...options, outDir });
  let queue: Promise<unknown> = Promise.resolve();
  let built = false;
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };
  const build = () =>
    serial(async () => {
      const r = await core.build();
      built = true;
      return r;
    });
  const rebuild = (files: readonly string[]) => serial(() => (built ? core.rebuild(files) : core.build().then((r) => ((built = true), r))));

  return {
    projectDir: dir,
    outDir,
    build,
    rebuild,
    async watch(onResult, watchOptions) {
      const debounceMs = watchOptions?.debounceMs ?? 30;
      const pending = new Set<string>();
      const toRecheck = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      let recheckTimer: NodeJS.Timeout | undefined;
      let closed = false;
      const inOut = (p: string) => p === outDir || p.startsWith(outDir + sep);
      // loaded here: a one-off `ministudio build` never pays for chokidar
      const { watch: watchFiles } = await import('chokidar');
      const watcher = watchFiles(dir, {
        ignoreInitial: true,
        ignored: (p) => inOut(p) || /[\\/](node_modules|\.git|\.ministudio)([\\/]|$)/.test(p),
      });
      const flush = () => {
        timer = undefined;
        const files = [...pending];
        pending.clear();
        void rebuild(files).then((result) => {
          onResult(result);
          // chokidar drops a second change of a file within 50 ms of the first: look again once that window closed
          for (const f of files) toRecheck.add(f);
          if (recheckTimer) clearTimeout(recheckTimer);
          if (!closed) recheckTimer = setTimeout(recheck, RECHECK_AFTER_MS);
        });
      };
      const recheck = () => {
        recheckTimer = undefined;
        const files = [...toRecheck];
        toRecheck.clear();
        void serial(() => core.staleFiles(files))
          .catch(() => [])
          .then((stale) => stale.forEach(onChange));
      };
      const onChange = (p: string) => {
        if (closed) return;
        pending.add(p);
        if (timer) clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      };
      watcher.on('add', onChange).on('change', onChange).on('unlink', onChange).on('unlinkDir', onChange);
      await new Promise<void>((ready) => watcher.once('ready', () => ready()));
      onResult(await build());
      return async () => {
        closed = true;
        if (timer) clearTimeout(timer);
        if (recheckTimer) clearTimeout(recheckTimer);
        await watcher.close();
        await queue;
      };
    },
    dispose() {
      core.dispose();
    },
  };
}
