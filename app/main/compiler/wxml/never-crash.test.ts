// Regression guard: whatever bytes a .wxml holds, compiling it returns diagnostics and loadable code, never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TemplateGroup } from './template-group';

const PIECES = [
  '<view', '<View', '</view>', '</View>', '<slot>', '</slot>', '<wxs module="m">', '</wxs>', '<template name="t">',
  '</template>', '<import src="x"/>', '<include src="../y.wxml"/>', ' wx-if="{{a}}"', ' wx:for-items="{{l}}"',
  ' wx:key="{{ item.id }}"', ' class=a', ' class="b"', ' bindtap="f"', ' data-x="{{\\"q\\"}}"', '>', '/>', '{{', '}}',
  '{{ a < b }}', 'text', ' ', '\n', '"', "'", '=', '<!--', '-->', '<', '&amp;', '😀', '中文', '\\', '\t',
];

/** A small deterministic generator (mulberry32) so a failure is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

test('random WXML-like input never throws and always yields a loadable group', () => {
  const group = new TemplateGroup(false);
  try {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const source = Array.from({ length: 5 + Math.floor(next() * 40) }, () => PIECES[Math.floor(next() * PIECES.length)]).join('');
      const result = group.setTemplate(`t${seed % 7}`, 'f.wxml', source);
      for (const d of result.diagnostics) {
        assert.ok(d.line >= 1 && d.column >= 1, `seed ${seed}: position ${d.line}:${d.column}`);
        assert.ok(d.line <= source.split('\n').length, `seed ${seed}: line ${d.line} beyond the file`);
      }
      const groups = new Function(`return ${group.render()}`)() as Record<string, unknown>;
      assert.equal(typeof groups[`t${seed % 7}`], 'function', `seed ${seed}: ${JSON.stringify(source)}`);
    }
  } finally {
    group.dispose();
  }
});
