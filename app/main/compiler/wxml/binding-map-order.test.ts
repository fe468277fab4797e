import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sortBindingMaps } from './binding-map-order';
import { TemplateGroup } from './template-group';

test('binding map entries are sorted by key, each template of the file, and nothing else changes', () => {
  const gen =
    'H["x"]=(R,C,D,U)=>{var L=R.c,M=R.m,O=R.r,A={},K=U===true,b=1};' +
    'H[""]=(R,C,D,U)=>{var L=R.c,M=R.m,O=R.r,A={"y":new Array(1),"a\\"b":new Array(2),"w":new Array(1)},K=U===true,t="A={\\"z\\":1}"}';
  assert.equal(
    sortBindingMaps(gen),
    'H["x"]=(R,C,D,U)=>{var L=R.c,M=R.m,O=R.r,A={},K=U===true,b=1};' +
      'H[""]=(R,C,D,U)=>{var L=R.c,M=R.m,O=R.r,A={"a\\"b":new Array(2),"w":new Array(1),"y":new Array(1)},K=U===true,t="A={\\"z\\":1}"}',
  );
});

test('the group file lists each binding map in key order and still runs', () => {
  const group = new TemplateGroup(false);
  group.setTemplate('p', 'p.wxml', '<view data-z="{{z}}" data-m="{{m}}" data-a="{{a}}">{{k}}</view>');
  const out = group.render();
  group.dispose();
  assert.match(out, /A=\{"a":new Array\(1\),"k":new Array\(1\),"m":new Array\(1\),"z":new Array\(1\)\}/);
  const groups = new Function(`return ${out}`)() as Record<string, unknown>;
  assert.equal(typeof groups['p'], 'function');
});
