// <view>, <cover-view> and the plain wrappers whose whole behaviour is layout (styled by the default sheet).
import { attachHover } from './hover';
import { WxElement } from './wx-element';

export class WxView extends WxElement {
  private hovering = false;

  /** Hover listeners only on views that have a hover-class: pages hold thousands of plain views. */
  protected override render(): void {
    const hoverClass = this.prop<string>('hoverClass');
    if (!this.hovering && hoverClass && hoverClass !== 'none') {
      this.hovering = true;
      attachHover(this);
    }
  }
}

const nativeScrollTop = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTop')!;

/** cover-view: a view (there are no native layers to cover); `scroll-top` scrolls it when it overflows. */
export class WxCoverView extends WxElement {
  override get scrollTop(): number {
    return nativeScrollTop.get!.call(this) as number;
  }

  override set scrollTop(value: unknown) {
    this.setProp('scrollTop', value);
    this.requestRender();
  }

  protected override render(): void {
    const scrollTop = this.prop<number | null>('scrollTop');
    if (typeof scrollTop === 'number') this.scrollTo({ top: scrollTop });
  }
}

/** Elements with no behaviour of their own (swiper-item, label-less wrappers, …): structure and style only. */
export class WxPlain extends WxElement {}
