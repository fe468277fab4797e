import { test } from 'node:test';
import assert from 'node:assert/strict';
import { animationStepCss, playAnimation } from './animation-css';

test('a step becomes transform, styles, transform-origin and a transition per animated property', () => {
  const css = animationStepCss({
    animates: [
      { type: 'rotate', args: [45] },
      { type: 'translate', args: [10, '2rem'] },
      { type: 'style', args: ['backgroundColor', '#f00'] },
      { type: 'style', args: ['opacity', 0.5] },
    ],
    option: { transformOrigin: 'left top 0', transition: { duration: 300, timingFunction: 'ease', delay: 100 } },
  });
  assert.deepEqual(css.style, {
    'background-color': '#f00',
    opacity: '0.5',
    transform: 'rotate(45deg) translate(10px,2rem)',
    'transform-origin': 'left top 0',
    transition: 'background-color 300ms ease 100ms,opacity 300ms ease 100ms,transform 300ms ease 100ms',
  });
  assert.equal(css.totalMs, 400);
});

test('matrix and scale arguments stay unitless; rotate3d puts deg on the angle only', () => {
  const css = animationStepCss({ animates: [{ type: 'scale', args: [2, 2] }, { type: 'rotate3d', args: [1, 0, 0, 30] }, { type: 'matrix', args: [1, 0, 0, 1, 5, 5] }], option: {} });
  assert.equal(css.style.transform, 'scale(2,2) rotate3d(1,0,0,30deg) matrix(1,0,0,1,5,5)');
});

test('steps play in order, each after the previous one’s duration and delay; cancel stops the rest', () => {
  const applied: string[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  const schedule = (fn: () => void, ms: number) => {
    timers.push({ fn, ms });
    return () => undefined;
  };
  const step = (deg: number, duration: number) => ({ animates: [{ type: 'rotate', args: [deg] }], option: { transition: { duration, delay: 0 } } });
  const cancel = playAnimation({ setStyle: (name, value) => name === 'transform' && applied.push(value) }, { actions: [step(90, 100), step(180, 200), step(270, 300)] }, schedule);
  assert.deepEqual(applied, ['rotate(90deg)']);
  assert.equal(timers[0]!.ms, 100);
  timers[0]!.fn();
  assert.deepEqual(applied, ['rotate(90deg)', 'rotate(180deg)']);
  cancel();
  timers[1]!.fn();
  assert.deepEqual(applied, ['rotate(90deg)', 'rotate(180deg)']);
});
