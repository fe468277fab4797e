import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Animation } from './animation';

test('export gives WeChat’s actions format with the creation defaults', () => {
  const animation = new Animation();
  animation.rotate(45).opacity(0.5).step();
  assert.deepEqual(animation.export(), {
    actions: [
      {
        animates: [
          { type: 'rotate', args: [45] },
          { type: 'style', args: ['opacity', 0.5] },
        ],
        option: { transformOrigin: '50% 50% 0', transition: { duration: 400, timingFunction: 'linear', delay: 0 } },
      },
    ],
  });
});

test('step options override the creation options for that step only', () => {
  const animation = new Animation({ duration: 1000, timingFunction: 'ease', transformOrigin: 'left top 0' });
  animation.translate(10, 20).step({ duration: 200, delay: 50 }).scale(2).step();
  const { actions } = animation.export();
  assert.deepEqual(actions[0]!.option, { transformOrigin: 'left top 0', transition: { duration: 200, timingFunction: 'ease', delay: 50 } });
  assert.deepEqual(actions[1]!.option, { transformOrigin: 'left top 0', transition: { duration: 1000, timingFunction: 'ease', delay: 0 } });
});

test('transforms carry over to later steps; a new value replaces the old one in place', () => {
  const animation = new Animation();
  animation.rotate(90).translateX(100).step().rotate(180).width(50).step();
  const { actions } = animation.export();
  assert.deepEqual(actions[1]!.animates, [
    { type: 'rotate', args: [180] },
    { type: 'translateX', args: [100] },
    { type: 'style', args: ['width', '50px'] },
  ]);
});

test('export hands each step over once; un-stepped calls wait for the next step', () => {
  const animation = new Animation();
  animation.opacity(1).step();
  animation.scale(2);
  assert.equal(animation.export().actions.length, 1);
  assert.deepEqual(animation.export(), { actions: [] });
  animation.step();
  assert.deepEqual(animation.export().actions[0]!.animates.at(-1), { type: 'scale', args: [2, 2] });
});

test('lengths: numbers become px, strings pass through; defaults fill missing arguments', () => {
  const animation = new Animation();
  animation.height('50%').left(3).backgroundColor('#f00').matrix().skew(10).step();
  assert.deepEqual(animation.export().actions[0]!.animates, [
    { type: 'style', args: ['height', '50%'] },
    { type: 'style', args: ['left', '3px'] },
    { type: 'style', args: ['backgroundColor', '#f00'] },
    { type: 'matrix', args: [1, 0, 0, 1, 0, 0] },
    { type: 'skew', args: [10, 0] },
  ]);
});

test('export is plain data (it crosses setData to the view)', () => {
  const animation = new Animation();
  animation.rotate3d(1, 1, 0, 30).step();
  const exported = animation.export();
  assert.deepEqual(structuredClone(exported), exported);
});
