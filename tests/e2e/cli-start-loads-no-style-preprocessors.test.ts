// `ministudio --help` must not pay for Sass (~1 s to load), Less or esbuild: they load on first use, not at start-up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const repoRoot = join(import.meta.dirname, '../..');

/** A resolve hook that names, on stderr, every package the process loads (ESM imports and CommonJS requires alike). */
const hook = `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(\`export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (!/^(node:|file:|data:|\\\\.|\\\\/)/.test(specifier)) process.stderr.write('package-loaded ' + specifier + '\\\\n');
  return resolved;
}\`));`;

function packagesLoadedBy(args: readonly string[]): Promise<{ code: number; stdout: string; packages: Set<string> }> {
  return new Promise((resolve, reject) => {
    const hookUrl = `data:text/javascript,${encodeURIComponent(hook)}`;
    execFile(process.execPath, ['--import', hookUrl, 'bin/ministudio.js', ...args], { cwd: repoRoot }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      const packages = new Set([...stderr.matchAll(/^package-loaded (\S+)$/gm)].map((m) => m[1]!));
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, packages });
    });
  });
}

test('ministudio --help loads neither sass, less nor esbuild', async () => {
  const help = await packagesLoadedBy(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /build/);
  // the hook works: the CLI's own eager dependencies show up
  assert.ok(help.packages.has('chokidar'), `the hook saw: ${[...help.packages].join(', ')}`);
  for (const heavy of ['sass', 'less', 'esbuild']) assert.ok(!help.packages.has(heavy), `--help loaded ${heavy}`);
});

test('ministudio build loads the compiler only: not the servers (ws, qrcode) nor the watcher (chokidar)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'ministudio-cli-start-'));
  try {
    const build = await packagesLoadedBy(['build', 'resources/templates/example', '--out', out, '--no-zip']);
    assert.equal(build.code, 0, build.stdout);
    assert.ok(build.packages.has('postcss'), `the hook saw: ${[...build.packages].join(', ')}`);
    for (const unneeded of ['ws', 'qrcode', 'chokidar', 'yazl']) assert.ok(!build.packages.has(unneeded), `build loaded ${unneeded}`);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});
