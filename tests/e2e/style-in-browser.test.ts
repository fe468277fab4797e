// The style contract end to end in real Chromium: compiled WXSS (scoped classes, wx- tags, wx-page, :host) with
// rpx converted by the runtime's converter must style the elements the runtime renders, and only those.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { wechatProfile } from '../../app/main/compiler/profiles';
import { compileStyle } from '../../app/main/compiler/style/index';
import { convertRpxInCss } from '../../app/shared/rpx';
import { launchChromium } from './support/browser';

let browser: Browser;
let page: Page;

before(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 375, height: 667 } });
});
after(() => browser.close());

const sources: Record<string, string> = {
  'common/theme.wxss': '.title { letter-spacing: 2rpx; }\n',
};
const readFile = async (path: string): Promise<string | undefined> => sources[path];

test('scoped component CSS, app CSS and rpx conversion style exactly the runtime DOM', async () => {
  const app = await compileStyle({
    file: 'app.wxss',
    source: 'page { background-color: rgb(1, 2, 3); }\nview.title { color: rgb(0, 128, 0); }',
    readFile,
    profile: wechatProfile,
  });
  const card = await compileStyle({
    file: 'components/card/card.wxss',
    source: [
      '@import "/common/theme.wxss";',
      ':host { display: block; width: 750rpx; }',
      '.title { font-size: 32rpx; padding: 1rpx; }',
      '.标题 text { margin-left: 20rpx; }',
      '.title::after { content: "10rpx"; }',
    ].join('\n'),
    scopeName: 'components_card_card',
    readFile,
    profile: wechatProfile,
  });
  assert.deepEqual(app.diagnostics, []);
  assert.deepEqual(card.diagnostics.map((d) => d.code), ['wxss-component-selector']);

  const css = convertRpxInCss(`${app.css}\n${card.css}`, 375, 'ios', 2);
  await page.setContent(`<!doctype html><html><head><style>${css}</style></head><body>
    <wx-page>
      <wx-view id="page-title" class="title">page title</wx-view>
      <components-card wx-host="components_card_card" id="host">
        <wx-view id="card-title" class="components_card_card--title">card title</wx-view>
        <wx-view class="components_card_card--标题"><wx-text id="cn">文本</wx-text></wx-view>
      </components-card>
    </wx-page></body></html>`);

  // A string, not a function: tsx would inject its `__name` helper into a function's source.
  const styles = await page.evaluate(`(() => {
    const get = (selector, pseudo) => getComputedStyle(document.querySelector(selector), pseudo);
    return {
      pageBackground: get('wx-page').backgroundColor,
      pageTitleColor: get('#page-title').color,
      pageTitleFont: get('#page-title').fontSize,
      hostWidth: get('#host').width,
      hostDisplay: get('#host').display,
      cardTitleFont: get('#card-title').fontSize,
      cardTitlePadding: get('#card-title').paddingTop,
      cardTitleSpacing: get('#card-title').letterSpacing,
      cardTitleColor: get('#card-title').color,
      cnMargin: get('#cn').marginLeft,
      after: get('#card-title', '::after').content,
    };
  })()`);
  assert.deepEqual(styles, {
    pageBackground: 'rgb(1, 2, 3)',
    pageTitleColor: 'rgb(0, 128, 0)', // app.wxss is global: unprefixed
    pageTitleFont: '16px', // the component's `.title` does not leak out of its scope
    hostWidth: '375px',
    hostDisplay: 'block',
    cardTitleFont: '16px', // 32rpx at 375px wide
    cardTitlePadding: '0.5px', // a hairline on an iOS retina screen
    cardTitleSpacing: '1px', // from the @import
    cardTitleColor: 'rgb(0, 0, 0)', // the app's `view.title` does not reach into the isolated component
    cnMargin: '10px',
    after: '"10rpx"', // strings are never converted
  });
});

test('a scope name starting with a digit still matches the class the runtime writes', async () => {
  const out = await compileStyle({
    file: '2024/page.wxss',
    source: '.t { width: 100rpx; }',
    scopeName: '2024_page',
    readFile,
    profile: wechatProfile,
  });
  await page.setContent(`<!doctype html><style>${convertRpxInCss(out.css, 375, 'android', 3)}</style><wx-view id="t" class="2024_page--t">x</wx-view>`);
  assert.equal(await page.evaluate(`getComputedStyle(document.querySelector('#t')).width`), '50px');
});
