import { test } from 'node:test';
import assert from 'node:assert/strict';
import { leniencyPrepass } from './leniency-prepass';
import { TemplateGroup } from './template-group';

function compile(source: string, key = 'pages/a/a') {
  const group = new TemplateGroup(false);
  const result = group.setTemplate(key, `${key}.wxml`, source);
  const groups = new Function(`return ${group.render()}`)() as Record<string, unknown>;
  group.dispose();
  return { ...result, groups };
}

test('loose WXML that WeChat accepts compiles with located warnings and no errors', () => {
  const source = [
    '<View class=box wx-if="{{show}}">', // uppercase tag, unquoted value, wx-if
    '  <view wx:for-items="{{list}}" a="1" a="2">{{item}}</view>',
    '  <slot><text>fallback</text></slot>',
    '  <view data-x="{{\\"q\\"}}" title="say \\"hi\\"">{{}}</view>',
    '</View>',
  ].join('\n');
  const { diagnostics, groups } = compile(source);
  assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
  const at = (code: string) => diagnostics.filter((d) => d.code === code).map((d) => `${d.line}:${d.column}`);
  assert.deepEqual(at('wxml-uppercase-tag'), ['1:2']);
  assert.deepEqual(at('wxml-unquoted-attribute'), ['1:13']);
  assert.deepEqual(at('wxml-legacy-directive'), ['1:17']);
  assert.deepEqual(at('wxml-for-items'), ['2:9']);
  assert.deepEqual(at('wxml-duplicate-attribute'), ['2:39']);
  assert.deepEqual(at('wxml-slot-children'), ['3:9']);
  assert.deepEqual(at('wxml-escaped-quote'), ['4:19', '4:22', '4:39', '4:43']);
  assert.deepEqual(at('wxml-the-expression-is-empty'), ['4:49']);
  assert.equal(typeof groups['pages/a/a'], 'function');
});

test('a syntax error is reported at its place in the original file and the template still loads', () => {
  const { diagnostics, groups } = compile('<view wx-if="{{a}}">\n  <text>{{ a + }}</text>\n</view>');
  const errors = diagnostics.filter((d) => d.severity === 'error');
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.file, 'pages/a/a.wxml');
  assert.deepEqual([errors[0]!.line, errors[0]!.column], [2, 16]);
  assert.equal(typeof groups['pages/a/a'], 'function');
});

test('bindtap without a colon becomes a real listener binding', () => {
  const group = new TemplateGroup(false);
  group.setTemplate('p', 'p.wxml', '<view bindtap="onTap" catchtouchmove="m" data-bind="x"/>');
  const out = group.render();
  group.dispose();
  assert.match(out, /R\.v\(N,"tap","onTap"/);
  assert.match(out, /R\.v\(N,"touchmove","m"/);
});

test('dependencies: imports, includes and wxs, FinClip extensions included', () => {
  const group = new TemplateGroup(false);
  group.setScript('utils/fmt', 'var k = require("./k.fts"); module.exports = { k: k };');
  group.setScript('utils/k', 'module.exports = 7;');
  const r = group.setTemplate(
    'pages/a/a',
    'pages/a/a.fxml',
    '<import src="../../common/item.fxml"/><include src="/common/footer"/><fts module="f" src="../../utils/fmt.fts"></fts><view>{{f.k}}</view>',
  );
  assert.deepEqual([...r.templateDependencies].sort(), ['common/footer', 'common/item']);
  assert.deepEqual(r.scriptDependencies, ['utils/fmt']);
  const groups = new Function(`return ${group.render()}`)() as Record<string, unknown>;
  group.dispose();
  assert.equal(typeof groups['pages/a/a'], 'function');
});

test('wx:key written as a binding is read the way WeChat reads it', () => {
  const group = new TemplateGroup(false);
  const r = group.setTemplate(
    'k',
    'k.wxml',
    '<view wx:for="{{a}}" wx:key="{{ item.id }}"/>\n<view wx:for="{{b}}" wx:for-item="row" wx:key="{{row}}"/>\n<view wx:for="{{c}}" wx:key="{{index}}"/>',
  );
  const out = group.render();
  group.dispose();
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.line}:${d.column} ${d.code}`),
    ['1:30 wxml-key-binding', '2:48 wxml-key-binding', '3:30 wxml-data-bindings-are-not-allowed-for-this-attribute'],
  );
  assert.match(out, /"id"/);
  assert.match(out, /"\*this"/);
});

test('valid WXML with < inside expressions and inline WXS is left exactly as written', () => {
  const source = [
    '<wxs module="m">var lt = function (a, b) { return a<b; }; module.exports = { lt: lt };</wxs>',
    '<view class="{{a<b ? \'x\' : \'y\'}}">{{a<Max?1:2}} and {{ m.lt(a,b) }} {{n<v bindtap=x}}</view>',
    '<!-- <View wx-if=x> is a comment -->',
  ].join('\n');
  const group = new TemplateGroup(false);
  const r = group.setTemplate('t', 't.wxml', source);
  group.dispose();
  assert.equal(leniencyPrepass(source).source.text, source);
  assert.deepEqual(r.diagnostics.filter((d) => d.code.startsWith('wxml-') && d.severity !== 'error'), []);
});

test('tags WeChat rejects as unclosed or mismatched are errors here too, at the tag', () => {
  const group = new TemplateGroup(false);
  const r = group.setTemplate('u', 'u.wxml', '<view>\n  <input type="text">\n</view>\n</text>');
  group.dispose();
  assert.deepEqual(
    r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`),
    ['2:4 error wxml-missing-end-tag', '4:1 error wxml-invalid-end-tag'],
  );
});

test("a '<' in text that does not start a tag is an error at the '<', as in wcc; tags and expressions are not", () => {
  const bare = ['<text>1 < 2</text>', '<text>a <= b</text>', '<text>I <3 you</text>', '<text>x <</text>', '<view>{{a}} < {{b}}</view>', '<!DOCTYPE html><view/>'];
  for (const source of bare) {
    const group = new TemplateGroup(false);
    const r = group.setTemplate('b', 'b.wxml', source);
    group.dispose();
    const errors = r.diagnostics.filter((d) => d.code === 'wxml-bare-less-than');
    assert.deepEqual(errors.map((d) => `${d.line}:${d.column} ${d.severity}`), [`1:${source.search(/<[^A-Za-z/]/) + 1} error`], source);
  }
  // all accepted by wcc
  const fine = ['<text>{{a<b}}</text>', '<view title="a<b"/>', '<!-- a < b --><view/>', '< view></view>', '<view>a</ view>', '<_a></_a>', '<view>a > b &lt; c</view>'];
  for (const source of fine) {
    const group = new TemplateGroup(false);
    const r = group.setTemplate('f', 'f.wxml', source);
    group.dispose();
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'wxml-bare-less-than'), [], source);
  }
});

test('with duplicate attributes the last one wins, as in wcc', () => {
  for (const source of ['<view class="first" class="second"/>', '<view class="first"class="second"/>', '<view class=first class="second"/>']) {
    const group = new TemplateGroup(false);
    const r = group.setTemplate('d', 'd.wxml', source);
    const out = group.render();
    group.dispose();
    assert.deepEqual(r.diagnostics.filter((d) => d.code === 'wxml-duplicate-attribute').length, 1, source);
    assert.match(out, /second/, source);
    assert.doesNotMatch(out, /first/, source);
  }
});

test('a WXS syntax error or a trailing // comment never breaks the group; the error is located', () => {
  const group = new TemplateGroup(false);
  const fileProblems = group.setScript('utils/fmt', 'module.exports = { up: function (s) { return s.toUpperCase(); } } // no newline');
  const broken = group.setScript('utils/bad', 'var a = 1;\nvar b = ;', 'utils/bad.wxs');
  const r = group.setTemplate('p', 'p.wxml', '<view/>\n<wxs module="m">\nvar ok = 1;\nmodule.exports = { x: 1 +  };\n</wxs>\n<wxs module="n">module.exports = { y: 2 } // tail</wxs>\n<view>{{n.y}}</view>');
  const groups = new Function(`return ${group.render()}`)() as Record<string, unknown>;
  group.dispose();
  assert.deepEqual(fileProblems, []);
  assert.deepEqual(broken.map((d) => `${d.file}:${d.line} ${d.code}`), ['utils/bad.wxs:2 wxs-syntax']);
  assert.deepEqual(r.diagnostics.map((d) => `${d.line} ${d.code}`), ['4 wxs-syntax']);
  assert.equal(typeof groups.p, 'function');
});

test('WXS built-ins getRegExp and getDate work inside file and inline modules', () => {
  const group = new TemplateGroup(false);
  group.setScript('u', "module.exports = { digits: function (s) { return getRegExp('^\\\\d+$', 'g').test(s); }, year: function (ms) { return getDate(ms).getUTCFullYear(); } };");
  group.setTemplate('p', 'p.wxml', '<wxs module="u" src="/u.wxs"/><wxs module="i">module.exports = { y: getDate(2020, 0, 2).getFullYear() };</wxs><view>{{u.digits(a)}}</view>');
  const source = group.render();
  group.dispose();
  assert.match(source, /var getRegExp/);
  // evaluate the modules as the runtime would, through the group's own loader
  const modules = new Function(`${source.replace(/^\(\(\)=>\{/, '').replace(/return G\}\)\(\)$/, '')}; return R;`)() as Record<string, () => { digits(s: string): boolean; year(ms: number): number }>;
  const u = modules.u!();
  assert.equal(u.digits('123'), true);
  assert.equal(u.digits('12a'), false);
  assert.equal(u.year(Date.UTC(2021, 5, 1)), 2021);
});

test("WXS's x.constructor type names ('Array', 'Object') behave as in WeChat", () => {
  const group = new TemplateGroup(false);
  group.setScript('t', "module.exports = function (v) { return v.constructor === 'Array' ? 'array' : 'Object' === v.constructor ? 'object' : 'other'; };");
  const source = group.render();
  group.dispose();
  const modules = new Function(`${source.replace(/^\(\(\)=>\{/, '').replace(/return G\}\)\(\)$/, '')}; return R;`)() as Record<string, () => (v: unknown) => string>;
  const typeOf = modules.t!();
  assert.deepEqual([typeOf([1]), typeOf({ a: 1 }), typeOf(3)], ['array', 'object', 'other']);
});

test('an inline <wxs module> may require a WXS file with its extension, as wux-weapp does', () => {
  const group = new TemplateGroup(false);
  group.setScript('utils/u', 'module.exports = { x: "from u" };');
  group.setTemplate('pages/p', 'pages/p.wxml', '<wxs module="m">var u = require("../utils/u.wxs"); module.exports = u;</wxs><view>{{m.x}}</view>');
  const source = group.render();
  group.dispose();
  // inline modules load when the group is evaluated; a failed require is logged, not thrown
  const logged: unknown[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => logged.push(args.map(String).join(' '));
  try {
    new Function(`return ${source}`)();
  } finally {
    console.error = original;
  }
  assert.deepEqual(logged, []);
});
