import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateHost } from './template-host';
import { TemplateJobRunner, type TemplateJob } from './template-job';

const job: TemplateJob = {
  parts: [
    { root: '', independent: false, pages: ['pages/a/a'] },
    { root: 'sub', independent: false, pages: ['sub/b'] },
  ],
  templates: [
    ['pages/a/a', 'pages/a/a.wxml'],
    ['common/item', 'common/item.wxml'],
    ['sub/b', 'sub/b.wxml'],
  ],
  scripts: [['common/fmt', 'common/fmt.wxs']],
  texts: [
    ['pages/a/a.wxml', '<view wx-if="{{a}}">{{a}}</view>'],
    ['common/item.wxml', '<template name="item"><text>{{n}}</text></template>'],
    ['sub/b.wxml', '<import src="/common/item"/><wxs module="f" src="/common/fmt.wxs"/><template is="item" data="{{n: f.x}}"/>'],
    ['common/fmt.wxs', 'module.exports = { x: 1 };'],
  ],
  projectPrefix: 'mp/',
};

test('templates compile on a worker thread with the same result as in process, and only changes travel back', async () => {
  const host = new TemplateHost(false, true, 0);
  const local = new TemplateJobRunner(false);
  try {
    const [viaWorker, inProcess] = [await host.run(job), local.run(job)];
    assert.equal(host.usesWorker, true, 'the worker answered (no silent fallback)');
    assert.deepEqual(viaWorker, inProcess);
    assert.deepEqual(viaWorker.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`), ['mp/pages/a/a.wxml:1:7 wxml-legacy-directive']);
    assert.deepEqual(viaWorker.changedGroups.map(([root]) => root), ['', 'sub']);

    const edit: TemplateJob = { ...job, texts: [['sub/b.wxml', '<view>changed</view>']] };
    const second = await host.run(edit);
    assert.deepEqual(second.changedGroups.map(([root]) => root), ['sub']);
    assert.equal(second.compiledCount, 1);
  } finally {
    host.dispose();
    local.dispose();
  }
});

test('a template worker that dies mid-build hands its job to this thread, with every text it had', async () => {
  const host = new TemplateHost(false, true, 0);
  try {
    await host.run(job);
    (host as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate(); // as if killed from outside
    const edit: TemplateJob = { ...job, texts: [['sub/b.wxml', '<view>after the crash</view>']] };
    const result = await host.run(edit);
    assert.equal(host.usesWorker, false);
    assert.deepEqual(result.changedGroups.map(([root]) => root).sort(), ['', 'sub']);
    assert.match(new TextDecoder().decode(result.changedGroups.find(([root]) => root === 'sub')![1]), /after the crash/);
  } finally {
    host.dispose();
  }
});

test('a small project compiles its templates on this thread: a worker would only add start-up time', async () => {
  const host = new TemplateHost(false);
  try {
    const result = await host.run(job);
    assert.equal(host.usesWorker, false);
    assert.equal(result.compiledCount, 6, 'four files, two of them also pulled into the subpackage group');
  } finally {
    host.dispose();
  }
});
