#!/usr/bin/env node
// Runs the unit tests (app/**/*.test.ts) and end-to-end tests (tests/e2e/**/*.test.ts) with Node's test runner.
// Node 20's --test takes no globs, so we find the files ourselves.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const only = args.find((a) => a === '--unit' || a === '--e2e');
const filters = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  const found = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...findTests(full));
    else if (name.endsWith('.test.ts')) found.push(relative(root, full));
  }
  return found;
}

const unit = only === '--e2e' ? [] : findTests(join(root, 'app'));
const e2e = only === '--unit' ? [] : findTests(join(root, 'tests'));
let files = [...unit, ...e2e].sort();
if (filters.length) files = files.filter((f) => filters.some((p) => f.includes(p)));
if (files.length === 0) {
  console.error('No test files matched.');
  process.exit(1);
}
// Real third-party packages some tests compile: fetched once from the npm registry into the git-ignored .corpus/.
// The corpus fetch starts by emptying .corpus/, so it goes first.
const fixtures = [
  ['.corpus/manifest.json', 'scripts/corpus-fetch.mjs'],
  ['.corpus/npm-fixture/node_modules', 'scripts/npm-fixture-fetch.mjs'],
];
for (const [marker, script] of fixtures) {
  if (existsSync(join(root, marker)) || !existsSync(join(root, script))) continue;
  console.log(`Fetching test fixtures: node ${script}`);
  const fetched = spawnSync(process.execPath, [script], { cwd: root, stdio: 'inherit' });
  if (fetched.status !== 0) process.exit(fetched.status ?? 1);
}

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  { cwd: root, stdio: 'inherit', env: { ...process.env, MINISTUDIO_TEST: '1' } },
);
process.exit(result.status ?? 1);
