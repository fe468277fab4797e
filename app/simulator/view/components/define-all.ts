// Registers every built-in component as a `wx-*` custom element and installs their default stylesheet.
// Call once in the view iframe before the first render batch is applied.
import { WxButton } from './button';
import { WxCheckbox, WxCheckboxGroup } from './checkbox';
import { WxForm, WxLabel } from './form';
import { WxIcon } from './icon';
import { WxCoverImage, WxImage } from './image';
import { installLightStyles } from './light-styles';
import { WxInput } from './input';
import { WxNavigator } from './navigator';
import { WxPicker } from './picker';
import { WxPickerView, WxPickerViewColumn } from './picker-view';
import { WxProgress } from './progress';
import { WxRadio, WxRadioGroup } from './radio';
import { WxRichText } from './rich-text';
import { WxScrollView } from './scroll-view';
import { WxSlider } from './slider';
import { WxSwiper } from './swiper';
import { WxSwitch } from './switch';
import { WxText } from './text';
import { WxTextarea } from './textarea';
import { WxCoverView, WxPlain, WxView } from './view';
import { defineComponent } from './wx-element';

export { setUserClassResolver } from './user-classes';

type Definition = readonly [name: string, ctor: Parameters<typeof defineComponent>[1]];

function definitions(): Definition[] {
  return [
    ['view', WxView],
    ['cover-view', WxCoverView],
    ['text', WxText],
    ['icon', WxIcon],
    ['progress', WxProgress],
    ['rich-text', WxRichText],
    ['image', WxImage],
    ['cover-image', WxCoverImage],
    ['button', WxButton],
    ['checkbox', WxCheckbox],
    ['checkbox-group', WxCheckboxGroup],
    ['radio', WxRadio],
    ['radio-group', WxRadioGroup],
    ['switch', WxSwitch],
    ['form', WxForm],
    ['label', WxLabel],
    ['navigator', WxNavigator],
    ['input', WxInput],
    ['textarea', WxTextarea],
    ['slider', WxSlider],
    ['scroll-view', WxScrollView],
    ['swiper', WxSwiper],
    ['swiper-item', class extends WxPlain {}],
    ['picker', WxPicker],
    ['picker-view', WxPickerView],
    ['picker-view-column', WxPickerViewColumn],
  ];
}

export function defineAllComponents(doc: Document = document): void {
  installLightStyles(doc);
  const registry = doc.defaultView?.customElements ?? customElements;
  for (const [name, ctor] of definitions()) defineComponent(name, ctor, registry);
}
