import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { RenderOp } from '../protocol';
import { OpApplier } from './op-applier';

/** Just enough of a custom element for an inline style and attributes. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly styles = new Map<string, string>();
  readonly style = { setProperty: (name: string, value: string) => void this.styles.set(name, value) };
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
    if (name === 'style') this.styles.clear(); // as in the DOM: the attribute replaces every inline property
  }
  removeAttribute(name: string): void {
    this.attributes.delete(name);
  }
}

const fakeDocument = { createElement: (tag: string) => new FakeElement(tag.toUpperCase()) } as unknown as Document;

function applier(): OpApplier {
  return new OpApplier(fakeDocument, {
    listenerAdded: () => undefined,
    modelBinding: () => undefined,
    styleSheet: () => undefined,
    disableStyleSheet: () => undefined,
    resolveSrc: (value) => value,
    adaptStyle: (css) => css,
  });
}

const step = (animates: { type: string; args: unknown[] }[], duration: number) => ({ animates, option: { transition: { duration, delay: 0, timingFunction: 'linear' } } });

test('animation attribute ignored (regression): exported steps play one after another as inline styles', async () => {
  const ops = applier();
  const exported = { actions: [step([{ type: 'translateX', args: [30] }], 0), step([{ type: 'style', args: ['opacity', 0.5] }], 0)] };
  ops.apply([RenderOp.CreateElement, 1, 'view', 'view', RenderOp.SetAttribute, 1, 'animation', exported]);
  const el = ops.node(1) as unknown as FakeElement;
  assert.equal(el.styles.get('transform'), 'translateX(30px)');
  assert.equal(el.styles.get('transition'), 'transform 0ms linear 0ms');
  assert.equal(el.styles.has('opacity'), false, 'the second step waits for the first');
  await delay(20);
  assert.equal(el.styles.get('opacity'), '0.5');
  assert.equal(el.attributes.has('animation'), false, 'not dumped into the DOM as JSON');
});

test('a new animation value stops the running one; a boolean animation (movable-view) stays a plain attribute', async () => {
  const ops = applier();
  const slow = { actions: [step([{ type: 'translateX', args: [10] }], 10_000), step([{ type: 'rotate', args: [90] }], 0)] };
  const fast = { actions: [step([{ type: 'scale', args: [2] }], 0)] };
  ops.apply([RenderOp.CreateElement, 1, 'view', 'view', RenderOp.SetAttribute, 1, 'animation', slow, RenderOp.SetAttribute, 1, 'animation', fast]);
  const el = ops.node(1) as unknown as FakeElement;
  assert.equal(el.styles.get('transform'), 'scale(2)');
  ops.apply([RenderOp.CreateElement, 2, 'movable-view', 'movable-view', RenderOp.SetAttribute, 2, 'animation', true]);
  assert.equal((ops.node(2) as unknown as FakeElement).attributes.get('animation'), '');
  await delay(20);
  assert.equal(el.styles.get('transform'), 'scale(2)', 'the stopped animation never reaches its second step');
});

test('animation state wiped by a style update (regression): a later inline style keeps what the animation set', () => {
  const ops = applier();
  ops.apply([RenderOp.CreateElement, 1, 'view', 'view', RenderOp.SetAttribute, 1, 'animation', { actions: [step([{ type: 'translateX', args: [30] }], 0)] }]);
  ops.apply([RenderOp.SetStyle, 1, 'color: red']);
  const el = ops.node(1) as unknown as FakeElement;
  assert.equal(el.attributes.get('style'), 'color: red');
  assert.equal(el.styles.get('transform'), 'translateX(30px)');
});
