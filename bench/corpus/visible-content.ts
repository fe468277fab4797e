/// <reference lib="dom" />
/**
 * What a person would see in the page iframe: elements with a non-zero box (not hidden, not transparent) that
 * show text or an image. Runs inside the page's iframe via `frame.evaluate(probeVisibleContent, selector)`;
 * walks open shadow roots too (built-in components render inside them).
 */
export interface VisibleContent {
  /** Whether the probed root exists (the gallery's `#stage` holds the component under test). */
  readonly rootFound: boolean;
  /** Elements with a non-zero box under the root. */
  readonly boxes: number;
  /** Elements with a box and their own visible text. */
  readonly texts: number;
  /** Elements with a box that show an image (img, canvas, svg, video, background or mask image). */
  readonly images: number;
  /** Boxes that paint something else: a background colour, a border or a shadow (gallery only), pseudo-elements included. */
  readonly painted: number;
  /** Of `painted`: `::before`/`::after` boxes (hairlines, divider lines, dots drawn by CSS). */
  readonly paintedPseudo: number;
  /** Up to 80 characters of the visible text, for the report. */
  readonly sample: string;
}

/** Self-contained (serialized into the page): no imports, no closures. */
export function probeVisibleContent(selector: string): VisibleContent {
  const root = selector ? document.querySelector(selector) : document.body;
  if (!root) return { rootFound: false, boxes: 0, texts: 0, images: 0, painted: 0, paintedPseudo: 0, sample: '' };
  let boxes = 0;
  let texts = 0;
  let images = 0;
  let painted = 0;
  let paintedPseudo = 0;
  let sample = '';
  const imageTags = new Set(['IMG', 'CANVAS', 'SVG', 'VIDEO', 'svg']);
  const transparent = (color: string): boolean => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
  const paints = (style: CSSStyleDeclaration): boolean => {
    const border = ['top', 'right', 'bottom', 'left'].some((side) => parseFloat(style.getPropertyValue(`border-${side}-width`)) > 0 && style.getPropertyValue(`border-${side}-style`) !== 'none' && !transparent(style.getPropertyValue(`border-${side}-color`)));
    return !transparent(style.backgroundColor) || border || style.boxShadow !== 'none' || /url\(|gradient\(/.test(style.backgroundImage);
  };
  // a generated box exists when content is set; its used size comes from the computed width/height (a hairline
  // is `height: 1px` or a 1px border on a zero-height box, often scaled by a transform: still painted)
  const paintedPseudoElement = (element: Element, which: '::before' | '::after'): boolean => {
    const style = getComputedStyle(element, which);
    if (style.content === 'none' || style.content === 'normal' || style.display === 'none' || style.visibility === 'hidden' || Number(style.opacity) === 0) return false;
    const size = (name: string): number => parseFloat(style.getPropertyValue(name)) || 0;
    const width = size('width') + size('border-left-width') + size('border-right-width') + size('padding-left') + size('padding-right');
    const height = size('height') + size('border-top-width') + size('border-bottom-width') + size('padding-top') + size('padding-bottom');
    return width > 0 && height > 0 && paints(style);
  };
  // `faded`: an ancestor has opacity 0 (a closed popup fading out): nothing under it is seen
  const visit = (element: Element, faded: boolean): void => {
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    const hiddenHere = faded || Number(style.opacity) === 0;
    const rect = element.getBoundingClientRect();
    const shown = !hiddenHere && rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden';
    if (!hiddenHere && style.display !== 'contents') {
      for (const which of ['::before', '::after'] as const) {
        if (paintedPseudoElement(element, which)) {
          painted++;
          paintedPseudo++;
        }
      }
    }
    if (shown) {
      boxes++;
      let ownText = '';
      for (const node of Array.from(element.childNodes)) if (node.nodeType === Node.TEXT_NODE) ownText += node.textContent ?? '';
      // generated content (icon fonts: `::before { content: "\e600" }`) is visible text too
      const before = getComputedStyle(element, '::before').content;
      const after = getComputedStyle(element, '::after').content;
      const generated = [before, after].some((c) => c && c !== 'none' && c !== 'normal' && c !== '""' && c !== "''");
      // a form field shows its value (or placeholder) without a text node
      const field = element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement ? (element.value || element.placeholder).trim() : '';
      if (field && !ownText.trim()) ownText = field;
      if (ownText.trim() || generated) {
        texts++;
        if (sample.length < 80 && ownText.trim()) sample = `${sample} ${ownText.trim()}`.trim().slice(0, 80);
      }
      const hasImage = imageTags.has(element.tagName) || /url\(|gradient\(/.test(style.backgroundImage) || /url\(/.test(style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image'));
      if (hasImage) images++;
      if (paints(style)) painted++;
    }
    if (element.shadowRoot) for (const child of Array.from(element.shadowRoot.children)) visit(child, hiddenHere);
    for (const child of Array.from(element.children)) visit(child, hiddenHere);
  };
  visit(root, false);
  return { rootFound: true, boxes, texts, images, painted, paintedPseudo, sample };
}
