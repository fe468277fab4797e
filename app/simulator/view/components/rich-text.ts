// <rich-text>: renders sanitised nodes as light-DOM children (the runtime gives it none), so page WXSS
// classes inside the nodes apply as in WeChat.
import { buildRichText } from './rich-text-sanitize';
import { resolveUserClasses } from './user-classes';
import { WxElement } from './wx-element';

export class WxRichText extends WxElement {
  static override reflected = ['user-select'];

  protected override render(): void {
    const content = buildRichText(this.prop('nodes'), {
      space: this.prop<string | null>('space'),
      classes: (classNames) => resolveUserClasses(this, classNames),
    });
    this.replaceChildren(content);
  }
}
