import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatWxml } from './wxml-format';

const options = { indent: '  ' };
const format = (source: string) => formatWxml(source, options);
const noSpace = (text: string) => text.replace(/\s+/g, '');
const templates = fileURLToPath(new URL('../../../../../resources/templates', import.meta.url));

test('nests elements one per line with indentation; attributes, expressions and text stay as written', () => {
  const source = `<view class="a {{ on ? 'b' : '' }}" wx:if="{{list.length > 0}}"><view wx:for="{{list}}" wx:key="id" bindtap="tap" data-id="{{item.id}}">{{ index + 1 }}. {{item.name}}</view>
<button type="primary"   disabled>Go</button><template is="row" data="{{...item}}"/></view>`;
  assert.equal(
    format(source),
    `<view class="a {{ on ? 'b' : '' }}" wx:if="{{list.length > 0}}">
  <view wx:for="{{list}}" wx:key="id" bindtap="tap" data-id="{{item.id}}">{{ index + 1 }}. {{item.name}}</view>
  <button type="primary" disabled>Go</button>
  <template is="row" data="{{...item}}" />
</view>
`,
  );
});

test('long opening tags put one attribute per line; short ones stay on one line', () => {
  const source = '<view class="container very-long-class-name" style="padding: 10px; margin: 0 auto;" bindtap="onTapTheContainer" data-id="{{id}}"><text>x</text></view>';
  assert.equal(
    format(source),
    `<view
  class="container very-long-class-name"
  style="padding: 10px; margin: 0 auto;"
  bindtap="onTapTheContainer"
  data-id="{{id}}">
  <text>x</text>
</view>
`,
  );
});

test('<text> content, inline <wxs> and comments are kept character for character', () => {
  const source = `<view><text>  two  spaces\n  and a line </text><wxs module="m">
var f = function (a) { return a < 1 && a > -1 }
module.exports = { f: f }
</wxs><!--  a  comment --></view>`;
  const result = format(source);
  assert.ok(result.includes('<text>  two  spaces\n  and a line </text>'), result);
  assert.ok(result.includes('<wxs module="m">\nvar f = function (a) { return a < 1 && a > -1 }\nmodule.exports = { f: f }\n</wxs>'), result);
  assert.ok(result.includes('  <!--  a  comment -->'), result);
});

test('text glued to an element keeps its place (a line break there would show as a space)', () => {
  const source = '<view><view>Total:<text class="n">{{n}}</text>items</view></view>';
  assert.equal(format(source), '<view>\n  <view>Total:<text class="n">{{n}}</text>items</view>\n</view>\n');
});

test('multi-line text is re-indented line by line; `<` inside {{ }} is not a tag', () => {
  const source = '<view>\n      first line {{ a < b ? 1 : 2 }}\n        second line\n</view>';
  assert.equal(format(source), '<view>\n  first line {{ a < b ? 1 : 2 }}\n  second line\n</view>\n');
});

test('broken markup loses no text: unclosed tags, stray closers, an unterminated value or comment', () => {
  for (const source of [
    '<view><view class="a">hello\n<text>world',
    '<view>a</view></view><view>b</view>',
    '<view class="a>unterminated\n<text>still here</text>',
    '<view><!-- never closed <text>x</text>',
    '<view>{{ never closed <text>x</text></view>',
    '<view =broken>1</view>',
    '<',
    '',
  ]) {
    const result = format(source);
    assert.equal(noSpace(result), noSpace(source), `text kept for ${JSON.stringify(source)}`);
    assert.equal(format(result), result, `stable for ${JSON.stringify(source)}`);
  }
  assert.equal(format('<view><view class="a">hello\n<text>world'), '<view>\n  <view class="a">\n    hello\n    <text>world\n');
});

test('the bundled templates format without losing a character, and formatting twice changes nothing', async () => {
  const files: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) await walk(join(dir, entry.name));
      else if (/\.(wxml|fxml)$/.test(entry.name)) files.push(join(dir, entry.name));
    }
  };
  await walk(templates);
  assert.ok(files.some((f) => f.endsWith('example/pages/index/index.wxml')));
  for (const file of files) {
    const source = await readFile(file, 'utf8');
    const result = format(source);
    assert.equal(noSpace(result), noSpace(source), file);
    assert.equal(format(result), result, `${file} is stable`);
  }
  const index = format(await readFile(join(templates, 'example/pages/index/index.wxml'), 'utf8'));
  assert.match(index, /^<view class="container">\n {2}<text class="title">Hello, Mini Studio<\/text>\n/);
  assert.match(index, /\n {4}<view wx:for="\{\{fruits\}\}" wx:key="name" class="item" data-name="\{\{item.name\}\}" bindtap="onPick">\n {6}<text>\{\{index \+ 1\}\}\. \{\{item.name\}\}<\/text>\n/);
});

test('a tab indent is used as given', () => {
  assert.equal(formatWxml('<view><view/></view>', { indent: '\t' }), '<view>\n\t<view />\n</view>\n');
});
