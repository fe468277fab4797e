import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TmplGroup } from 'glass-easel-template-compiler';
import { Engine, type TemplateGroups } from './engine';
import { RenderContext } from './render-backend';
import { FakeView } from './fake-view.test-support';
import type { ComponentEntry } from '../../shared/package-format';

const device = { windowWidth: () => 375, windowHeight: () => 667, pixelRatio: () => 2, theme: () => 'light' };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function pageWith(wxml: string, definition: Record<string, unknown>) {
  const group = new TmplGroup();
  group.addTmpl('pages/index/index', wxml);
  const groups = new Function(`return ${group.getTmplGenObjectGroups()}`)() as TemplateGroups;
  group.free();
  const errors: unknown[] = [];
  const engine = new Engine({ componentAttached: () => undefined, componentDetached: () => undefined, userError: (error) => errors.push(error), warning: () => undefined });
  const view = new FakeView();
  const ctx = new RenderContext(view, (scope) => engine.codeSpace.getComponentSpace().styleScopeManager.queryName(scope ?? 0) ?? '', device);
  view.connect(ctx);
  const entry: ComponentEntry = { path: 'pages/index/index', packageRoot: '', isPage: true, json: {}, template: 'pages/index/index' };
  engine.registerComponentResources(entry, groups, undefined);
  engine.withComponentEnv('pages/index/index', ({ Page }) => Page(definition as never));
  const page = engine.createPageRoot(ctx, 'pages/index/index', '');
  page.attach();
  return { page, view, ctx, errors };
}

test('a change:prop observer gets ownerInstance/instance descriptors: getState keeps state, callMethod reaches the page, setStyle styles the node', async () => {
  const calls: unknown[] = [];
  const { page, view, errors } = pageWith(
    `<wxs module="w">module.exports = {
      seen: function (value, old, owner, ins) {
        var state = owner.getState();
        state.count = (state.count || 0) + 1;
        ins.setStyle({ width: value + 'px' });
        ins.addClass('moved');
        owner.callMethod('report', { value: value, count: state.count, dataset: ins.getDataset(), has: ins.hasClass('moved'), sibling: owner.selectComponent('.after') !== null });
      }
    }</wxs><view id="box" data-kind="box" change:value="{{w.seen}}" value="{{v}}">x</view><view class="after">after</view>`,
    { data: { v: 10 }, report(arg: unknown) { calls.push(arg); } },
  );
  await settle();
  page.caller.setData({ v: 20 });
  await settle();
  assert.deepEqual(errors, []);
  // the first call waits until the nodes exist: data-* is there and later siblings can be selected
  assert.deepEqual(calls, [
    { value: 10, count: 1, dataset: { kind: 'box' }, has: true, sibling: true },
    { value: 20, count: 2, dataset: { kind: 'box' }, has: true, sibling: true },
  ]);
  assert.match(view.html(), /<wx-view id="box" class="moved">x<\/wx-view><wx-view class="after">after<\/wx-view>/);
  assert.match(String(view.findByText('x')?.attrs.get('style')), /(^|;)width:20px$/);
});

test('a WXS tap handler gets (event, ownerInstance) with event.instance; selectComponent finds nodes of the owner', async () => {
  const calls: unknown[] = [];
  const { view, ctx, errors } = pageWith(
    `<wxs module="w">module.exports = {
      tap: function (event, owner) {
        event.instance.setStyle('color: red');
        var other = owner.selectComponent('#other');
        other.addClass('hit');
        owner.callMethod('report', { id: event.currentTarget.id, all: owner.selectAllComponents('.item').length });
      }
    }</wxs><view id="btn" class="item" bindtap="{{w.tap}}">go</view><view id="other" class="item">o</view>`,
    { report(arg: unknown) { calls.push(arg); } },
  );
  await settle();
  const text = view.findByText('go');
  assert.ok(text);
  ctx.dispatchEvent(text.id, 'tap', {}, { bubbles: true, composed: true, extraFields: { touches: [], changedTouches: [] } });
  await settle();
  assert.deepEqual(errors, []);
  assert.deepEqual(calls, [{ id: 'btn', all: 2 }]);
  assert.match(view.html(), /<wx-view id="btn" class="item">go<\/wx-view><wx-view id="other" class="item hit">o<\/wx-view>/);
  assert.match(String(text.attrs.get('style')), /(^|;)color:red$/);
});

test('method-name handlers still get only the event, with the page as this', async () => {
  const seen: unknown[] = [];
  const { view, ctx } = pageWith('<view bindtap="onTap">t</view>', {
    onTap(this: { route?: string }, event: { type: string }, extra: unknown) {
      seen.push([event.type, extra]);
    },
  });
  await settle();
  ctx.dispatchEvent(view.findByText('t')!.id, 'tap', {}, { bubbles: true, composed: true, extraFields: { touches: [], changedTouches: [] } });
  await settle();
  assert.deepEqual(seen, [['tap', undefined]]);
});

test('a handler named by data (bindtap="{{name}}") and one from a <wxs src> file both work', async () => {
  const seen: unknown[] = [];
  const group = new TmplGroup();
  group.addScript('utils/h', 'module.exports = { tap: function (event, owner) { owner.callMethod("fromWxs", event.instance.getDataset().k) } }');
  group.addTmpl('pages/index/index', '<wxs module="h" src="/utils/h.wxs"/><view data-k="a" bindtap="{{h.tap}}">wxs</view><view bindtap="{{name}}">named</view>');
  const groups = new Function(`return ${group.getTmplGenObjectGroups()}`)() as TemplateGroups;
  group.free();
  const engine = new Engine({ componentAttached: () => undefined, componentDetached: () => undefined, userError: (error) => seen.push(error), warning: () => undefined });
  const view = new FakeView();
  const ctx = new RenderContext(view, () => '', device);
  view.connect(ctx);
  engine.registerComponentResources({ path: 'pages/index/index', packageRoot: '', isPage: true, json: {}, template: 'pages/index/index' }, groups, undefined);
  engine.withComponentEnv('pages/index/index', ({ Page }) =>
    Page({
      data: { name: 'onNamed' },
      fromWxs(k: unknown) {
        seen.push(`wxs ${String(k)}`);
      },
      onNamed(this: { data: { name: string } }, event: { type: string }) {
        seen.push(`named ${event.type} ${this.data.name}`);
      },
    } as never),
  );
  engine.createPageRoot(ctx, 'pages/index/index', '').attach();
  await settle();
  const tap = (text: string) => ctx.dispatchEvent(view.findByText(text)!.id, 'tap', {}, { bubbles: true, composed: true, extraFields: { touches: [], changedTouches: [] } });
  tap('wxs');
  tap('named');
  await settle();
  assert.deepEqual(seen, ['wxs a', 'named tap onNamed']);
});
