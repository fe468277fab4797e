import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from './engine';
import { RenderContext } from './render-backend';
import { FakeView, compileTemplates, testDevice } from './fake-view.test-support';
import type { ComponentEntry } from '../../shared/package-format';

// What third-party libraries rely on in the engine: property names, generics, shared styles, early queries.

const device = testDevice;
const compile = compileTemplates;

function entry(path: string, isPage: boolean, json: Record<string, unknown> = {}, scopeName?: string): ComponentEntry {
  return { path, packageRoot: '', isPage, json, template: path, ...(scopeName ? { style: { file: `css/${path}.css`, scopeName } } : {}) };
}

function setup(templates: Record<string, string>) {
  const errors: unknown[] = [];
  const engine = new Engine({
    componentAttached: () => undefined,
    componentDetached: () => undefined,
    userError: (error) => errors.push(error),
    warning: () => undefined,
  });
  const groups = compile(templates);
  const view = new FakeView();
  const ctx = new RenderContext(view, (scope) => engine.codeSpace.getComponentSpace().styleScopeManager.queryName(scope ?? 0) ?? '', device);
  view.connect(ctx);
  return { engine, groups, view, ctx, errors };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('component properties named id or shadowRoot (vant button, wux app) do not break page creation', async () => {
  const { engine, groups, view, ctx, errors } = setup({
    'pages/index/index': '<c id="c" shadowRoot="{{true}}" />',
    'comp/c': '<view>shadow={{shadowRoot}} id={{id}}</view>',
  });
  engine.registerComponentResources(entry('comp/c', false, { component: true }), groups, undefined);
  engine.registerComponentResources(entry('pages/index/index', true, { usingComponents: { c: 'comp/c' } }), groups, undefined);
  engine.defineFromScript('comp/c', 'Component', { properties: { id: String, shadowRoot: { type: Boolean, value: false } } });
  engine.defineFromScript('pages/index/index', 'Page', {});
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  assert.deepEqual(errors, []);
  assert.match(view.html(), /<c id="c"><wx-view>shadow=true id=c<\/wx-view><\/c>/, 'the element id reaches an id property too');
});

test('a componentGenerics default (resolved from the root) renders; an unresolved generic renders nothing', async () => {
  const { engine, groups, view, ctx, errors } = setup({
    'pages/index/index': '<a /><a generic:g="missing" />|',
    'comp/a/a': '<view>[<g />]</view>',
    'comp/b/b': '<text>b here</text>',
  });
  engine.registerComponentResources(entry('comp/b/b', false, { component: true }), groups, undefined);
  engine.registerComponentResources(entry('comp/a/a', false, { component: true, componentGenerics: { g: { default: 'comp/b/b' } } }), groups, undefined);
  engine.registerComponentResources(entry('pages/index/index', true, { usingComponents: { a: 'comp/a/a' } }), groups, undefined);
  for (const path of ['comp/b/b', 'comp/a/a']) engine.defineFromScript(path, 'Component', {});
  engine.defineFromScript('pages/index/index', 'Page', {});
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  assert.deepEqual(errors.map(String), []);
  assert.match(view.html(), /\[<g><wx-text>b here<\/wx-text><\/g>\]/);
  assert.match(view.html(), /\[<g><\/g>\]/, 'the generic given an unknown component renders empty');
});

test('options.addGlobalClass and styleIsolation in a component script let page classes apply', async () => {
  const { engine, groups, view, ctx } = setup({
    'pages/index/index': '<shared /><isolated />',
    'comp/shared': '<view class="inner">s</view>',
    'comp/isolated': '<view class="inner">i</view>',
  });
  engine.registerComponentResources(entry('comp/shared', false, { component: true }, 'comp_shared'), groups, 'css/comp/shared.css');
  engine.registerComponentResources(entry('comp/isolated', false, { component: true }, 'comp_isolated'), groups, 'css/comp/isolated.css');
  engine.registerComponentResources(entry('pages/index/index', true, { usingComponents: { shared: 'comp/shared', isolated: 'comp/isolated' } }), groups, undefined);
  engine.defineFromScript('comp/shared', 'Component', { options: { addGlobalClass: true } });
  engine.defineFromScript('comp/isolated', 'Component', { options: { multipleSlots: true } });
  engine.defineFromScript('pages/index/index', 'Page', {});
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  const html = view.html();
  const sharedClasses = /<shared><wx-view class="([^"]*)">s/.exec(html)?.[1]?.split(' ').sort();
  assert.deepEqual(sharedClasses, ['comp_shared--inner', 'inner'], 'own scope and the page (shared) scope');
  assert.match(html, /<isolated><wx-view class="comp_isolated--inner">i/, 'an isolated component keeps its own scope only');
});

test('a selector query created before the page exists resolves the page at exec()', async () => {
  const { engine, groups, ctx } = setup({ 'pages/index/index': '<view id="box">x</view>' });
  engine.registerComponentResources(entry('pages/index/index', true), groups, undefined);
  engine.defineFromScript('pages/index/index', 'Page', {});
  const current: { page?: ReturnType<Engine['createPageRoot']> } = {};
  const query = engine.selectorQueryOf(() => current.page?.caller) as { select(s: string): { boundingClientRect(): { exec(cb: (r: unknown[]) => void): void } } };
  const ref = query.select('#box').boundingClientRect();
  current.page = engine.createPageRoot(ctx, 'pages/index/index', '');
  current.page.attach();
  const result = await new Promise<unknown[]>((resolve) => ref.exec(resolve));
  assert.deepEqual(result, [{ id: 'box', dataset: {}, left: 0, top: 0, right: 0, bottom: 0, width: 0, height: 0 }]);
});

test('a selector query sees the classes a setData later in the same task gives (it runs after pending updates, as in WeChat)', async () => {
  const { engine, groups, ctx } = setup({ 'pages/index/index': '<c />', 'comp/c': '<view class="{{cls}}">x</view>' });
  engine.registerComponentResources(entry('comp/c', false, { component: true }), groups, undefined);
  engine.registerComponentResources(entry('pages/index/index', true, { usingComponents: { c: 'comp/c' } }), groups, undefined);
  const found = new Promise<unknown>((resolve) => {
    engine.defineFromScript('comp/c', 'Component', {
      data: { cls: '' },
      lifetimes: {
        attached(this: { createSelectorQuery(): { select(s: string): { boundingClientRect(): { exec(cb: (r: unknown[]) => void): void } } }; setData(d: object): void }) {
          this.createSelectorQuery().select('.late').boundingClientRect().exec((res) => resolve(res[0]));
          this.setData({ cls: 'late' });
        },
      },
    });
  });
  engine.defineFromScript('pages/index/index', 'Page', {});
  engine.createPageRoot(ctx, 'pages/index/index', '').attach();
  assert.notEqual(await found, null);
});

test('intersection observer results carry the target id and dataset (vant calendar reads res.dataset.date)', async () => {
  const { engine, groups, view, ctx } = setup({ 'pages/index/index': '<view class="body"><view class="month" id="m1" data-date="{{1700000000000}}">m</view></view>' });
  engine.registerComponentResources(entry('pages/index/index', true), groups, undefined);
  const seen: Record<string, unknown>[] = [];
  engine.defineFromScript('pages/index/index', 'Page', {
    onReady(this: { createIntersectionObserver(): { relativeTo(s: string): { observe(s: string, cb: (r: Record<string, unknown>) => void): void } } }) {
      this.createIntersectionObserver().relativeTo('.body').observe('.month', (res) => seen.push(res));
    },
  });
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  (page.caller as unknown as { onReady(): void }).onReady();
  await settle();
  const [observerId] = [...view.observers.keys()];
  assert.ok(observerId !== undefined, 'the view was asked to observe');
  ctx.intersectionChanged(observerId, { intersectionRatio: 0, boundingClientRect: {}, intersectionRect: {}, relativeRect: {}, time: 1 });
  assert.equal(seen.length, 1);
  assert.equal(seen[0]!.id, 'm1');
  assert.deepEqual(seen[0]!.dataset, { date: 1700000000000 });
  assert.equal(seen[0]!.time, 1);
});

test("page and component instances have this.renderer === 'webview' from created on (weui slideview, tdesign qrcode)", async () => {
  const { engine, groups, view, ctx } = setup({ 'pages/index/index': '<c />{{renderer}}', 'comp/c': '<view wx:if="{{renderer === \'webview\'}}">drawn</view>' });
  engine.registerComponentResources(entry('comp/c', false, { component: true }), groups, undefined);
  engine.registerComponentResources(entry('pages/index/index', true, { usingComponents: { c: 'comp/c' } }), groups, undefined);
  engine.defineFromScript('comp/c', 'Component', {
    data: { renderer: '' },
    lifetimes: {
      created(this: { renderer: string; setData(d: object): void }) {
        this.setData({ renderer: this.renderer });
      },
    },
  });
  engine.defineFromScript('pages/index/index', 'Page', {
    onLoad(this: { renderer: string; setData(d: object): void }) {
      this.setData({ renderer: `page:${this.renderer}` });
    },
  });
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  (page.caller as unknown as { onLoad(): void }).onLoad();
  await settle();
  assert.match(view.html(), /<c><wx-view>drawn<\/wx-view><\/c>page:webview/);
});
