/**
 * The WXML panel's hover outline: a box drawn inside the page's view iframe at the node's rect (the view is
 * same-origin with the host). Pointer events pass through it, so the page stays usable underneath.
 */
import type { InspectorRect } from '../protocol';

const OUTLINE_ID = 'ministudio-inspector-outline';

/** Draws the outline in `frame` at `rect` (with a `label` such as `view 375×40`), or removes it when `rect` is null. */
export function drawHighlight(frame: HTMLIFrameElement | undefined, rect: InspectorRect | null, label?: string): void {
  const doc = documentOf(frame);
  if (!doc?.body) return;
  const existing = doc.getElementById(OUTLINE_ID);
  if (!rect || rect.width + rect.height === 0) {
    existing?.remove();
    return;
  }
  const box = existing ?? doc.createElement('div');
  box.id = OUTLINE_ID;
  box.setAttribute('aria-hidden', 'true');
  Object.assign(box.style, {
    position: 'fixed',
    left: `${rect.left}px`,
    top: `${rect.top}px`,
    width: `${rect.width}px`,
    height: `${rect.height}px`,
    background: 'rgba(111, 168, 220, 0.35)',
    outline: '1px solid rgba(61, 133, 198, 0.9)',
    pointerEvents: 'none',
    zIndex: '2147483647',
  });
  box.textContent = '';
  if (label) {
    const tag = doc.createElement('span');
    tag.textContent = label;
    Object.assign(tag.style, {
      position: 'absolute',
      left: '0',
      ...(rect.top > 20 ? { bottom: '100%' } : { top: '100%' }),
      font: '11px/16px system-ui, sans-serif',
      padding: '0 4px',
      whiteSpace: 'nowrap',
      color: '#fff',
      background: 'rgba(31, 35, 40, 0.85)',
      borderRadius: '2px',
    });
    box.appendChild(tag);
  }
  if (!existing) doc.body.appendChild(box);
}

/** Removes the outline from every given frame (a highlight moved to another page, or was cleared). */
export function clearHighlights(frames: readonly (HTMLIFrameElement | undefined)[]): void {
  for (const frame of frames) drawHighlight(frame, null);
}

function documentOf(frame: HTMLIFrameElement | undefined): Document | null {
  try {
    return frame?.contentDocument ?? null;
  } catch {
    return null; // a cross-origin view cannot be drawn into
  }
}
