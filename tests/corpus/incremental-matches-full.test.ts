// On real-world apps, an incremental rebuild after one edit must leave exactly the package a fresh full build
// of the edited project writes (shared WXS, an @imported WXSS, a required JS module, an imported template, a
// page json). Needs `npm run corpus:fetch`; skips without it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createCompiler } from '../../app/main/compiler/index';
import { CORPUS_MISSING, loadCorpus, repoRoot } from './support/corpus-manifest';

/** New text of each changed file from its old text (undefined: the file does not exist); undefined deletes it. */
type Change = (text: string | undefined) => string | undefined;

interface Edit {
  readonly app: string;
  readonly title: string;
  readonly changes: Readonly<Record<string, Change>>;
}

const EDITS: readonly Edit[] = [
  { app: 'wux-weapp', title: 'editing a shared WXS module', changes: { 'dist/helpers/wxs/common.wxs': (t) => t?.replace('getValue: getValue,', 'getValue: getValue,\n    edited: function () { return 1 },') } },
  { app: 'wux-weapp', title: 'editing an @imported WXSS file', changes: { 'assets/styles/example.wxss': (t) => `${t}\n.edited-rule { margin: 12rpx; }\n` } },
  { app: 'wux-weapp', title: 'editing a JS module every component requires', changes: { 'dist/helpers/baseComponent.js': (t) => `${t}\nconsole.log('edited');\n` } },
  { app: 'wux-weapp', title: 'editing a page json', changes: { 'pages/index/index.json': (t) => t?.replace('"Demo"', '"Demo (edited)"') } },
  { app: 'wux-weapp', title: 'editing a page WXML', changes: { 'pages/index/index.wxml': (t) => `${t}\n<view class="edited">{{ edited }}</view>\n` } },
  {
    app: 'wux-weapp',
    title: 'adding a JS module that an existing one requires',
    changes: {
      'dist/helpers/added.js': () => 'module.exports = { added: true };\n',
      'dist/helpers/baseComponent.js': (t) => `const added = require('./added');\n${t}\nconsole.log(added);\n`,
    },
  },
  { app: 'wux-weapp', title: 'deleting a page script', changes: { 'pages/about/index.js': () => undefined } },
  { app: 'wux', title: 'editing an imported template', changes: { 'components/dialog/dialog.wxml': (t) => t?.replace('</template>', '<view class="edited">edited</view></template>') } },
];

const corpus = loadCorpus();

if (!corpus) {
  test('corpus: incremental rebuilds match full builds', { skip: CORPUS_MISSING }, () => {});
} else {
  for (const edit of EDITS) {
    const app = corpus.apps.find((a) => a.name === edit.app);
    test(`corpus ${edit.app}: rebuild after ${edit.title} writes what a full build writes`, { skip: app ? false : `${edit.app} not in the corpus` }, async () => {
      const base = mkdtempSync(join(tmpdir(), 'ministudio-incremental-'));
      const project = join(base, 'project');
      cpSync(join(repoRoot, app!.dir), project, { recursive: true });
      const incrementalOut = join(base, 'incremental');
      const fullOut = join(base, 'full');
      const incremental = createCompiler(project, { outDir: incrementalOut, zips: false });
      const full = createCompiler(project, { outDir: fullOut, zips: false });
      try {
        const first = await incremental.build();
        assert.equal(first.ok, true, 'the unedited app builds');
        for (const [file, change] of Object.entries(edit.changes)) {
          const path = join(project, file);
          const before = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
          const after = change(before);
          assert.notEqual(after, before, `the edit changes ${file}`);
          if (after === undefined) rmSync(path);
          else writeFileSync(path, after);
        }

        const rebuilt = await incremental.rebuild(Object.keys(edit.changes));
        assert.ok(rebuilt.changedOutputs.length > 0, 'the rebuild reports changed outputs');
        const fresh = await full.build();
        assert.equal(rebuilt.ok, fresh.ok);
        const differences = compareOutputs(outputs(incrementalOut), outputs(fullOut));
        assert.deepEqual(differences, [], `the rebuilt package differs from a full build:\n${differences.join('\n')}`);
      } finally {
        incremental.dispose();
        full.dispose();
        rmSync(base, { recursive: true, force: true });
      }
    });
  }
}

/**
 * Every output file and its content; the manifest without its per-build id, keys sorted. Template group files
 * are put in a canonical order (template-output-is-deterministic.test.ts covers the compiler's run-to-run
 * reordering).
 */
function outputs(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (current: string): void => {
    for (const name of readdirSync(current).sort()) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        const path = relative(dir, full);
        const text = readFileSync(full, 'utf8');
        files[path] = path.startsWith('templates/') ? canonicalTemplateGroup(text) : text;
      }
    }
  };
  walk(dir);
  if (files['manifest.json']) {
    const manifest = JSON.parse(files['manifest.json']) as Record<string, unknown>;
    delete manifest['buildId'];
    // key order is not meaning: a rebuilt entry may move to the end of its map
    files['manifest.json'] = JSON.stringify(sortKeys(manifest), null, 1);
  }
  return files;
}

/** Sorts each template's binding map entries and the group's `G[...]`/`R[...]` definitions. */
function canonicalTemplateGroup(text: string): string {
  const sortedMaps = text.replace(/A=\{("[^"]*":new Array\(\d+\)(?:,"[^"]*":new Array\(\d+\))*)\}/g, (_, entries: string) => {
    const sorted = entries.split(/,(?="[^"]*":new Array\()/).sort();
    return `A={${sorted.join(',')}}`;
  });
  return sortedMaps.split(/(?=;[GR]\[")/).sort().join('\n');
}

/** One line per differing file, with the text around the first difference. */
function compareOutputs(rebuilt: Record<string, string>, fresh: Record<string, string>): string[] {
  const lines: string[] = [];
  for (const path of new Set([...Object.keys(rebuilt), ...Object.keys(fresh)])) {
    const a = rebuilt[path];
    const b = fresh[path];
    if (a === b) continue;
    if (a === undefined || b === undefined) {
      lines.push(`${path}: only in the ${a === undefined ? 'full build' : 'rebuilt'} output`);
      continue;
    }
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    const around = (t: string) => JSON.stringify(t.slice(Math.max(0, i - 120), i + 120));
    lines.push(`${path}: first difference at ${i}\n  rebuilt: ${around(a)}\n  full:    ${around(b)}`);
  }
  return lines;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]));
}
