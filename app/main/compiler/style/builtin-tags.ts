/**
 * Tag names of the platform's built-in components. The runtime renders them as custom elements named `wx-<tag>`,
 * so a WXSS tag selector `view` must become `wx-view` to match. Custom components are not in this list.
 */
export const BUILTIN_COMPONENT_TAGS: ReadonlySet<string> = new Set([
  // view containers
  'view', 'scroll-view', 'swiper', 'swiper-item', 'movable-area', 'movable-view', 'cover-view', 'cover-image',
  'match-media', 'page-container', 'root-portal', 'share-element', 'grid-view', 'list-view', 'sticky-header',
  'sticky-section', 'draggable-sheet', 'nested-scroll-header', 'nested-scroll-body', 'grid-builder',
  'list-builder', 'snapshot', 'span', 'selection',
  // basic content
  'icon', 'progress', 'rich-text', 'text',
  // forms
  'button', 'checkbox', 'checkbox-group', 'editor', 'form', 'input', 'keyboard-accessory', 'label', 'picker',
  'picker-view', 'picker-view-column', 'radio', 'radio-group', 'slider', 'switch', 'textarea',
  // navigation
  'functional-page-navigator', 'navigator', 'navigation-bar', 'page-meta',
  // media
  'audio', 'camera', 'channel-live', 'channel-video', 'image', 'live-player', 'live-pusher', 'video', 'voip-room',
  // map, canvas, open abilities
  'map', 'canvas', 'web-view', 'ad', 'ad-custom', 'official-account', 'open-data', 'store-product', 'store-coupon',
  'aria-component',
]);

/** The page root: WXSS `page` selects the element the runtime renders every page into. */
export const PAGE_TAG = 'page';

/** Element name of a built-in tag (or of `page`) in the runtime's DOM. */
export function runtimeTagName(tag: string): string {
  return `wx-${tag}`;
}
