// Turns a demo entry of a library's demo-props file into a gallery page: the WXML usage, the page data it binds
// and the onReady code. A demo entry is { attrs, children, parent, data, ready } (every field optional):
//   attrs    attribute name (as written in WXML) → value; one-line strings are written as is, booleans and
//            numbers as `{{value}}`, objects, arrays and multi-line strings go into the page data, bound by name
//   children WXML between the component's tags (may use the library's other tags: they are resolved too)
//   parent   an opening tag the component needs around it (`<t-tabs value="0">`): closed automatically
//   data     extra page data; ready: statements for the page's onReady (`this` is the page)
// `$IMAGE` anywhere in a string is the gallery's local demo picture (the runner is offline).

/** Where the generator writes the demo picture, from the mini-program root. */
export const DEMO_IMAGE = '/assets/gallery-demo.png';

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

function withImage(value) {
  if (typeof value === 'string') return value.split('$IMAGE').join(DEMO_IMAGE);
  if (Array.isArray(value)) return value.map(withImage);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withImage(v)]));
  return value;
}

const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** `{ wxml, data, ready }` for `<tag>` used as `demo` says (an empty demo: the component alone, default props). */
export function renderDemo(tag, demo = {}) {
  const data = withImage(demo.data ?? {});
  const attributes = [];
  for (const [name, raw] of Object.entries(demo.attrs ?? {})) {
    const value = withImage(raw);
    if (typeof value === 'string' && !value.includes('\n')) attributes.push(`${name}="${escapeAttr(value)}"`);
    else if (typeof value === 'boolean' || typeof value === 'number') attributes.push(`${name}="{{${value}}}"`);
    else {
      const key = `demo${camel(`-${name}`)}`;
      data[key] = value;
      attributes.push(`${name}="{{${key}}}"`);
    }
  }
  const open = attributes.length > 0 ? `<${tag} ${attributes.join(' ')}>` : `<${tag}>`;
  const children = withImage(demo.children ?? '');
  let wxml = `${open}${children}</${tag}>`;
  if (demo.parent) {
    const parentTag = /^<([\w-]+)/.exec(demo.parent)?.[1];
    if (!parentTag) throw new Error(`demo of ${tag}: parent must start with an opening tag, got ${demo.parent}`);
    wxml = `${withImage(demo.parent)}${wxml}</${parentTag}>`;
  }
  return { wxml, data, ready: demo.ready ?? '' };
}

/** Tags with `prefix-` used in `wxml`, to resolve through the library's own components. */
export function libraryTagsIn(wxml, prefix) {
  return new Set([...wxml.matchAll(new RegExp(`<(${prefix}-[a-z0-9-]+)`, 'g'))].map((m) => m[1]));
}
