import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_STACK_DEPTH, Router, parsePageUrl } from './router';

const app = { pages: new Set(['pages/a/a', 'pages/b/b', 'pages/tab1/tab1', 'pages/tab2/tab2', 'sub/pages/c/c']), tabPages: ['pages/tab1/tab1', 'pages/tab2/tab2'] };

test('page URLs resolve relative to the current page and decode their query', () => {
  assert.deepEqual(parsePageUrl('/pages/a/a?x=1&y=%E4%BD%A0+z', 'pages/b/b'), { route: 'pages/a/a', query: { x: '1', y: '你 z' } });
  assert.deepEqual(parsePageUrl('../a/a?flag', 'pages/b/b'), { route: 'pages/a/a', query: { flag: '' } });
  assert.deepEqual(parsePageUrl('b', 'pages/b/x'), { route: 'pages/b/b', query: {} });
});

test('navigateTo hides the current page and refuses tab pages, unknown pages and an 11th page', () => {
  const router = new Router(app);
  router.launch('pages/a/a', {});
  const plan = router.plan('navigateTo', '/pages/b/b?id=2');
  assert.ok(plan.ok);
  assert.deepEqual(plan.steps.map((s) => s.type), ['hide', 'create']);
  assert.deepEqual(router.plan('navigateTo', '/pages/tab1/tab1'), { ok: false, errMsg: 'navigateTo:fail can not navigateTo a tabbar page' });
  assert.deepEqual(router.plan('navigateTo', '/pages/zzz/zzz'), { ok: false, errMsg: 'navigateTo:fail page "pages/zzz/zzz" is not found' });
  while (router.stack.length < MAX_STACK_DEPTH) assert.ok(router.plan('navigateTo', '/pages/a/a').ok);
  assert.deepEqual(router.plan('navigateTo', '/pages/a/a'), { ok: false, errMsg: 'navigateTo:fail webview count limit exceed' });
});

test('navigateBack unloads top first and shows the page below; delta is clamped', () => {
  const router = new Router(app);
  router.launch('pages/a/a', {});
  router.plan('navigateTo', '/pages/b/b');
  router.plan('navigateTo', '/sub/pages/c/c');
  const ids = router.stack.map((e) => e.pageId);
  const plan = router.plan('navigateBack', '', 5);
  assert.ok(plan.ok);
  assert.deepEqual(plan.steps, [
    { type: 'unload', pageId: ids[2] },
    { type: 'unload', pageId: ids[1] },
    { type: 'show', pageId: ids[0] },
  ]);
  assert.deepEqual(router.plan('navigateBack', ''), { ok: false, errMsg: 'navigateBack:fail cannot navigate back at first page.' });
});

test('switchTab keeps tab pages alive, unloads the rest, and reLaunch unloads everything', () => {
  const router = new Router(app);
  router.launch('pages/tab1/tab1', {});
  const tab1 = router.top()!.pageId;
  router.plan('navigateTo', '/pages/a/a');
  const a = router.top()!.pageId;
  const toTab2 = router.plan('switchTab', '/pages/tab2/tab2');
  assert.ok(toTab2.ok);
  assert.deepEqual(toTab2.steps.slice(0, 2), [
    { type: 'unload', pageId: a },
    { type: 'hide', pageId: tab1 },
  ]);
  assert.equal(toTab2.steps[2]?.type, 'create');
  const back = router.plan('switchTab', '/pages/tab1/tab1');
  assert.ok(back.ok);
  assert.deepEqual(back.steps.map((s) => s.type), ['hide', 'show']);
  assert.deepEqual(router.plan('switchTab', '/pages/a/a'), { ok: false, errMsg: 'switchTab:fail can not switch to no-tabBar page' });
  const relaunch = router.plan('reLaunch', '/pages/b/b');
  assert.ok(relaunch.ok);
  assert.deepEqual(relaunch.steps.map((s) => s.type), ['unload', 'unload', 'create']);
  assert.deepEqual(router.stack.map((e) => e.route), ['pages/b/b']);
});
