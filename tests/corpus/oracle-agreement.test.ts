// Every .wxml/.wxss of the real-world corpus that WeChat's own wcc/wcsc accept must compile here without an
// error, and every CSS declaration wcsc keeps must be in our CSS. Files they reject are listed, not judged. Needs `npm run corpus:fetch`; skips without it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { formatDiagnostic, type Diagnostic } from '../../app/shared/diagnostic';
import { wechatProfile } from '../../app/main/compiler/profiles';
import { TemplateGroup } from '../../app/main/compiler/wxml/template-group';
import { compileStyle, StyleCache } from '../../app/main/compiler/style/index';
import { CORPUS_MISSING, corpusDir, listFiles, loadCorpus, repoRoot } from './support/corpus-manifest';
import { WechatOracle, wcscCss } from './support/wechat-oracle';
import postcss from 'postcss';

interface Tally {
  root: string;
  kind: 'wxml' | 'wxss';
  files: number;
  oracleAccepted: number;
  passed: number;
  oracleRejected: string[];
  failures: string[];
  warnings: string[];
}

const corpus = loadCorpus();
const tallies: Tally[] = [];

if (!corpus) {
  test('corpus: WXML/WXSS agree with WeChat wcc/wcsc', { skip: CORPUS_MISSING }, () => {});
} else {
  const oracle = new WechatOracle(join(repoRoot, corpus.oracle.wcc), join(repoRoot, corpus.oracle.wcsc));
  after(() => {
    oracle.dispose();
    const resultsDir = join(corpusDir, 'results');
    mkdirSync(resultsDir, { recursive: true });
    writeFileSync(join(resultsDir, 'oracle-agreement.json'), JSON.stringify(tallies, null, 2) + '\n');
  });
  test('corpus oracle: wcc/wcsc reject broken files and accept good ones (the oracle is alive)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ministudio-oracle-check-'));
    try {
      writeFileSync(join(dir, 'good.wxml'), '<view wx:for="{{list}}">{{item}}</view>\n');
      writeFileSync(join(dir, 'bad.wxml'), '<view>\n<text>unclosed</view>\n');
      writeFileSync(join(dir, 'good.wxss'), '.a { width: 10rpx; }\n');
      writeFileSync(join(dir, 'bad.wxss'), '.a { width: 10rpx;\n.b {\n');
      assert.equal(oracle.wxml(dir, 'good.wxml').accepted, true);
      const badWxml = oracle.wxml(dir, 'bad.wxml');
      assert.equal(badWxml.accepted, false);
      assert.match(badWxml.message, /bad\.wxml:2/);
      const goodWxss = oracle.wxss(dir, 'good.wxss');
      assert.equal(goodWxss.accepted, true);
      assert.match(wcscCss(goodWxss.output, 'good.wxss') ?? '', /\.a\s*\{\s*width:\s*10rpx/, 'the CSS can be read back from wcsc');
      assert.equal(oracle.wxss(dir, 'bad.wxss').accepted, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  const roots = [...corpus.apps.map((a) => ({ label: a.spec, dir: a.dir })), ...corpus.libraries.map((l) => ({ label: l.spec, dir: l.dir }))];

  for (const { label, dir } of roots) {
    const root = join(repoRoot, dir);

    test(`corpus ${label}: every WXML wcc accepts compiles without errors`, (t) => {
      const tally = newTally(dir, 'wxml');
      const group = new TemplateGroup(false);
      try {
        for (const file of listFiles(root, '.wxml')) {
          tally.files++;
          const verdict = oracle.wxml(root, file);
          const compiled = group.setTemplate(file.slice(0, -'.wxml'.length), file, readFileSync(join(root, file), 'utf8'));
          judge(tally, file, verdict, compiled.diagnostics);
        }
      } finally {
        group.dispose();
      }
      report(t, tally);
    });

    test(`corpus ${label}: every WXSS wcsc accepts compiles without errors`, async (t) => {
      const tally = newTally(dir, 'wxss');
      const cache = new StyleCache();
      for (const file of listFiles(root, '.wxss')) {
        tally.files++;
        const verdict = oracle.wxss(root, file);
        const component = componentOptions(root, file);
        const compiled = await compileStyle({
          file,
          source: readFileSync(join(root, file), 'utf8'),
          readFile: (path) => readFile(join(root, path), 'utf8').catch(() => undefined),
          profile: wechatProfile,
          cache,
          ...component,
        });
        judge(tally, file, verdict, compiled.diagnostics);
        if (verdict.accepted) compareDeclarations(tally, file, verdict.output, compiled.css);
      }
      report(t, tally);
    });
  }
}

function newTally(root: string, kind: Tally['kind']): Tally {
  const tally: Tally = { root, kind, files: 0, oracleAccepted: 0, passed: 0, oracleRejected: [], failures: [], warnings: [] };
  tallies.push(tally);
  return tally;
}

function judge(tally: Tally, file: string, verdict: { accepted: boolean; message: string }, diagnostics: readonly Diagnostic[]): void {
  tally.warnings.push(...diagnostics.filter((d) => d.severity === 'warning').map((d) => formatDiagnostic({ ...d, file })));
  if (!verdict.accepted) {
    tally.oracleRejected.push(`${file}: ${verdict.message.split('\n')[0]}`);
    return;
  }
  tally.oracleAccepted++;
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length === 0) tally.passed++;
  else tally.failures.push(...errors.map((d) => formatDiagnostic({ ...d, file })));
}

/** Every declaration wcsc keeps must be in our CSS too (ours may keep more: this wcsc predates CSS variables). */
function compareDeclarations(tally: Tally, file: string, wcscOutput: string, ours: string): void {
  const theirs = wcscCss(wcscOutput, file);
  if (theirs === undefined) {
    tally.failures.push(`${file}: no CSS for it in wcsc's output (the oracle's output format changed?)`);
    return;
  }
  const ourCounts = declarationCounts(ours);
  for (const [declaration, count] of declarationCounts(theirs)) {
    const have = ourCounts.get(declaration) ?? 0;
    if (have < count) tally.failures.push(`${file}: declaration '${declaration}' appears ${count}× in wcsc's CSS, ${have}× in ours`);
  }
}

function declarationCounts(css: string): Map<string, number> {
  const counts = new Map<string, number>();
  postcss.parse(css).walkDecls((d) => {
    if (d.prop.startsWith('wxcs_')) return;
    const key = `${d.prop.toLowerCase()}: ${d.value.replace(/\s+/g, ' ').replace(/\s*,\s*/g, ',').trim()}${d.important ? ' !important' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  return counts;
}

function report(t: { diagnostic(message: string): void }, tally: Tally): void {
  t.diagnostic(
    `${tally.kind}: ${tally.passed}/${tally.oracleAccepted} oracle-accepted files pass (${tally.files} files, ` +
      `${tally.oracleRejected.length} rejected by WeChat, ${tally.warnings.length} warnings)`,
  );
  for (const warning of tally.warnings) t.diagnostic(`warning: ${warning}`);
  for (const rejected of tally.oracleRejected) t.diagnostic(`rejected by WeChat too: ${rejected}`);
  assert.deepEqual(tally.failures, [], `${tally.failures.length} errors in files WeChat's compiler accepts:\n${tally.failures.join('\n')}`);
}

/** Component styles are scoped as the build scopes them: a sibling .json with `"component": true`. */
function componentOptions(root: string, file: string): { scopeName?: string; addGlobalClass?: boolean } {
  const json = join(root, file.replace(/\.wxss$/, '.json'));
  if (!existsSync(json)) return {};
  try {
    const parsed = JSON.parse(readFileSync(json, 'utf8')) as { component?: boolean; options?: { addGlobalClass?: boolean } };
    if (parsed.component !== true) return {};
    const scopeName = posix.dirname(file).replace(/[^A-Za-z0-9]+/g, '-') || 'root';
    return { scopeName, addGlobalClass: parsed.options?.addGlobalClass === true };
  } catch {
    return {};
  }
}
