import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CanvasAction } from '../../protocol';
import { CanvasContext } from './canvas-context';

type Fn = (...args: unknown[]) => unknown;

test('a CanvasContext records calls, assignments and gradients in order and hands them over at draw()', async () => {
  const drawn: { actions: readonly CanvasAction[]; reserve: boolean }[] = [];
  const ctx = new CanvasContext('c', async (actions, reserve) => (drawn.push({ actions, reserve }), []), () => undefined) as CanvasContext & Record<string, Fn>;
  ctx.setFillStyle!('#ff0000');
  ctx.fillRect!(0, 0, 10, 10);
  const gradient = ctx.createLinearGradient(0, 0, 10, 0);
  gradient.addColorStop(0, 'red');
  gradient.addColorStop(1, 'blue');
  (ctx as unknown as { fillStyle: unknown }).fillStyle = gradient;
  ctx.setFontSize(20);
  await new Promise<void>((resolve) => ctx.draw(true, resolve));
  assert.deepEqual(drawn, [
    {
      reserve: true,
      actions: [
        { method: 'setFillStyle', args: ['#ff0000'] },
        { method: 'fillRect', args: [0, 0, 10, 10] },
        { method: 'set', args: ['fillStyle', { kind: 'linear', args: [0, 0, 10, 0], stops: [[0, 'red'], [1, 'blue']] }] },
        { method: 'setFontSize', args: [20] },
      ],
    },
  ]);
  // what was drawn is not sent again
  await new Promise<void>((resolve) => ctx.draw(resolve));
  assert.deepEqual(drawn[1], { actions: [], reserve: false });
});

test('calls the view could not draw are reported, and draw() still calls back', async () => {
  const reported: (readonly string[])[] = [];
  const ctx = new CanvasContext('c', async () => ['ellipse'], (m) => reported.push(m)) as CanvasContext & Record<string, Fn>;
  ctx.ellipse!(1, 2, 3, 4, 0, 0, 1);
  let called = false;
  await new Promise<void>((resolve) => ctx.draw(false, () => ((called = true), resolve())));
  assert.equal(called, true);
  assert.deepEqual(reported, [['ellipse']]);
});
