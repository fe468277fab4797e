import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RenderOp } from '../protocol';
import { adaptCss, type RpxDevice } from './style-sheets';
import { OpApplier } from './op-applier';

/** Just enough of a document for elements that take a style attribute. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  constructor(readonly tagName: string) {}
  setAttribute(name: string, value: string): void {
    this.attributes.set(name, value);
  }
}

const fakeDocument = { createElement: (tag: string) => new FakeElement(tag.toUpperCase()) } as unknown as Document;

function applierFor(device: () => RpxDevice): OpApplier {
  return new OpApplier(fakeDocument, {
    listenerAdded: () => undefined,
    modelBinding: () => undefined,
    styleSheet: () => undefined,
    disableStyleSheet: () => undefined,
    resolveSrc: (value) => value,
    adaptStyle: (css) => adaptCss(css, device()),
  });
}

test('inline style rpx never converted to px (regression): SetStyle converts for the device, and again on a switch', () => {
  let device: RpxDevice = { windowWidth: 375, platform: 'devtools', pixelRatio: 2 };
  const applier = applierFor(() => device);
  applier.apply([RenderOp.CreateElement, 1, 'view', 'view', RenderOp.SetStyle, 1, 'height: 8rpx; width: 750rpx; padding-top: env(safe-area-inset-top)']);
  const el = applier.node(1) as unknown as FakeElement;
  assert.equal(el.attributes.get('style'), 'height: 4px; width: 375px; padding-top: var(--safe-area-inset-top, 0px)');

  device = { windowWidth: 414, platform: 'ios', pixelRatio: 3 };
  applier.readaptStyles();
  assert.equal(el.attributes.get('style'), 'height: 4px; width: 414px; padding-top: var(--safe-area-inset-top, 0px)');

  applier.apply([RenderOp.SetStyle, 1, 'height: 1rpx']);
  assert.equal(el.attributes.get('style'), 'height: 0.5px', 'a hairline on an iOS retina screen');
});
