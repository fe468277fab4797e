#!/usr/bin/env node
// Installs the real npm packages the "Build npm" tests run against into the git-ignored `.corpus/npm-fixture/`:
// a mini-program component library with a `miniprogram` field (@vant/weapp → lib/), one whose dependencies must be
// built too (antd-mini; it pins its own dayjs, so npm nests a second copy), and a plain package bundled from `main`
// (dayjs). Idempotent: does nothing when the installed set matches. `--force` reinstalls.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const fixture = join(root, '.corpus', 'npm-fixture');
const dependencies = { '@vant/weapp': '1.11.7', 'antd-mini': '3.4.3', dayjs: '1.11.13' };
const stamp = join(fixture, 'installed.json');
const wanted = JSON.stringify(dependencies);

if (!process.argv.includes('--force') && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) {
  console.log('npm fixture: up to date in .corpus/npm-fixture (use --force to reinstall)');
  process.exit(0);
}
rmSync(fixture, { recursive: true, force: true });
mkdirSync(fixture, { recursive: true });
writeFileSync(join(fixture, 'package.json'), `${JSON.stringify({ name: 'npm-fixture', private: true, dependencies }, null, 2)}\n`);
const result = spawnSync(
  'npm',
  ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'],
  { cwd: fixture, stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error('npm fixture: npm install failed');
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, wanted);
console.log('npm fixture: installed into .corpus/npm-fixture/node_modules');
