#!/usr/bin/env node
// Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time by package/file and by function, and total
// (inclusive) time of the heaviest functions. Usage: node bench/compile/profile-summary.mjs <file.cpuprofile> [top]
import { readFileSync } from 'node:fs';

const [file, topText] = process.argv.slice(2);
if (!file) {
  console.error('usage: profile-summary.mjs <file.cpuprofile> [top]');
  process.exit(2);
}
const top = Number(topText ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// sample ids → self time, from the time deltas
const selfUs = new Map();
profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const totalUs = [...selfUs.values()].reduce((a, b) => a + b, 0);

const where = (n) => {
  const url = n.callFrame.url || '(native)';
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) return url.slice(modules + 'node_modules/'.length).split('/').slice(0, url.includes('node_modules/@') ? 2 : 1).join('/');
  return url.replace(/^file:\/\//, '').replace(/^.*\/work\/main\//, '');
};
const fn = (n) => `${n.callFrame.functionName || '(anonymous)'} ${where(n)}:${n.callFrame.lineNumber + 1}`;

const byPlace = new Map();
const bySelf = new Map();
const byTotal = new Map();
for (const [id, us] of selfUs) {
  const n = nodes.get(id);
  byPlace.set(where(n), (byPlace.get(where(n)) ?? 0) + us);
  bySelf.set(fn(n), (bySelf.get(fn(n)) ?? 0) + us);
  // inclusive: credit every distinct frame on the stack once
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const key = fn(nodes.get(cur));
    if (seen.has(key)) continue;
    seen.add(key);
    byTotal.set(key, (byTotal.get(key) ?? 0) + us);
  }
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / totalUs).toFixed(1).padStart(5)}%  ${key}`);
  }
};
console.log(`${file}: ${(totalUs / 1000).toFixed(0)} ms sampled`);
print('self time by package / file', byPlace);
print('self time by function', bySelf);
print('total (inclusive) time by function', byTotal);
