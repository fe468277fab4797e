// The pull-down refresher of <scroll-view refresher-enabled>: pulling past the top opens it and fires
// refresherpulling {dy}; releasing past refresher-threshold fires refresherrefresh and keeps it open until
// refresher-triggered turns false (then refresherrestore); releasing earlier fires refresherabort.
import type { WxElement } from './wx-element';

const REFRESHER_CSS = `
.refresher { display: flex; align-items: center; justify-content: center; transition: height .2s ease; }
.refresher.pulling { transition: none; }
.dots { display: flex; gap: 6px; }
.dots i { width: 6px; height: 6px; border-radius: 50%; background: currentColor; opacity: .3; }
.open .dots i { animation: blink 1.2s infinite; }
.open .dots i:nth-child(2) { animation-delay: .2s; }
.open .dots i:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 100% { opacity: .3; } 40% { opacity: .9; } }
`;

const PULL_DAMPING = 0.5;

export class Refresher {
  readonly element: HTMLDivElement;
  private readonly style: HTMLStyleElement;
  private pulled = 0;
  private open = false;

  constructor(private readonly view: WxElement) {
    this.element = document.createElement('div');
    this.element.className = 'refresher';
    this.element.setAttribute('part', 'refresher');
    this.style = document.createElement('style');
    this.style.textContent = REFRESHER_CSS;
  }

  get enabled(): boolean {
    return this.view.prop<boolean>('refresherEnabled');
  }

  private get threshold(): number {
    return this.view.prop<number>('refresherThreshold');
  }

  mount(root: ShadowRoot): void {
    root.append(this.style, this.element);
  }

  /** Brings looks and the open state in line with the properties. */
  sync(): void {
    const style = this.view.prop<string>('refresherDefaultStyle');
    this.element.style.background = this.view.prop<string>('refresherBackground');
    this.element.style.color = style === 'white' ? '#ffffff' : '#000000';
    const content = style === 'none' ? 'slot' : 'dots';
    if (this.element.dataset.content !== content) {
      this.element.dataset.content = content;
      this.element.innerHTML = style === 'none' ? '<slot name="refresher"></slot>' : '<span class="dots"><i></i><i></i><i></i></span>';
    }
    const triggered = this.enabled && this.view.prop<boolean>('refresherTriggered');
    if (triggered && !this.open) this.setOpen(true, this.threshold);
    else if (!triggered && this.open) {
      this.setOpen(false, 0);
      this.view.emit('refresherrestore', { dy: 0 });
    }
  }

  private setOpen(open: boolean, height: number): void {
    this.open = open;
    this.element.classList.toggle('open', open);
    this.element.style.height = `${height}px`;
  }

  /** `distance` is how far the pointer went past the top, in px. */
  pull(distance: number): void {
    if (!this.enabled || this.open) return;
    this.pulled = Math.max(0, distance * PULL_DAMPING);
    this.element.classList.add('pulling');
    this.element.style.height = `${this.pulled}px`;
    this.view.emit('refresherpulling', { dy: this.pulled });
  }

  release(): void {
    if (!this.enabled || this.open || this.pulled === 0) return;
    this.element.classList.remove('pulling');
    const dy = this.pulled;
    this.pulled = 0;
    if (dy >= this.threshold) {
      this.setOpen(true, this.threshold);
      // Mirror WeChat: the component now counts as triggered, so a later `false` from the page closes it.
      this.view.setProp('refresherTriggered', true);
      this.view.emit('refresherrefresh', { dy });
    } else {
      this.setOpen(false, 0);
      this.view.emit('refresherabort', { dy });
    }
  }
}

export function attachRefresher(view: WxElement, root: ShadowRoot): Refresher {
  const refresher = new Refresher(view);
  refresher.mount(root);
  return refresher;
}

/**
 * Fingers (a phone on the device link) pull the refresher too: at the top, a downward touch move is taken
 * from native scrolling and drives the pull.
 */
export function attachTouchPull(view: WxElement & { readonly liveScrollTop: number }, refresher: Refresher): void {
  let startY: number | undefined;
  let pulling = false;
  view.addEventListener(
    'touchstart',
    (event) => {
      startY = event.touches.length === 1 ? event.touches[0]!.clientY : undefined;
      pulling = false;
    },
    { passive: true },
  );
  view.addEventListener(
    'touchmove',
    (event) => {
      if (startY === undefined || !refresher.enabled || !view.prop<boolean>('scrollY') || !event.cancelable) return;
      const dy = event.touches[0]!.clientY - startY;
      if (!pulling && (view.liveScrollTop > 0 || dy <= 0)) return;
      pulling = true;
      event.preventDefault();
      refresher.pull(Math.max(0, dy));
    },
    { passive: false },
  );
  const end = (): void => {
    if (pulling) refresher.release();
    startY = undefined;
    pulling = false;
  };
  view.addEventListener('touchend', end);
  view.addEventListener('touchcancel', end);
}
