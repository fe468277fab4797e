import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildNpm } from './index';
import { createNpmProject, evaluateCommonJs, FIXTURE_MODULES, type NpmProject } from './test-npm-project';

// Real packages from npm, installed by `node scripts/npm-fixture-fetch.mjs` (the tests never touch the network).
describe('Build npm on real packages (@vant/weapp, antd-mini, dayjs)', () => {
  let project: NpmProject;
  let result: Awaited<ReturnType<typeof buildNpm>>;

  before(async () => {
    assert.ok(existsSync(FIXTURE_MODULES), 'Missing .corpus/npm-fixture: run `node scripts/npm-fixture-fetch.mjs` first');
    project = await createNpmProject({
      'package.json': JSON.stringify({ dependencies: { '@vant/weapp': '1.11.7', 'antd-mini': '3.4.3', dayjs: '1.11.13' } }, null, 2),
      'project.config.json': JSON.stringify({ miniprogramRoot: '', setting: {} }),
      'miniprogram_npm/stale/index.js': 'left over from an old build',
      'pages/index/index.js': "const zh = require('dayjs/locale/zh-cn');\nimport utc from 'dayjs/plugin/utc';\n",
      'utils/time.ts': "\n\nimport x from 'dayjs/no/such/file';\n",
    });
    await cp(FIXTURE_MODULES, join(project.dir, 'node_modules'), { recursive: true });
    result = await buildNpm(project.dir);
  });
  after(() => project.dispose());

  test('reports no problems but the one bad subpath request, and lists what it built', () => {
    assert.deepEqual(
      result.diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code]),
      [['utils/time.ts', 3, 16, 'error', 'npm-bundle-error']],
    );
    assert.match(result.diagnostics[0]?.message ?? '', /dayjs\/no\/such\/file/);
    const [target] = result.targets;
    assert.equal(target?.outDir, 'miniprogram_npm');
    const kinds = Object.fromEntries(target?.packages.map((p) => [p.output, p.kind]) ?? []);
    assert.equal(kinds['miniprogram_npm/@vant/weapp'], 'miniprogram');
    assert.equal(kinds['miniprogram_npm/antd-mini'], 'miniprogram');
    assert.equal(kinds['miniprogram_npm/dayjs'], 'bundled');
  });

  test('a package with a miniprogram field gets that folder copied (@vant/weapp → lib/)', async () => {
    const out = join(project.dir, 'miniprogram_npm/@vant/weapp');
    for (const file of ['button/index.js', 'button/index.wxml', 'button/index.wxss', 'button/index.json', 'common/index.wxss']) {
      assert.ok(existsSync(join(out, file)), file);
    }
    assert.equal(existsSync(join(out, 'lib')), false, 'copies the contents of lib/, not lib itself');
    assert.equal(
      await readFile(join(out, 'button/index.js'), 'utf8'),
      await readFile(join(project.dir, 'node_modules/@vant/weapp/lib/button/index.js'), 'utf8'),
    );
  });

  test('a package without one is bundled from its main into a CommonJS index.js that works (dayjs)', async () => {
    const code = await readFile(join(project.dir, 'miniprogram_npm/dayjs/index.js'), 'utf8');
    const dayjs = evaluateCommonJs(code) as (date: string) => { format(pattern: string): string; add(n: number, unit: string): { format(p: string): string } };
    assert.equal(dayjs('2024-02-28').add(1, 'day').format('YYYY-MM-DD'), '2024-02-29');
    assert.ok(existsSync(join(project.dir, 'miniprogram_npm/dayjs/index.js.map')));
  });

  test("a component library's own dependencies are built too, nested versions next to it", async () => {
    for (const dep of ['tslib', 'fast-deep-equal', 'async-validator', '@preact/signals-core', 'lodash.get']) {
      assert.ok(existsSync(join(project.dir, 'miniprogram_npm', dep, 'index.js')), dep);
    }
    // antd-mini pins dayjs 1.11.7, so npm nested a copy: it must not replace the project's 1.11.13.
    const nested = result.targets[0]?.packages.find((p) => p.source === 'node_modules/antd-mini/node_modules/dayjs');
    assert.equal(nested?.output, 'miniprogram_npm/antd-mini/miniprogram_npm/dayjs');
    assert.equal(nested?.version, '1.11.7');
    assert.ok(existsSync(join(project.dir, 'miniprogram_npm/antd-mini/miniprogram_npm/dayjs/index.js')));
  });

  test('files required inside a bundled package are bundled next to its index.js, sharing its main', async () => {
    assert.deepEqual(result.targets[0]?.subpathFiles.sort(), [
      'antd-mini/miniprogram_npm/dayjs/plugin/duration.js',
      'dayjs/locale/zh-cn.js',
      'dayjs/plugin/utc.js',
    ]);
    type Dayjs = ((date?: string) => { format(pattern: string): string }) & { locale(name: string): string; extend(plugin: unknown): void };
    const dayjs = evaluateCommonJs(await readFile(join(project.dir, 'miniprogram_npm/dayjs/index.js'), 'utf8')) as Dayjs;
    // The locale file keeps require('dayjs'): it registers itself on the same instance the app uses.
    evaluateCommonJs(await readFile(join(project.dir, 'miniprogram_npm/dayjs/locale/zh-cn.js'), 'utf8'), { dayjs });
    dayjs.locale('zh-cn');
    assert.equal(dayjs('2024-03-05').format('MMMM dddd'), '三月 星期二');
    const utc = evaluateCommonJs(await readFile(join(project.dir, 'miniprogram_npm/dayjs/plugin/utc.js'), 'utf8'), { dayjs });
    assert.equal(typeof utc, 'function');
  });

  test('the old miniprogram_npm is replaced, leaving nothing stale and no staging folder', async () => {
    assert.equal(existsSync(join(project.dir, 'miniprogram_npm/stale')), false);
    const { readdir } = await import('node:fs/promises');
    assert.deepEqual((await readdir(project.dir)).filter((name) => name.startsWith('.miniprogram_npm')), []);
  });
});

describe('Build npm problems are located diagnostics', () => {
  test('a dependency that is not installed is reported at its line in package.json', async () => {
    const project = await createNpmProject({
      'package.json': '{\n  "name": "app",\n  "dependencies": {\n    "left-pad": "^1.3.0"\n  }\n}\n',
    });
    try {
      const { diagnostics } = await buildNpm(project.dir);
      assert.deepEqual(
        diagnostics.map((d) => [d.file, d.line, d.column, d.severity, d.code]),
        [['package.json', 4, 17, 'error', 'npm-package-missing']],
      );
      assert.match(diagnostics[0]?.message ?? '', /left-pad/);
    } finally {
      await project.dispose();
    }
  });

  test('a miniprogram field naming a missing folder is reported at that field', async () => {
    const project = await createNpmProject({
      'package.json': JSON.stringify({ dependencies: { 'unbuilt-lib': '1.0.0', 'fine-lib': '1.0.0' } }),
      'node_modules/unbuilt-lib/package.json': '{\n  "name": "unbuilt-lib",\n  "version": "1.0.0",\n  "miniprogram": "dist"\n}\n',
      'node_modules/fine-lib/package.json': '{ "name": "fine-lib", "main": "lib/main.js" }',
      'node_modules/fine-lib/lib/main.js': 'exports.answer = 42;',
    });
    try {
      const { diagnostics, targets } = await buildNpm(project.dir);
      assert.deepEqual(
        diagnostics.map((d) => [d.file, d.line, d.column, d.code]),
        [['node_modules/unbuilt-lib/package.json', 4, 18, 'npm-miniprogram-missing']],
      );
      assert.deepEqual(targets[0]?.packages.map((p) => p.name), ['fine-lib'], 'the other package is still built');
      const code = await readFile(join(project.dir, 'miniprogram_npm/fine-lib/index.js'), 'utf8');
      assert.equal((evaluateCommonJs(code) as { answer: number }).answer, 42);
    } finally {
      await project.dispose();
    }
  });

  test('a syntax error in a bundled package is located in its file; Node built-ins are a warning', async () => {
    const project = await createNpmProject({
      'package.json': JSON.stringify({ dependencies: { broken: '1.0.0', 'uses-fs': '1.0.0', 'types-only': '1.0.0' } }),
      'node_modules/broken/package.json': '{ "name": "broken" }',
      'node_modules/broken/index.js': 'module.exports = {\n  a: 1,,\n};\n',
      'node_modules/uses-fs/package.json': '{ "name": "uses-fs" }',
      'node_modules/uses-fs/index.js': 'const fs = require("fs");\nmodule.exports = () => fs.readFileSync;\n',
      'node_modules/types-only/package.json': '{ "name": "types-only", "types": "index.d.ts" }',
    });
    try {
      const { diagnostics, targets } = await buildNpm(project.dir);
      const byCode = new Map(diagnostics.map((d) => [d.code, d]));
      assert.deepEqual(
        [byCode.get('npm-bundle-error')?.file, byCode.get('npm-bundle-error')?.line, byCode.get('npm-bundle-error')?.column],
        ['node_modules/broken/index.js', 2, 8],
      );
      assert.match(byCode.get('npm-node-builtin')?.message ?? '', /uses-fs requires Node built-ins \(fs\)/);
      assert.equal(byCode.get('npm-node-builtin')?.severity, 'warning');
      assert.equal(byCode.get('npm-no-entry')?.file, 'node_modules/types-only/package.json');
      assert.deepEqual(targets[0]?.packages.map((p) => p.name), ['uses-fs']);
    } finally {
      await project.dispose();
    }
  });
});

describe('Which package.json is built, and where miniprogram_npm goes', () => {
  const tinyPackage = {
    'node_modules/tiny/package.json': '{ "name": "tiny", "main": "index.js" }',
    'node_modules/tiny/index.js': 'module.exports = "tiny";',
  };

  test('default: every package.json inside miniprogramRoot gets a miniprogram_npm next to it', async () => {
    const project = await createNpmProject({
      'project.config.json': JSON.stringify({ miniprogramRoot: 'miniprogram/' }),
      'miniprogram/package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
      ...prefixed('miniprogram/', tinyPackage),
      'miniprogram/sub/package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
      ...prefixed('miniprogram/sub/', tinyPackage),
    });
    try {
      const { targets, diagnostics } = await buildNpm(project.dir);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(targets.map((t) => t.outDir), ['miniprogram/miniprogram_npm', 'miniprogram/sub/miniprogram_npm']);
      assert.ok(existsSync(join(project.dir, 'miniprogram/miniprogram_npm/tiny/index.js')));
      assert.ok(existsSync(join(project.dir, 'miniprogram/sub/miniprogram_npm/tiny/index.js')));
    } finally {
      await project.dispose();
    }
  });

  test('cloud function folders are not built', async () => {
    const project = await createNpmProject({
      'project.config.json': JSON.stringify({ miniprogramRoot: '', cloudfunctionRoot: 'cloudfunctions/' }),
      'package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
      ...tinyPackage,
      'cloudfunctions/login/package.json': JSON.stringify({ dependencies: { 'wx-server-sdk': '~2.6.3' } }),
    });
    try {
      const { targets, diagnostics } = await buildNpm(project.dir);
      assert.deepEqual(diagnostics, []);
      assert.deepEqual(targets.map((t) => t.target.packageJson), ['package.json']);
    } finally {
      await project.dispose();
    }
  });

  test('a package.json next to the miniprogramRoot builds into the root', async () => {
    const project = await createNpmProject({
      'project.config.json': JSON.stringify({ miniprogramRoot: 'src' }),
      'package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
      'src/app.json': '{}',
      ...tinyPackage,
    });
    try {
      const { targets } = await buildNpm(project.dir);
      assert.deepEqual(targets.map((t) => t.outDir), ['src/miniprogram_npm']);
      assert.ok(existsSync(join(project.dir, 'src/miniprogram_npm/tiny/index.js')));
    } finally {
      await project.dispose();
    }
  });

  test('packNpmManually follows packNpmRelationList; a bad entry is located in project.config.json', async () => {
    const config = {
      miniprogramRoot: 'miniprogram/',
      setting: {
        packNpmManually: true,
        packNpmRelationList: [
          { packageJsonPath: './package.json', miniprogramNpmDistDir: './miniprogram/' },
          { packageJsonPath: '../outside/package.json', miniprogramNpmDistDir: './miniprogram/' },
        ],
      },
    };
    const project = await createNpmProject({
      'project.config.json': JSON.stringify(config, null, 2),
      'package.json': JSON.stringify({ dependencies: { tiny: '1.0.0' } }),
      ...tinyPackage,
    });
    await mkdir(join(project.dir, 'miniprogram'), { recursive: true });
    await writeFile(join(project.dir, 'miniprogram/app.json'), '{}');
    try {
      const { targets, diagnostics } = await buildNpm(project.dir);
      assert.deepEqual(targets.map((t) => t.outDir), ['miniprogram/miniprogram_npm']);
      assert.ok(existsSync(join(project.dir, 'miniprogram/miniprogram_npm/tiny/index.js')));
      assert.deepEqual(
        diagnostics.map((d) => [d.file, d.line, d.code]),
        [['project.config.json', 10, 'npm-relation-invalid']],
      );
    } finally {
      await project.dispose();
    }
  });

  test('no package.json at all is one clear error', async () => {
    const project = await createNpmProject({ 'app.json': '{}' });
    try {
      const { targets, diagnostics } = await buildNpm(project.dir);
      assert.deepEqual(targets, []);
      assert.deepEqual(diagnostics.map((d) => d.code), ['npm-no-package-json']);
    } finally {
      await project.dispose();
    }
  });
});

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([path, text]) => [`${prefix}${path}`, text]));
}
