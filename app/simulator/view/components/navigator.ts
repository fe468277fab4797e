// <navigator>: a tap dispatches a bubbling, composed `navigate` CustomEvent with detail {url, openType, delta}
// (plus {appId, path, extraData, version, shortLink} for target="miniProgram") that reaches the document;
// the runtime turns it into router calls and calls `reportResult` for the success/fail/complete events.
import { attachHover } from './hover';
import { WxElement } from './wx-element';

export interface NavigateDetail {
  readonly url: string;
  readonly openType: string;
  readonly delta: number;
  readonly target: string;
  readonly appId?: string;
  readonly path?: string;
  readonly extraData?: unknown;
  readonly version?: string;
  readonly shortLink?: string;
}

export class WxNavigator extends WxElement {
  protected override setup(): void {
    this.setAttribute('role', 'link');
    attachHover(this);
    this.addEventListener('click', () => this.navigate());
  }

  navigate(): void {
    const target = this.prop<string>('target');
    const detail: NavigateDetail =
      target === 'miniProgram'
        ? {
            url: '',
            openType: 'navigateToMiniProgram',
            delta: 0,
            target,
            appId: this.prop<string>('appId') ?? '',
            path: this.prop<string>('path') ?? '',
            extraData: this.prop('extraData') ?? {},
            version: this.prop<string>('version'),
            shortLink: this.prop<string>('shortLink') ?? '',
          }
        : { url: this.prop<string | null>('url') ?? '', openType: this.prop<string>('openType'), delta: this.prop<number>('delta'), target };
    this.emit('navigate', detail, true);
  }

  /** For target="miniProgram": the host reports how the jump went; WeChat fires these three events. */
  reportResult(ok: boolean, errMsg: string): void {
    this.emit(ok ? 'success' : 'fail', ok ? {} : { errMsg });
    this.emit('complete', {});
  }
}
