// The support table is data other tools generate from: it must be internally consistent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMMON_ATTRIBUTES, COMPONENTS, findComponent } from './components';
import { propertyNameOf } from './component-support';

test('component names are unique kebab-case tags', () => {
  const names = COMPONENTS.map((component) => component.name);
  assert.equal(new Set(names).size, names.length, 'duplicate component');
  for (const name of names) assert.match(name, /^[a-z][a-z0-9-]*$/);
});

test('attributes and events are unique per component and never redeclare the common ones', () => {
  const common = new Set(COMMON_ATTRIBUTES.map((attribute) => attribute.name));
  for (const component of COMPONENTS) {
    const attributes = component.attributes.map((attribute) => attribute.name);
    assert.equal(new Set(attributes).size, attributes.length, `${component.name}: duplicate attribute`);
    const properties = attributes.map(propertyNameOf);
    assert.equal(new Set(properties).size, properties.length, `${component.name}: two attributes share a property`);
    for (const attribute of attributes) assert.ok(!common.has(attribute), `${component.name}: ${attribute} is a common attribute`);
    const events = component.events.map((event) => event.name);
    assert.equal(new Set(events).size, events.length, `${component.name}: duplicate event`);
  }
});

test('defaults have the declared type and enumerations contain their default', () => {
  for (const component of COMPONENTS) {
    for (const attribute of component.attributes) {
      const where = `${component.name}.${attribute.name}`;
      const value = attribute.default;
      if (value === null) continue;
      switch (attribute.type) {
        case 'boolean':
          assert.equal(typeof value, 'boolean', where);
          break;
        case 'number':
          assert.equal(typeof value, 'number', where);
          break;
        case 'string':
        case 'color':
          assert.equal(typeof value, 'string', where);
          break;
        case 'length':
          assert.ok(typeof value === 'number' || typeof value === 'string', where);
          break;
        case 'array':
        case 'nodes':
          assert.ok(Array.isArray(value), where);
          break;
        default:
          break;
      }
      if (attribute.values && typeof value === 'string' && value !== '') assert.ok(attribute.values.includes(value), `${where}: default ${value} not among its values`);
    }
  }
});

test('parents named by a component exist in the table', () => {
  for (const component of COMPONENTS) {
    for (const parent of component.parents ?? []) assert.ok(findComponent(parent), `${component.name}: unknown parent ${parent}`);
  }
});

test('the table covers every component WeChat documents for the WebView renderer', () => {
  const documented = [
    'view', 'scroll-view', 'swiper', 'swiper-item', 'movable-area', 'movable-view', 'cover-view', 'cover-image', 'match-media',
    'page-container', 'root-portal', 'share-element', 'icon', 'progress', 'rich-text', 'text', 'button', 'checkbox', 'checkbox-group',
    'editor', 'form', 'input', 'keyboard-accessory', 'label', 'picker', 'picker-view', 'picker-view-column', 'radio', 'radio-group',
    'slider', 'switch', 'textarea', 'functional-page-navigator', 'navigator', 'audio', 'camera', 'channel-live', 'channel-video',
    'image', 'live-player', 'live-pusher', 'video', 'voip-room', 'map', 'canvas', 'web-view', 'ad', 'ad-custom', 'official-account',
    'open-data', 'navigation-bar', 'page-meta',
  ];
  const missing = documented.filter((name) => !findComponent(name));
  assert.deepEqual(missing, []);
});

test('every tag the compiler rewrites to a wx- element has an entry here', async () => {
  const { BUILTIN_COMPONENT_TAGS } = await import('../../main/compiler/style/builtin-tags');
  const missing = [...BUILTIN_COMPONENT_TAGS].filter((tag) => !findComponent(tag));
  assert.deepEqual(missing, []);
});
