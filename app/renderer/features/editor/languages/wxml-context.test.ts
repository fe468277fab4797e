import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sourceReferenceAt, tagNameAt, wxmlContextAt } from './wxml-context';

test('after "<" the user is typing a tag name', () => {
  assert.deepEqual(wxmlContextAt('<view>\n  <scr'), { kind: 'tag-name', prefix: 'scr', closing: false });
  assert.deepEqual(wxmlContextAt('<view></'), { kind: 'tag-name', prefix: '', closing: true });
});

test('inside a start tag the user is typing an attribute, and present ones are known', () => {
  assert.deepEqual(wxmlContextAt('<button type="primary" bindt'), {
    kind: 'attribute-name',
    tag: 'button',
    prefix: 'bindt',
    present: ['type', 'bindt'],
  });
});

test('inside an unfinished quoted value the user is typing that attribute value', () => {
  assert.deepEqual(wxmlContextAt('<button size="mi'), { kind: 'attribute-value', tag: 'button', attribute: 'size', prefix: 'mi' });
  assert.deepEqual(wxmlContextAt("<scroll-view scroll-x='tr"), { kind: 'attribute-value', tag: 'scroll-view', attribute: 'scroll-x', prefix: 'tr' });
});

test('in text, after a closed tag, and inside {{ }} no tag completion applies', () => {
  assert.deepEqual(wxmlContextAt('<view>hello '), { kind: 'text' });
  assert.deepEqual(wxmlContextAt('<view>{{ count + '), { kind: 'expression' });
  assert.deepEqual(wxmlContextAt('<view class="{{ a'), { kind: 'expression' });
  assert.deepEqual(wxmlContextAt('<!-- <vi'), { kind: 'text' });
});

test('the tag name under the cursor is found on start and end tags', () => {
  assert.equal(tagNameAt('  <my-card title="x"></my-card>', 5), 'my-card');
  assert.equal(tagNameAt('  <my-card title="x"></my-card>', 25), 'my-card');
  assert.equal(tagNameAt('  <my-card title="x">', 14), null);
});

test('the src of import, include and wxs under the cursor is found', () => {
  const line = '<import src="../common/item.wxml" /><wxs src="./fmt.wxs" module="fmt" />';
  assert.equal(sourceReferenceAt(line, 15), '../common/item.wxml');
  assert.equal(sourceReferenceAt(line, 50), './fmt.wxs');
  assert.equal(sourceReferenceAt(line, 3), null);
});
