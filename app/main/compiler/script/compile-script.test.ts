import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceMapLookup } from '../../../simulator/logic/source-map';
import { compileScript } from './compile-script';

/** Where `needle` ends up in the output, mapped back through the source map (1-based). */
function mapBack(code: string, map: string, needle: string) {
  const lines = code.split('\n');
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `${needle} is in the output`);
  return new SourceMapLookup(JSON.parse(map)).originalPositionFor(line + 1, lines[line]!.indexOf(needle) + 1);
}

test('TypeScript and ESM map back to the original file and line', async () => {
  const source = [
    "import { helper } from './helper';",
    'interface Shape { size: number }',
    '',
    'export function area(s: Shape): number {',
    '  return helper(s.size) * markerOne;',
    '}',
  ].join('\n');
  const r = await compileScript('utils/area.js', 'miniprogram/utils/area.ts', source);
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.requests, ['./helper']);
  assert.match(r.code, /^define\("utils\/area\.js", function \(require, module, exports\) \{\n/);
  const at = mapBack(r.code, r.map, 'markerOne');
  assert.equal(at?.source, 'miniprogram/utils/area.ts');
  assert.equal(at?.line, 5);
});

test('plain CommonJS is wrapped as written, line for line, and its requires found outside comments', async () => {
  const source = "// require('not-this')\nconst a = require('./a');\n/* require(\"nor-this\") */\nmodule.exports = a + markerTwo;";
  const r = await compileScript('x.js', 'x.js', source);
  assert.deepEqual(r.requests, ['./a']);
  assert.ok(r.code.includes(source));
  assert.equal(mapBack(r.code, r.map, 'markerTwo')?.line, 4);
});

test('JSON modules export the parsed value; broken JSON is a located error and a throwing module', async () => {
  const good = await compileScript('d.json', 'd.json', '{ "a": [1, 2] }');
  const mod = { exports: {} };
  new Function('define', good.code)((_k: string, fn: (r: unknown, m: unknown, e: unknown) => void) => fn(null, mod, mod.exports));
  assert.deepEqual(mod.exports, { a: [1, 2] });

  const bad = await compileScript('e.json', 'e.json', '{\n  "a": 1,\n  oops\n}');
  assert.equal(bad.diagnostics[0]?.code, 'json-syntax');
  assert.equal(bad.diagnostics[0]?.line, 3);
  assert.throws(() => new Function('define', bad.code)((_k: string, fn: () => void) => fn()), SyntaxError);
});

test("the project's tsconfig compilerOptions reach esbuild (legacy decorators)", async () => {
  const source = 'function tag(target: unknown) { return target; }\n@tag\nclass Page {}\nexport default Page;';
  const r = await compileScript('p.js', 'p.ts', source, { experimentalDecorators: true });
  assert.deepEqual(r.diagnostics, []);
  assert.match(r.code, /__decorateClass/);
});
