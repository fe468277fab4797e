import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, type GlassComponent } from './engine';
import { RenderContext } from './render-backend';
import { FakeView, compileTemplates, testDevice } from './fake-view.test-support';
import type { ComponentEntry } from '../../shared/package-format';

const device = testDevice;
const compile = compileTemplates;

function entry(path: string, isPage: boolean, json: Record<string, unknown> = {}): ComponentEntry {
  return { path, packageRoot: '', isPage, json, template: path };
}

function setup(templates: Record<string, string>) {
  const attached: GlassComponent[] = [];
  const errors: unknown[] = [];
  const engine = new Engine({
    componentAttached: (comp) => attached.push(comp),
    componentDetached: () => undefined,
    userError: (error) => errors.push(error),
    warning: () => undefined,
  });
  const groups = compile(templates);
  const view = new FakeView();
  const ctx = new RenderContext(view, (scope) => engine.codeSpace.getComponentSpace().styleScopeManager.queryName(scope ?? 0) ?? '', device);
  view.connect(ctx);
  return { engine, groups, view, ctx, attached, errors };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

test('a page renders through the batched backend and re-renders after setData, callback after the view applied it', async () => {
  const { engine, groups, view, ctx } = setup({
    'pages/index/index': '<view class="box" id="main">Hello {{name}}</view><view wx:for="{{list}}" wx:key="*this">{{item}}</view>',
  });
  engine.registerComponentResources(entry('pages/index/index', true), groups, undefined);
  engine.withComponentEnv('pages/index/index', ({ Page }) => Page({ data: { name: 'world', list: [1, 2] } }));
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  assert.equal(view.batches, 1, 'the first render arrives as one batch');
  assert.match(view.html(), /<wx-view id="main" class="box">Hello world<\/wx-view><wx-view>1<\/wx-view><wx-view>2<\/wx-view>/);

  let appliedWhenCalled = '';
  await new Promise<void>((resolve) => {
    page.caller.setData({ name: 'Mini Studio', list: [2, 1, 3] }, () => {
      appliedWhenCalled = view.html();
      resolve();
    });
    assert.match(view.html(), /Hello world/, 'setData is asynchronous to the view');
  });
  assert.match(appliedWhenCalled, /Hello Mini Studio<\/wx-view><wx-view>2<\/wx-view><wx-view>1<\/wx-view><wx-view>3<\/wx-view>/);
});

test('a tap on a child bubbles to the bindtap of its ancestor with WeChat-shaped targets', async () => {
  const { engine, groups, view, ctx } = setup({
    'pages/index/index': '<view id="outer" data-name="outer" bindtap="onTap"><text id="inner" data-k="{{1}}">{{count}}</text></view>',
  });
  engine.registerComponentResources(entry('pages/index/index', true), groups, undefined);
  const seen: Record<string, unknown>[] = [];
  engine.withComponentEnv('pages/index/index', ({ Page }) =>
    Page({
      data: { count: 0 },
      onTap(this: { data: { count: number }; setData(d: object): void }, event: Record<string, unknown>) {
        seen.push(event);
        this.setData({ count: this.data.count + 1 });
      },
    }),
  );
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  const text = view.findByText('0');
  assert.ok(text, 'the text node is rendered');
  assert.ok(ctx.dispatchEvent(text.id, 'tap', { x: 1, y: 2 }, { bubbles: true, composed: true, extraFields: { touches: [], changedTouches: [] } }));
  await settle();
  assert.equal(seen.length, 1);
  const event = seen[0]!;
  assert.deepEqual(event.target, { id: 'inner', dataset: { k: 1 }, offsetLeft: 0, offsetTop: 0 });
  assert.deepEqual(event.currentTarget, { id: 'outer', dataset: { name: 'outer' }, offsetLeft: 0, offsetTop: 0 });
  assert.deepEqual(event.detail, { x: 1, y: 2 });
  assert.equal(event.type, 'tap');
  assert.match(view.html(), /<wx-text id="inner">1<\/wx-text>/);
});

test('custom components get scoped classes, and ready can be driven after the first render', async () => {
  const { engine, groups, view, ctx, attached } = setup({
    'pages/index/index': '<counter value="{{3}}" />',
    'components/counter/counter': '<view class="btn">{{value}}</view>',
  });
  engine.registerComponentResources(entry('components/counter/counter', false, { component: true }), groups, 'css/c.css');
  engine.registerComponentResources(
    entry('pages/index/index', true, { usingComponents: { counter: 'components/counter/counter' } }),
    groups,
    'css/p.css',
  );
  const lifetimes: string[] = [];
  engine.withComponentEnv('components/counter/counter', ({ Component }) =>
    Component({
      properties: { value: Number },
      lifetimes: { attached: () => lifetimes.push('attached'), ready: () => lifetimes.push('ready') },
    }),
  );
  engine.withComponentEnv('pages/index/index', ({ Page }) => Page({}));
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  await settle();
  assert.match(view.html(), /<counter><wx-view class="[^"]+--btn">3<\/wx-view><\/counter>/);
  assert.deepEqual(lifetimes, ['attached']);
  for (const comp of attached.slice().reverse()) engine.triggerLifetime(comp, 'ready');
  assert.deepEqual(lifetimes, ['attached', 'ready']);
  assert.ok(view.sheets.some((s) => s.url === 'css/c.css' && s.scope !== ''), 'component sheet registered with its scope');
});

test('a second root (the custom tab bar of a tab page) renders into the same page view', async () => {
  const { engine, groups, view, ctx } = setup({
    'pages/index/index': '<view>page body</view>',
    'custom-tab-bar/index': '<view class="bar">tab {{selected}}</view>',
  });
  engine.registerComponentResources(entry('custom-tab-bar/index', false, { component: true }), groups, undefined);
  engine.registerComponentResources(entry('pages/index/index', true), groups, undefined);
  engine.withComponentEnv('custom-tab-bar/index', ({ Component }) => Component({ data: { selected: 1 } }));
  engine.withComponentEnv('pages/index/index', ({ Page }) => Page({}));
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  const bar = engine.createExtraRoot(ctx, 'custom-tab-bar', 'custom-tab-bar/index');
  bar.attach();
  await settle();
  assert.match(view.html(), /<wx-page><wx-view>page body<\/wx-view><\/wx-page><custom-tab-bar><wx-view class="[^"]+--bar">tab 1<\/wx-view><\/custom-tab-bar>/);
  bar.caller.setData({ selected: 2 });
  await settle();
  assert.match(view.html(), /tab 2/);
});
