// The component support table: every WeChat built-in component with its attributes (name, type, default),
// events and status. The view's custom elements take their properties from it, and docs/compatibility.md,
// editor completion and the compatibility checker are generated from it.
import type { AttributeSupport, ComponentSupport, EventSupport } from './component-support';
import { str } from './component-support';
import { CONTAINER_COMPONENTS } from './components-containers';
import { CONTENT_COMPONENTS } from './components-content';
import { FORM_COMPONENTS } from './components-form';
import { MEDIA_COMPONENTS, NAVIGATION_COMPONENTS, OPEN_COMPONENTS, PAGE_CONFIG_COMPONENTS } from './components-media';

export type { AttributeSupport, AttributeType, ComponentCategory, ComponentSupport, EventSupport, SupportStatus } from './component-support';
export { ICON_TYPES } from './components-content';

export const COMPONENTS: readonly ComponentSupport[] = [
  ...CONTAINER_COMPONENTS,
  ...CONTENT_COMPONENTS,
  ...FORM_COMPONENTS,
  ...NAVIGATION_COMPONENTS,
  ...MEDIA_COMPONENTS,
  ...OPEN_COMPONENTS,
  ...PAGE_CONFIG_COMPONENTS,
];

/** Attributes every component accepts (handled by the runtime, not by the component). */
export const COMMON_ATTRIBUTES: readonly AttributeSupport[] = [
  str('id'),
  str('class'),
  str('style'),
  { name: 'hidden', type: 'boolean', default: false },
  { name: 'data-*', type: 'any', default: null, note: 'Reaches handlers as event.currentTarget.dataset.' },
  { name: 'mark:*', type: 'any', default: null, note: 'Reaches handlers as event.mark.' },
];

const touchDetail = ['x', 'y'];

/** Events every component can fire; these bubble. tap/longpress are synthesised by the runtime. */
export const COMMON_EVENTS: readonly EventSupport[] = [
  { name: 'touchstart', detail: touchDetail, bubbles: true },
  { name: 'touchmove', detail: touchDetail, bubbles: true },
  { name: 'touchcancel', detail: touchDetail, bubbles: true },
  { name: 'touchend', detail: touchDetail, bubbles: true },
  { name: 'tap', detail: touchDetail, bubbles: true },
  { name: 'longpress', detail: touchDetail, bubbles: true },
  { name: 'longtap', detail: touchDetail, bubbles: true },
  { name: 'transitionend', detail: [], bubbles: true },
  { name: 'animationstart', detail: [], bubbles: true },
  { name: 'animationiteration', detail: [], bubbles: true },
  { name: 'animationend', detail: [], bubbles: true },
  { name: 'touchforcechange', detail: touchDetail, bubbles: true, status: 'unsupported', note: 'No 3D Touch.' },
];

const byName = new Map(COMPONENTS.map((component) => [component.name, component]));

export function findComponent(name: string): ComponentSupport | undefined {
  return byName.get(name);
}
