import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateJson } from './validate-json';

const brief = (r: ReturnType<typeof validateJson>) => r.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.code}`);

test('a schema problem points at the offending value', () => {
  const text = '{\n  "pages": ["pages/index/index"],\n  "window": {\n    "navigationBarTextStyle": "blue",\n    "enablePullDownRefresh": "yes"\n  }\n}\n';
  const r = validateJson('app.json', text, 'app');
  assert.deepEqual(brief(r), ['4:5 error json-schema', '5:5 error json-schema']);
  assert.match(r.diagnostics[0]!.message, /navigationBarTextStyle.*one of "white", "black"/);
  assert.match(r.diagnostics[1]!.message, /enablePullDownRefresh.*boolean/);
  assert.deepEqual(r.value.pages, ['pages/index/index']);
});

test('a missing required key is reported on the object that lacks it', () => {
  const r = validateJson('app.json', '{\n  "window": {}\n}', 'app');
  assert.deepEqual(brief(r), ['1:1 error json-schema']);
  assert.match(r.diagnostics[0]!.message, /missing the required key 'pages'/);
});

test('syntax errors are located and the rest of the file is still read', () => {
  const r = validateJson('pages/a/a.json', '{\n  "usingComponents": {\n    "x": "../x/x"\n  }\n  "navigationBarTitleText": "A"\n}', 'page');
  assert.deepEqual(brief(r), ['5:3 error json-syntax']);
  assert.deepEqual(r.value.usingComponents, { x: '../x/x' });
});

test('comments and trailing commas are warnings; a non-object is an error', () => {
  const r = validateJson('a.json', '{\n  // note\n  "component": true,\n}', 'component');
  assert.deepEqual(brief(r), ['2:3 warning json-comment', '3:20 warning json-trailing-comma']);
  assert.deepEqual(brief(validateJson('b.json', '[1]', 'page')), ['1:1 error json-not-object']);
});

test('theme variables (@name) are accepted where a value is an enum', () => {
  const r = validateJson('app.json', '{ "pages": ["p"], "window": { "navigationBarTextStyle": "@navText", "backgroundTextStyle": "@bg" } }', 'app');
  assert.deepEqual(brief(r), []);
});
