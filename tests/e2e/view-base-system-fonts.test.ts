// The view's base stylesheet in real Chromium: a font list naming only a phone's system fonts (TDesign's
// "PingFang SC, Microsoft YaHei, Arial Regular") renders in a sans-serif face, not the browser's serif default.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { repoRoot } from '../corpus/support/corpus-manifest';
import { launchChromium } from './support/browser';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 375, height: 667 } });
});
after(() => browser.close());

test('text styled "PingFang SC, Microsoft YaHei, Arial Regular" is not drawn in the serif default, regular or bold', async () => {
  const baseCss = await readFile(join(repoRoot, 'app', 'simulator', 'view', 'base.css'), 'utf8');
  const text = 'Dialog title 标题 Button';
  const spans = (['serif', 'PingFang SC, Microsoft YaHei, Arial Regular'] as const)
    .flatMap((family) => [400, 700].map((weight) => `<span data-key="${family}|${weight}" style="font-family: ${family}; font-weight: ${weight}; font-size: 20px">${text}</span><br>`))
    .join('');
  await page.setContent(`<!doctype html><html><head><style>${baseCss}</style></head><body>${spans}</body></html>`);
  await page.evaluate('document.fonts.ready');
  const widths = (await page.evaluate(
    `Object.fromEntries([...document.querySelectorAll('span')].map((s) => [s.dataset.key, s.getBoundingClientRect().width]))`,
  )) as Record<string, number>;
  for (const weight of [400, 700]) {
    const serif = widths[`serif|${weight}`]!;
    const system = widths[`PingFang SC, Microsoft YaHei, Arial Regular|${weight}`]!;
    assert.ok(serif > 0 && system > 0);
    assert.notEqual(system, serif, `weight ${weight}: the system font list fell back to the serif default (${serif}px wide)`);
  }
});
