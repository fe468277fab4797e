// <button>: WeUI looks (type, size, plain, disabled, loading — drawn by the default sheet on reflected
// attributes), hover-class, form-type submit/reset of the enclosing <form>, and simulated open-type results.
// open-types that need the host (share, feedback, contact sheet) also dispatch a bubbling `opentype`
// CustomEvent {openType} to the document for the runtime.
import { attachHover } from './hover';
import { WxForm } from './form';
import { sheet, WxElement } from './wx-element';

const BUTTON_CSS = `
.loading {
  display: none; width: 1em; height: 1em; margin: -.2em .34em 0 0; vertical-align: middle;
  animation: spin 1s steps(12, end) infinite;
}
:host([loading]) .loading { display: inline-block; }
@keyframes spin { to { transform: rotate(360deg); } }
`;

/** A 12-spoke WeUI spinner in the current text colour. */
const SPINNER_SVG = `<svg class="loading" part="loading" viewBox="0 0 100 100" aria-hidden="true">${Array.from(
  { length: 12 },
  (_, i) => `<rect x="46.5" y="6" width="7" height="24" rx="3.5" fill="currentColor" opacity="${(0.2 + (0.8 * i) / 11).toFixed(2)}" transform="rotate(${i * 30} 50 50)"/>`,
).join('')}</svg>`;

const SIMULATED_USER = { nickName: '微信用户', avatarUrl: '', gender: 0, country: '', province: '', city: '', language: 'zh_CN' };
const DEFAULT_AVATAR =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 132 132"><rect width="132" height="132" fill="#c7c7c7"/><circle cx="66" cy="52" r="24" fill="#fff"/><path d="M22 122c4-26 22-38 44-38s40 12 44 38z" fill="#fff"/></svg>');

export class WxButton extends WxElement {
  static override reflected = ['type', 'size', 'plain', 'disabled', 'loading'];

  protected override setup(): void {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [sheet(BUTTON_CSS)];
    root.innerHTML = `${SPINNER_SVG}<slot></slot>`;
    this.setAttribute('role', 'button');
    attachHover(this, () => this.prop<boolean>('disabled'));
    this.addEventListener('click', () => this.press());
  }

  activateFromLabel(): void {
    this.press();
  }

  protected override render(): void {
    this.setAttribute('aria-disabled', String(this.prop<boolean>('disabled')));
  }

  private press(): void {
    if (this.prop<boolean>('disabled')) return;
    const formType = this.prop<string | null>('formType');
    if (formType === 'submit' || formType === 'reset') {
      const form = this.closest('wx-form');
      if (form instanceof WxForm) {
        if (formType === 'submit') form.submitForm();
        else form.resetForm();
      }
    }
    const openType = this.prop<string | null>('openType');
    if (openType) this.simulateOpenType(openType);
  }

  private simulateOpenType(openType: string): void {
    switch (openType) {
      case 'getUserInfo':
        this.emit('getuserinfo', {
          errMsg: 'getUserInfo:ok',
          userInfo: SIMULATED_USER,
          rawData: JSON.stringify(SIMULATED_USER),
          signature: '',
          encryptedData: '',
          iv: '',
        });
        return;
      case 'getPhoneNumber':
        this.emit('getphonenumber', { errMsg: 'getPhoneNumber:ok', code: 'simulator-phone-code', encryptedData: '', iv: '' });
        return;
      case 'getRealtimePhoneNumber':
        this.emit('getrealtimephonenumber', { errMsg: 'getRealtimePhoneNumber:ok', code: 'simulator-phone-code' });
        return;
      case 'chooseAvatar':
        this.emit('chooseavatar', { avatarUrl: DEFAULT_AVATAR });
        return;
      case 'openSetting':
        this.emit('opensetting', { errMsg: 'openSetting:ok', authSetting: {} });
        return;
      case 'contact':
        this.emit('contact', { errMsg: 'enterContact:ok', path: '', query: {} });
        this.emitToHost(openType);
        return;
      case 'launchApp':
        this.emit('error', { errMsg: 'launchApp:fail the simulator cannot open native apps' });
        return;
      case 'agreePrivacyAuthorization':
        this.emit('agreeprivacyauthorization', { errMsg: 'agreePrivacyAuthorization:ok' });
        this.emitToHost(openType);
        return;
      case 'liveActivity':
        this.emit('createliveactivity', { errMsg: 'createLiveActivity:fail not available in the simulator' });
        return;
      default:
        this.emitToHost(openType);
    }
  }

  private emitToHost(openType: string): void {
    this.emit('opentype', { openType }, true);
  }
}
