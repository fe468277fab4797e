import { test } from 'node:test';
import assert from 'node:assert/strict';
import { finclipProfile, wechatProfile } from '../profiles';
import { compileStyle, type CompileStyleInput } from './index';

const noFiles = async (): Promise<string | undefined> => undefined;

function compile(source: string, extra: Partial<CompileStyleInput> = {}) {
  return compileStyle({ file: 'components/card/card.wxss', source, readFile: noFiles, profile: wechatProfile, ...extra });
}

test('built-in tag selectors become wx- elements and page becomes wx-page', async () => {
  const out = await compile(
    'page{background:#f5f5f5} view > text, scroll-view button:not(image){color:red} .a VIEW{} my-card view{}',
  );
  assert.equal(
    out.css,
    'wx-page{background:#f5f5f5} wx-view > wx-text, wx-scroll-view wx-button:not(wx-image){color:red} .a wx-view{} my-card wx-view{}',
  );
  assert.deepEqual(out.diagnostics, []);
});

test('isolated component styles prefix every class with the scope name', async () => {
  const out = await compile('.title, .a.b > view.c:not(.d)::after{color:red} #id{} [class~=x]{}', {
    scopeName: 'components_card_card',
  });
  assert.equal(
    out.css,
    '.components_card_card--title, .components_card_card--a.components_card_card--b > wx-view.components_card_card--c:not(.components_card_card--d)::after{color:red} #id{} [class~=x]{}',
  );
});

test('apply-shared (addGlobalClass) still prefixes its own classes; shared and pages do not', async () => {
  const applyShared = await compile('.t{}', { scopeName: 's', addGlobalClass: true });
  assert.equal(applyShared.css, '.s--t{}');
  const shared = await compile('.t{}', { scopeName: 's', isolation: 'shared' });
  assert.equal(shared.css, '.t{}');
  const page = await compile('.t{}', { file: 'pages/index/index.wxss' });
  assert.equal(page.css, '.t{}');
});

test(':host maps to the wx-host attribute the runtime sets on the component host', async () => {
  const out = await compile(':host{display:block} :host(.active) .x{color:red}', { scopeName: 'comp' });
  assert.equal(out.css, '[wx-host="comp"]{display:block} [wx-host="comp"].active .comp--x{color:red}');
  const unscoped = await compile(':host{display:block}', { file: 'pages/a/a.wxss', source: '\n:host{}' });
  assert.equal(unscoped.diagnostics[0]?.code, 'wxss-host-unscoped');
  assert.equal(unscoped.diagnostics[0]?.line, 2);
});

test('a rule for an external class is prefixed and reported as not styling it', async () => {
  const out = await compile('.root{}\n.custom-class{color:red}', { scopeName: 'c', externalClasses: ['custom-class'] });
  assert.equal(out.css, '.c--root{}\n.c--custom-class{color:red}');
  assert.deepEqual(
    out.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]),
    [['wxss-external-class-rule', 'info', 2, 1]],
  );
});

test('rpx, CSS variables, env(safe-area-inset-*), @font-face data URLs and keyframes pass through', async () => {
  const source = [
    '@font-face{font-family:"icon";src:url("data:font/woff2;base64,d09GMgABAAAAA.view.rpx==") format("woff2")}',
    '.bar{--gap:20rpx;height:calc(100rpx + env(safe-area-inset-bottom));padding:var(--gap)}',
    '@keyframes spin{from{transform:rotate(0)}50%{opacity:.5}to{transform:rotate(360deg)}}',
    '@media (min-width:300px){view{width:750rpx}}',
    '@supports (padding: max(0px)){.x{padding-bottom:constant(safe-area-inset-bottom)}}',
  ].join('\n');
  const out = await compile(source, { scopeName: 'k' });
  assert.equal(
    out.css,
    [
      '@font-face{font-family:"icon";src:url("data:font/woff2;base64,d09GMgABAAAAA.view.rpx==") format("woff2")}',
      '.k--bar{--gap:20rpx;height:calc(100rpx + env(safe-area-inset-bottom));padding:var(--gap)}',
      '@keyframes spin{from{transform:rotate(0)}50%{opacity:.5}to{transform:rotate(360deg)}}',
      '@media (min-width:300px){wx-view{width:750rpx}}',
      '@supports (padding: max(0px)){.k--x{padding-bottom:constant(safe-area-inset-bottom)}}',
    ].join('\n'),
  );
  assert.deepEqual(out.diagnostics.map((d) => [d.code, d.line]), [['wxss-component-selector', 4]]);
});

test('a syntax error gives a located diagnostic, not a throw', async () => {
  const out = await compile('.a{color:red}\n.b{\n  color: blue;\n');
  assert.equal(out.css, '');
  assert.equal(out.diagnostics.length, 1);
  const [d] = out.diagnostics;
  assert.deepEqual([d?.file, d?.line, d?.column, d?.severity, d?.code], ['components/card/card.wxss', 2, 1, 'error', 'wxss-syntax']);
  assert.match(d?.message ?? '', /Unclosed block/);
});

test('an unparsable selector is reported at its rule and the rest still compiles', async () => {
  const out = await compile('.ok{}\n\n  .bad){}\n.fine{}', { scopeName: 's' });
  const [d] = out.diagnostics;
  assert.deepEqual([d?.line, d?.column, d?.code], [3, 3, 'wxss-selector']);
  assert.match(out.css, /\.s--ok\{\}/);
  assert.match(out.css, /\.s--fine\{\}/);
});

test('the FinClip profile compiles .ftss the same way', async () => {
  const out = await compileStyle({
    file: 'pages/a/a.ftss',
    source: '@import "b";\nview{}',
    readFile: async (p) => (p === 'pages/a/b.ftss' ? 'text{}' : undefined),
    profile: finclipProfile,
  });
  assert.equal(out.css, 'wx-text{}\nwx-view{}');
  assert.deepEqual(out.dependencies, ['pages/a/b.ftss']);
});

test('tag, id and attribute selectors in an isolated component are reported once per file, as WeChat does', async () => {
  const out = await compile('.ok{}\n#main .a{}\nview{}\n[data-x]{}', { scopeName: 'c' });
  assert.deepEqual(
    out.diagnostics.map((d) => [d.code, d.severity, d.line, d.message]),
    [['wxss-component-selector', 'warning', 2, 'ID selectors are not allowed in component styles']],
  );
  assert.equal(out.css, '.c--ok{}\n#main .c--a{}\nwx-view{}\n[data-x]{}');
  const attribute = await compile('.ok[data-x]{}', { scopeName: 'c' });
  assert.match(attribute.diagnostics[0]?.message ?? '', /^Attribute selectors/);
  const page = await compile('#main view[data-x]{}', { file: 'pages/a/a.wxss' });
  assert.deepEqual(page.diagnostics, [], 'pages may use them');
});

test('classes keep the spelling the author wrote: unicode and escapes survive the prefix', async () => {
  const out = await compile('.标题 text{} .hover\\:bg-red:hover{} .w-1\\/2 .x:not(.选中){}', { scopeName: 's' });
  assert.equal(out.css, '.s--标题 wx-text{} .s--hover\\:bg-red:hover{} .s--w-1\\/2 .s--x:not(.s--选中){}');
});

test('a scope name that is not a valid class start is escaped in selectors, not in the host attribute', async () => {
  const out = await compile('.t{} :host{}', { scopeName: '2024_page' });
  assert.equal(out.css, '.\\32 024_page--t{} [wx-host="2024_page"]{}');
});
