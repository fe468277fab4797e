// <page-container>: the "fake page" popup. `show` slides the panel in from `position` over an overlay with
// beforeenter → enter → afterenter (and beforeleave → leave → afterleave); a tap on the overlay fires
// clickoverlay and closes it. While open it carries an `open` attribute: the host's back action should call
// close() on `wx-page-container[open]` instead of leaving the page, as WeChat does.
import { claimPointer, releasePointer } from './gesture-claim';
import { sheet, WxElement } from './wx-element';

const CONTAINER_CSS = `
:host { position: fixed; inset: 0; display: none; }
:host([open]), :host(.leaving) { display: block; }
.overlay { position: absolute; inset: 0; background: rgba(0, 0, 0, .7); opacity: 0; transition-property: opacity; }
.panel { position: absolute; background: #ffffff; overflow-y: auto; transition-property: transform, opacity; max-height: 100%; box-sizing: border-box; }
.bottom { left: 0; right: 0; bottom: 0; transform: translateY(100%); }
.top { left: 0; right: 0; top: 0; transform: translateY(-100%); }
.right { top: 0; bottom: 0; right: 0; height: 100%; transform: translateX(100%); }
.center { left: 50%; top: 50%; transform: translate(-50%, -50%); opacity: 0; }
.round.bottom { border-radius: 16px 16px 0 0; }
.round.top { border-radius: 0 0 16px 16px; }
.round.right { border-radius: 16px 0 0 16px; }
.round.center { border-radius: 16px; }
.shown .overlay { opacity: 1; }
.shown .panel.bottom, .shown .panel.top, .shown .panel.right { transform: none; }
.shown .panel.center { opacity: 1; }
`;

const SLIDE_DOWN_CLOSE_PX = 100;

export class WxPageContainer extends WxElement {
  private hostStyle!: HTMLStyleElement;
  private stage!: HTMLDivElement;
  private overlayElement!: HTMLDivElement;
  private panel!: HTMLDivElement;
  private open = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(CONTAINER_CSS)];
    this.hostStyle = document.createElement('style');
    this.stage = document.createElement('div');
    this.overlayElement = document.createElement('div');
    this.overlayElement.className = 'overlay';
    this.overlayElement.setAttribute('part', 'overlay');
    this.panel = document.createElement('div');
    this.panel.setAttribute('part', 'panel');
    this.panel.append(document.createElement('slot'));
    this.stage.append(this.overlayElement, this.panel);
    root.append(this.hostStyle, this.stage);
    this.overlayElement.addEventListener('click', () => {
      this.emit('clickoverlay', {});
      this.close();
    });
    this.panel.addEventListener('pointerdown', (event) => this.slideDown(event));
  }

  protected override render(): void {
    const duration = Math.max(0, this.prop<number>('duration'));
    const position = this.prop<string>('position');
    this.hostStyle.textContent = `:host { z-index: ${Math.round(this.prop<number>('zIndex'))}; }`;
    this.overlayElement.hidden = !this.prop<boolean>('overlay');
    this.overlayElement.style.cssText = `transition-duration: ${duration}ms; ${this.prop<string | null>('overlayStyle') ?? ''}`;
    this.panel.className = `panel ${['top', 'bottom', 'right', 'center'].includes(position) ? position : 'bottom'}${this.prop<boolean>('round') ? ' round' : ''}`;
    this.panel.style.cssText = `transition-duration: ${duration}ms; ${this.prop<string | null>('customStyle') ?? ''}`;
    const show = this.prop<boolean>('show');
    if (show && !this.open) this.enter(duration);
    else if (!show && this.open) this.leave(duration);
  }

  private enter(duration: number): void {
    this.open = true;
    if (this.timer) clearTimeout(this.timer);
    this.classList.remove('leaving');
    this.emit('beforeenter', {});
    this.toggleAttribute('open', true);
    // Let the closed position render once so the slide-in animates.
    requestAnimationFrame(() => {
      this.stage.classList.add('shown');
      this.emit('enter', {});
      this.timer = setTimeout(() => this.emit('afterenter', {}), duration);
    });
  }

  private leave(duration: number): void {
    this.open = false;
    if (this.timer) clearTimeout(this.timer);
    this.emit('beforeleave', {});
    this.classList.add('leaving');
    this.toggleAttribute('open', false);
    this.stage.classList.remove('shown');
    this.emit('leave', {});
    this.timer = setTimeout(() => {
      this.classList.remove('leaving');
      this.emit('afterleave', {});
    }, duration);
  }

  /** Closes the container (overlay tap, slide-down, or the host's back action). */
  close(): void {
    if (!this.open) return;
    // The page's `show` is now stale, as in WeChat: it syncs it in afterleave.
    this.setProp('show', false);
    this.requestRender();
  }

  private slideDown(event: PointerEvent): void {
    if (!this.prop<boolean>('closeOnSlideDown') || !claimPointer(event.pointerId, this)) return;
    const startY = event.clientY;
    const end = (endEvent: PointerEvent): void => {
      this.panel.removeEventListener('pointerup', end);
      this.panel.removeEventListener('pointercancel', end);
      releasePointer(endEvent.pointerId, this);
      if (endEvent.clientY - startY > SLIDE_DOWN_CLOSE_PX) this.close();
    };
    this.panel.setPointerCapture(event.pointerId);
    this.panel.addEventListener('pointerup', end);
    this.panel.addEventListener('pointercancel', end);
  }
}
