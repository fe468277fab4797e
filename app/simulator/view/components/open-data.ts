// <open-data>: WeChat fills it with the signed-in user's data; the simulator shows a stand-in user.
import { WxElement } from './wx-element';

const AVATAR =
  'data:image/svg+xml,' +
  encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 132 132"><rect width="132" height="132" fill="#c7c7c7"/><circle cx="66" cy="52" r="24" fill="#fff"/><path d="M22 122c4-26 22-38 44-38s40 12 44 38z" fill="#fff"/></svg>');

const TEXTS: Readonly<Record<string, string>> = {
  userNickName: '微信用户',
  userGender: '未知',
  userCity: '',
  userProvince: '',
  userCountry: '',
  userLanguage: 'zh_CN',
  groupName: '群聊',
};

export class WxOpenData extends WxElement {
  private shadow!: ShadowRoot;

  protected override setup(): void {
    this.shadow = this.attachShadow({ mode: 'open' });
  }

  protected override render(): void {
    const type = this.prop<string | null>('type') ?? '';
    if (type === 'userAvatarUrl') {
      const image = document.createElement('img');
      image.src = this.prop<string | null>('defaultAvatar') || AVATAR;
      image.alt = '';
      image.setAttribute('part', 'avatar');
      image.style.cssText = 'display:block;width:100%;height:100%;object-fit:cover';
      this.shadow.replaceChildren(image);
      return;
    }
    this.shadow.textContent = TEXTS[type] ?? this.prop<string | null>('defaultText') ?? '';
  }
}
