#!/usr/bin/env node
// Builds everything that runs: the Node side (CLI, services, Electron shell, preload) with esbuild, and the
// web side (renderer, simulator) with Vite. `--if-stale` skips the build when nothing changed since the last one.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'out');
const stamp = join(out, '.build-stamp');
const inputs = ['app', 'resources', 'vite.config.ts', 'package-lock.json', 'scripts/build.mjs'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let newest = st.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === 'node_modules') continue;
    newest = Math.max(newest, newestMtime(join(path, name)));
  }
  return newest;
}

const sourcesMtime = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
if (process.argv.includes('--if-stale') && existsSync(stamp)) {
  const built = Number(readFileSync(stamp, 'utf8'));
  if (built >= sourcesMtime) process.exit(0);
}

const started = Date.now();
mkdirSync(out, { recursive: true });
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'warning' };
await Promise.all([
  build({
    ...common,
    // the template compiler's worker thread (app/main/compiler/template-host.ts) is its own entry
    entryPoints: { cli: 'app/main/cli/main.ts', 'template-worker': 'app/main/compiler/wxml/template-worker.ts' },
    outdir: join(out, 'main'),
    format: 'esm',
    outExtension: { '.js': '.mjs' },
    // each CLI command is a chunk loaded when it runs (app/main/cli/commands/index.ts)
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    packages: 'external',
    absWorkingDir: root,
  }),
  build({
    ...common,
    entryPoints: { 'electron-main': 'app/main/electron/main.ts' },
    outdir: join(out, 'main'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    packages: 'external',
    absWorkingDir: root,
  }),
  build({
    ...common,
    entryPoints: { preload: 'app/preload/preload.ts' },
    outdir: join(out, 'preload'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    external: ['electron'],
    absWorkingDir: root,
  }),
]);

// Vite builds into a fresh folder that then replaces out/web in one rename, so a simulator or test that is
// serving out/web while someone rebuilds never sees it half-emptied.
const nextWeb = join(out, `web.next-${process.pid}`);
const vite = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', nextWeb, '--emptyOutDir'],
  { cwd: root, stdio: 'inherit' },
);
if (vite.status !== 0) {
  rmSync(nextWeb, { recursive: true, force: true });
  process.exit(vite.status ?? 1);
}
swapInto(nextWeb, join(out, 'web'));

writeFileSync(stamp, String(sourcesMtime));
console.log(`Mini Studio built in ${((Date.now() - started) / 1000).toFixed(1)} s`);

function swapInto(fresh, target) {
  const old = `${target}.old-${process.pid}`;
  for (let attempt = 0; ; attempt += 1) {
    try {
      if (existsSync(target)) renameSync(target, old);
      renameSync(fresh, target);
      break;
    } catch (error) {
      // another build swapped at the same moment: try again
      if (attempt > 20) throw error;
    }
  }
  rmSync(old, { recursive: true, force: true });
}
