// Nested drag handlers (a slider or swiper inside a scroll-view, scroll-views inside each other) share one
// pointer: the first component that starts dragging claims it, and the others leave that drag alone.

const owners = new Map<number, Element>();
let listening = false;

function forgetOnNewPress(): void {
  if (listening) return;
  listening = true;
  // A new press starts free, whatever an earlier gesture left behind.
  window.addEventListener('pointerdown', (event) => owners.delete(event.pointerId), { capture: true });
}

/** Claims the pointer for `owner`; false when another component already drags with it. */
export function claimPointer(pointerId: number, owner: Element): boolean {
  forgetOnNewPress();
  const current = owners.get(pointerId);
  if (current && current !== owner) return false;
  owners.set(pointerId, owner);
  return true;
}

/** Whether a component other than `owner` drags with this pointer. */
export function claimedByOther(pointerId: number, owner: Element): boolean {
  const current = owners.get(pointerId);
  return current !== undefined && current !== owner;
}

export function releasePointer(pointerId: number, owner: Element): void {
  if (owners.get(pointerId) === owner) owners.delete(pointerId);
}

const TEXT_HOSTS = new Set(['wx-input', 'wx-textarea', 'wx-editor', 'input', 'textarea']);

/** Presses in a text field (or selectable text) select text: container drags must leave them alone. */
export function startsInTextField(event: Event): boolean {
  for (const target of event.composedPath()) {
    if (!(target instanceof Element)) continue;
    if (TEXT_HOSTS.has(target.localName) || (target as HTMLElement).isContentEditable) return true;
    if (target.localName === 'wx-text' && (target.hasAttribute('selectable') || target.hasAttribute('user-select'))) return true;
  }
  return false;
}
