// hover-class / hover-stop-propagation / hover-start-time / hover-stay-time, shared by view, button and navigator.
// The class is added after hover-start-time of a press and removed hover-stay-time after release, as in WeChat.
import { resolveUserClasses } from './user-classes';
import type { WxElement } from './wx-element';

/** Presses whose hover state a descendant with hover-stop-propagation already claimed. */
/** Default hover classes styled by the built-in sheet; kept as written, plus the user's scoped version. */
const BUILT_IN_HOVER_CLASSES = new Set(['button-hover', 'navigator-hover']);
const claimedPresses = new WeakSet<Event>();
const MOVE_TOLERANCE_PX = 10;

export function attachHover(element: WxElement, isDisabled: () => boolean = () => false): void {
  let startTimer: ReturnType<typeof setTimeout> | undefined;
  let stayTimer: ReturnType<typeof setTimeout> | undefined;
  let applied: string[] = [];
  let origin: { x: number; y: number } | undefined;

  const clear = (): void => {
    if (startTimer) clearTimeout(startTimer);
    startTimer = undefined;
    if (applied.length) element.classList.remove(...applied);
    applied = [];
  };
  const release = (): void => {
    origin = undefined;
    if (startTimer) {
      // Released before the start time: WeChat still flashes the hover state for the stay time.
      clearTimeout(startTimer);
      startTimer = undefined;
      apply();
    }
    if (stayTimer) clearTimeout(stayTimer);
    stayTimer = setTimeout(clear, element.prop<number>('hoverStayTime'));
  };
  const apply = (): void => {
    const hoverClass = element.prop<string>('hoverClass');
    applied = resolveUserClasses(element, hoverClass);
    if (BUILT_IN_HOVER_CLASSES.has(hoverClass) && !applied.includes(hoverClass)) applied.push(hoverClass);
    if (applied.length) element.classList.add(...applied);
  };

  element.addEventListener('pointerdown', (event) => {
    const hoverClass = element.prop<string>('hoverClass');
    if (!hoverClass || hoverClass === 'none' || isDisabled() || claimedPresses.has(event)) return;
    if (element.prop<boolean>('hoverStopPropagation')) claimedPresses.add(event);
    if (stayTimer) clearTimeout(stayTimer);
    clear();
    origin = { x: event.clientX, y: event.clientY };
    startTimer = setTimeout(() => {
      startTimer = undefined;
      apply();
    }, element.prop<number>('hoverStartTime'));
  });
  element.addEventListener('pointermove', (event) => {
    if (!origin) return;
    if (Math.hypot(event.clientX - origin.x, event.clientY - origin.y) > MOVE_TOLERANCE_PX) {
      origin = undefined;
      clear();
    }
  });
  element.addEventListener('pointerup', () => origin && release());
  element.addEventListener('pointercancel', () => {
    origin = undefined;
    clear();
  });
  element.addEventListener('pointerleave', () => origin && release());
}
