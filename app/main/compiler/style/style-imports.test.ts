import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wechatProfile } from '../profiles';
import { compileStyle, StyleCache } from './index';
import { createTestProject } from './test-project';

test('relative and /absolute imports are inlined in place, from the mini-program root', async () => {
  const project = await createTestProject({
    'miniprogram/common/base.wxss': '.base{color:red}\n@import "./reset";\n',
    'miniprogram/common/reset.wxss': 'view{margin:0}',
    'miniprogram/pages/index/theme.wxss': '.theme{width:10rpx}',
  });
  try {
    const out = await compileStyle({
      file: 'miniprogram/pages/index/index.wxss',
      source: '@import "/common/base.wxss";\n@import url("theme.wxss");\n.page{}',
      readFile: project.readFile,
      profile: wechatProfile,
      miniprogramRoot: 'miniprogram/',
      scopeName: 'p',
    });
    assert.deepEqual(out.diagnostics.map((d) => [d.file, d.line, d.code]), [['miniprogram/common/reset.wxss', 1, 'wxss-component-selector']]);
    assert.equal(out.css, '.p--base{color:red}\nwx-view{margin:0}\n\n.p--theme{width:10rpx}\n.p--page{}');
    assert.deepEqual(out.dependencies.sort(), [
      'miniprogram/common/base.wxss',
      'miniprogram/common/reset.wxss',
      'miniprogram/pages/index/theme.wxss',
    ]);
  } finally {
    await project.dispose();
  }
});

test('an import cycle is reported at the @import that closes it, with the chain', async () => {
  const project = await createTestProject({
    'a.wxss': '.a{}\n\n  @import "b.wxss";',
    'b.wxss': '.b{}\n@import "a.wxss";\n.b2{}',
  });
  try {
    const out = await compileStyle({ file: 'a.wxss', source: '.a{}\n\n  @import "b.wxss";', readFile: project.readFile, profile: wechatProfile });
    assert.equal(out.css, '.a{}\n\n  .b{}\n\n.b2{}');
    assert.equal(out.diagnostics.length, 1);
    const [d] = out.diagnostics;
    assert.deepEqual([d?.file, d?.line, d?.column, d?.severity, d?.code], ['b.wxss', 2, 1, 'error', 'wxss-import-cycle']);
    assert.equal(d?.message, '@import cycle: a.wxss → b.wxss → a.wxss');
  } finally {
    await project.dispose();
  }
});

test('a file importing itself is a cycle too', async () => {
  const out = await compileStyle({
    file: 'self.wxss',
    source: '@import "self.wxss";\n.x{}',
    readFile: async () => '@import "self.wxss";\n.x{}',
    profile: wechatProfile,
  });
  assert.deepEqual(out.diagnostics.map((d) => [d.code, d.line]), [['wxss-import-cycle', 1]]);
  assert.equal(out.css, '\n.x{}');
});

test('a missing import is reported where it is written; the rest compiles', async () => {
  const project = await createTestProject({ 'pages/a/a.wxss': '' });
  try {
    const source = '.top{}\n  @import "../../styles/missing.wxss";\n.bottom{}';
    const out = await compileStyle({ file: 'pages/a/a.wxss', source, readFile: project.readFile, profile: wechatProfile });
    assert.equal(out.diagnostics.length, 1);
    const [d] = out.diagnostics;
    assert.deepEqual([d?.file, d?.line, d?.column, d?.code], ['pages/a/a.wxss', 2, 3, 'wxss-import-missing']);
    assert.match(d?.message ?? '', /styles\/missing\.wxss/);
    assert.equal(out.css, '.top{}\n  \n.bottom{}');
    assert.deepEqual(out.dependencies, ['styles/missing.wxss'], 'watched, so creating it triggers a rebuild');
  } finally {
    await project.dispose();
  }
});

test('imports outside the root, remote imports and nested imports are reported, not followed', async () => {
  const out = await compileStyle({
    file: 'mp/pages/a.wxss',
    source: '@import "../../secret.wxss";\n@import "https://example.com/x.css";\n@media screen { @import "b.wxss"; }',
    readFile: async () => '.never{}',
    profile: wechatProfile,
    miniprogramRoot: 'mp',
  });
  assert.deepEqual(
    out.diagnostics.map((d) => [d.code, d.line]),
    [
      ['wxss-import-outside-root', 1],
      ['wxss-import-remote', 2],
      ['wxss-import-nested', 3],
    ],
  );
  assert.doesNotMatch(out.css, /never/);
});

test('an import with media is wrapped in @media', async () => {
  const out = await compileStyle({
    file: 'a.wxss',
    source: '@import "print.wxss" print;',
    readFile: async (p) => (p === 'print.wxss' ? '.p{}' : undefined),
    profile: wechatProfile,
  });
  assert.equal(out.css, '@media print {\n.p{}\n}');
});

test('errors inside an imported file are located in that file', async () => {
  const out = await compileStyle({
    file: 'pages/a.wxss',
    source: '@import "/common/broken.wxss";\n.a{}',
    readFile: async (p) => (p === 'common/broken.wxss' ? '.ok{}\n.x{ color: red' : undefined),
    profile: wechatProfile,
  });
  const [d] = out.diagnostics;
  assert.deepEqual([d?.file, d?.line, d?.code], ['common/broken.wxss', 2, 'wxss-syntax']);
  assert.equal(out.css, '\n.a{}');
});

test('a shared cache reads and compiles a common import once, and invalidate picks up changes', async () => {
  const project = await createTestProject({ 'common.wxss': '.c{color:red}' });
  const reads: string[] = [];
  const readFile = (path: string): Promise<string | undefined> => {
    reads.push(path);
    return project.readFile(path);
  };
  try {
    const cache = new StyleCache();
    for (const page of ['a', 'b', 'c']) {
      const out = await compileStyle({ file: `${page}.wxss`, source: '@import "common.wxss";', readFile, profile: wechatProfile, cache });
      assert.equal(out.css, '.c{color:red}');
    }
    assert.deepEqual(reads, ['common.wxss']);
    await project.write('common.wxss', '.c{color:blue}');
    cache.invalidate('common.wxss');
    const after = await compileStyle({ file: 'a.wxss', source: '@import "common.wxss";', readFile, profile: wechatProfile, cache });
    assert.equal(after.css, '.c{color:blue}');
  } finally {
    await project.dispose();
  }
});

test('a sheet imported twice into one page is included once, where it first appears', async () => {
  const files: Record<string, string> = {
    'b.wxss': '@import "d.wxss";\n.b{}',
    'c.wxss': '@import "d.wxss";\n.c{}',
    'd.wxss': '.d{}',
  };
  const out = await compileStyle({
    file: 'a.wxss',
    source: '@import "b.wxss";\n@import "c.wxss";\n@import "d.wxss";\n.a{}',
    readFile: async (p) => files[p],
    profile: wechatProfile,
  });
  assert.deepEqual(out.diagnostics, []);
  assert.equal(out.css, '.d{}\n.b{}\n\n.c{}\n\n.a{}');
  assert.deepEqual(out.dependencies.sort(), ['b.wxss', 'c.wxss', 'd.wxss']);
});
