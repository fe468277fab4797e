// <root-portal>: its content leaves every ancestor's overflow, transform and z-index by living in the page's
// top layer (a manual popover spanning the viewport that lets pointer events through to the page).
import { sheet, WxElement } from './wx-element';

const PORTAL_CSS = `
:host([popover]) {
  position: fixed; inset: 0; width: auto; height: auto; margin: 0; padding: 0; border: 0; background: transparent;
  overflow: visible; color: inherit; pointer-events: none;
}
::slotted(*) { pointer-events: auto; }
`;

export class WxRootPortal extends WxElement {
  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(PORTAL_CSS)];
    root.append(document.createElement('slot'));
  }

  protected override render(): void {
    const enable = this.prop<boolean>('enable');
    if (enable && this.isConnected) {
      if (this.popover !== 'manual') this.popover = 'manual';
      if (!this.matches(':popover-open')) this.showPopover();
    } else if (this.popover) {
      if (this.matches(':popover-open')) this.hidePopover();
      this.removeAttribute('popover');
    }
  }

  protected override disconnected(): void {
    if (this.popover && this.matches(':popover-open')) this.hidePopover();
  }
}
