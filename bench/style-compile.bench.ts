// Style compiler speed: 500 pages × 60-line WXSS sharing one @import, compiled with one per-build cache.
// Baseline in the same run: PostCSS parse + stringify of the same sources (the floor any PostCSS pipeline pays).
// Run: npx tsx bench/style-compile.bench.ts
import postcss from 'postcss';
import { performance } from 'node:perf_hooks';
import { hasErrors } from '../app/shared/diagnostic';
import { wechatProfile } from '../app/main/compiler/profiles';
import { compileStyle, StyleCache } from '../app/main/compiler/style/index';

const PAGES = 500;
const RUNS = 7;

function pageSource(page: number): string {
  const lines = ['@import "/common/base.wxss";'];
  for (let i = 0; lines.length < 60; i++) {
    lines.push(`.p${page}-item-${i} view, .row-${i % 7} > text.title:not(.off) {`);
    lines.push(`  padding: ${i * 2}rpx 24rpx; color: #333; font-size: ${24 + (i % 5)}rpx;`);
    lines.push('}');
  }
  return lines.join('\n');
}

const common = Array.from({ length: 60 }, (_, i) => `.common-${i} { margin: ${i}rpx; } view.c${i} { color: red; }`).join('\n');
const sources = Array.from({ length: PAGES }, (_, i) => pageSource(i));
const readFile = async (path: string): Promise<string | undefined> => (path === 'common/base.wxss' ? common : undefined);

async function compileAll(scoped: boolean): Promise<void> {
  const cache = new StyleCache();
  for (let i = 0; i < PAGES; i++) {
    const out = await compileStyle({
      file: `pages/p${i}/p${i}.wxss`,
      source: sources[i] ?? '',
      readFile,
      profile: wechatProfile,
      cache,
      ...(scoped ? { scopeName: `pages_p${i}_p${i}`, isolation: 'isolated' as const } : {}),
    });
    if (hasErrors(out.diagnostics)) throw new Error(`unexpected errors: ${JSON.stringify(out.diagnostics[0])}`);
  }
}

function parseAll(): void {
  for (const source of sources) postcss.parse(source).toString();
  postcss.parse(common).toString();
}

async function median(run: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

await compileAll(true); // warm-up
const baseline = await median(parseAll);
const shared = await median(() => compileAll(false));
const scoped = await median(() => compileAll(true));
console.log(`style compile, ${PAGES} pages × 60 lines + shared @import, median of ${RUNS}:`);
console.log(`  baseline postcss parse+stringify: ${baseline.toFixed(1)} ms`);
console.log(`  compileStyle (pages, shared):     ${shared.toFixed(1)} ms (${(shared / baseline).toFixed(2)}× baseline)`);
console.log(`  compileStyle (isolated scopes):   ${scoped.toFixed(1)} ms (${(scoped / baseline).toFixed(2)}× baseline)`);
