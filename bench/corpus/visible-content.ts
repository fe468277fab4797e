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
  /** Elements with a box that paint something else: a background colour, a border or a shadow (gallery only). */
  readonly painted: number;
  /** Up to 80 characters of the visible text, for the report. */
  readonly sample: string;
}

/** Self-contained (serialized into the page): no imports, no closures. */
export function probeVisibleContent(selector: string): VisibleContent {
  const root = selector ? document.querySelector(selector) : document.body;
  if (!root) return { rootFound: false, boxes: 0, texts: 0, images: 0, painted: 0, sample: '' };
  let boxes = 0;
  let texts = 0;
  let images = 0;
  let painted = 0;
  let sample = '';
  const imageTags = new Set(['IMG', 'CANVAS', 'SVG', 'VIDEO', 'svg']);
  const visit = (element: Element): void => {
    const style = getComputedStyle(element);
    if (style.display === 'none') return;
    const rect = element.getBoundingClientRect();
    const shown = rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && Number(style.opacity) > 0;
    if (shown) {
      boxes++;
      let ownText = '';
      for (const node of Array.from(element.childNodes)) if (node.nodeType === Node.TEXT_NODE) ownText += node.textContent ?? '';
      // generated content (icon fonts: `::before { content: "\e600" }`) is visible text too
      const before = getComputedStyle(element, '::before').content;
      const after = getComputedStyle(element, '::after').content;
      const generated = [before, after].some((c) => c && c !== 'none' && c !== 'normal' && c !== '""' && c !== "''");
      if (ownText.trim() || generated) {
        texts++;
        if (sample.length < 80 && ownText.trim()) sample = `${sample} ${ownText.trim()}`.trim().slice(0, 80);
      }
      const hasImage = imageTags.has(element.tagName) || /url\(|gradient\(/.test(style.backgroundImage) || /url\(/.test(style.getPropertyValue('mask-image') || style.getPropertyValue('-webkit-mask-image'));
      if (hasImage) images++;
      const transparent = (color: string): boolean => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
      const border = ['Top', 'Right', 'Bottom', 'Left'].some((side) => parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`)) > 0 && !transparent(style.getPropertyValue(`border-${side.toLowerCase()}-color`)));
      if (!transparent(style.backgroundColor) || border || style.boxShadow !== 'none') painted++;
    }
    if (element.shadowRoot) for (const child of Array.from(element.shadowRoot.children)) visit(child);
    for (const child of Array.from(element.children)) visit(child);
  };
  visit(root);
  return { rootFound: true, boxes, texts, images, painted, sample };
}
