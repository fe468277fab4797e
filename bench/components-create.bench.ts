// View-side cost of the built-in components: building a 1000-row list of wx-view/wx-text (plus a few form
// controls) detached and attaching it, as the render-op applier does. Baselines in the same run and browser:
// the same tags undefined (plain unknown elements), bare and with the components' default stylesheet.
// Run: npx tsx bench/components-create.bench.ts
import { componentsBundle, launchBrowser } from '../tests/e2e/components-harness';

const RUNS = 15;
const ROWS = 1000;

const build = `(() => {
  const started = performance.now();
  const root = document.createElement('wx-view');
  for (let i = 0; i < ${ROWS}; i++) {
    const row = document.createElement('wx-view');
    row.className = 'row';
    const text = document.createElement('wx-text');
    text.appendChild(document.createTextNode('row ' + i));
    row.appendChild(text);
    if (i % 50 === 0) {
      const control = document.createElement(i % 100 === 0 ? 'wx-switch' : 'wx-button');
      control.appendChild(document.createTextNode('go'));
      row.appendChild(control);
    }
    root.appendChild(row);
  }
  document.body.appendChild(root);
  document.body.offsetHeight; // layout, as the first paint would
  const elapsed = performance.now() - started;
  root.remove();
  return elapsed;
})()`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const browser = await launchBrowser();
try {
  const bundle = await componentsBundle();
  const baselinePage = await browser.newPage();
  const styledPage = await browser.newPage();
  await styledPage.addScriptTag({ content: bundle });
  await styledPage.evaluate('WxComponents.installLightStyles()');
  const componentPage = await browser.newPage();
  await componentPage.addScriptTag({ content: bundle });
  await componentPage.evaluate('WxComponents.defineAllComponents()');
  const baseline: number[] = [];
  const styled: number[] = [];
  const components: number[] = [];
  for (let run = 0; run < RUNS + 2; run++) {
    const b = (await baselinePage.evaluate(build)) as number;
    const s = (await styledPage.evaluate(build)) as number;
    const c = (await componentPage.evaluate(build)) as number;
    if (run >= 2) {
      baseline.push(b);
      styled.push(s);
      components.push(c);
    }
  }
  const base = median(baseline);
  const withSheet = median(styled);
  const ours = median(components);
  console.log(`create + attach + layout of ${ROWS} rows (wx-view > wx-text, 20 controls), median of ${RUNS}:`);
  console.log(`  baseline (undefined tags): ${base.toFixed(2)} ms`);
  console.log(`  + default stylesheet:      ${withSheet.toFixed(2)} ms (${(withSheet / base).toFixed(2)}× baseline)`);
  console.log(`  built-in components:       ${ours.toFixed(2)} ms (${(ours / base).toFixed(2)}× baseline)`);
} finally {
  await browser.close();
}
