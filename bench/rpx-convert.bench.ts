// Runtime rpx conversion speed on a large real-world-sized sheet (what the view does on load and on resize).
// Baseline in the same run: a naive `split('rpx').join('px')` over the same text (no rounding, no safety).
// Run: npx tsx bench/rpx-convert.bench.ts
import { performance } from 'node:perf_hooks';
import { convertRpxInCss } from '../app/shared/rpx';

const RUNS = 25;
const rules: string[] = [];
for (let i = 0; rules.join('\n').length < 200_000; i++) {
  rules.push(
    `.item-${i} wx-view{padding:${i % 40}rpx 24rpx;margin:-${i % 9}rpx 0;font-size:${24 + (i % 8)}rpx;` +
      `background:url("img/${i}rpx.png");width:calc(100% - ${i % 30}rpx);content:"${i}rpx"}`,
  );
}
const css = rules.join('\n');

function median(run: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

convertRpxInCss(css, 375, 'ios', 2); // warm-up
const baseline = median(() => css.split('rpx').join('px'));
const converted = median(() => convertRpxInCss(css, 375, 'ios', 2));
console.log(`rpx conversion of a ${(css.length / 1024).toFixed(0)} KB sheet (${rules.length} rules), median of ${RUNS}:`);
console.log(`  baseline split/join: ${baseline.toFixed(2)} ms`);
console.log(`  convertRpxInCss:     ${converted.toFixed(2)} ms (${(converted / baseline).toFixed(1)}× baseline)`);
