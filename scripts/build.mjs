#!/usr/bin/env node
// Builds everything that runs: the Node side (CLI, services, Electron shell, preload) with esbuild, and the
// web side (renderer, simulator) with Vite. `--if-stale` skips the build when nothing changed since the last one.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync, writeFileSync, readFileSync, mkdirSync } from 'node:fs';
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

const vite = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: root,
  stdio: 'inherit',
});
if (vite.status !== 0) process.exit(vite.status ?? 1);

writeFileSync(stamp, String(sourcesMtime));
console.log(`Mini Studio built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
