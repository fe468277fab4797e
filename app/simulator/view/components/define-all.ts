// Registers every built-in component of the support table as a `wx-*` custom element and installs their
// default stylesheet. Call once in the view iframe before the first render batch is applied.
//
// For the runtime:
// - Component events are CustomEvents (composed; bubbling only where WeChat bubbles) with WeChat's names and
//   detail. Some native events of the same names (focus, blur, click…) are composed too: forward CustomEvents.
// - Host-bound events bubble to the document: `navigate` {url, openType, delta} (navigator), `opentype`
//   {openType} (button open-types that need the host), `pagemeta` and `navigationbar` (their values).
// - Back navigation: close `wx-page-container[open]` with its close() instead of leaving the page.
// - Taps inside `[data-wx-overlay]` (the picker sheet) belong to the overlay, not to the page.
// - `<html data-wx-style="v2">` selects the WeUI 2 looks (app.json "style": "v2"); `<html lang="en">` English UI text.
// - setUserClassResolver maps hover-class / rich-text classes to the page's scoped class names.
import { WxAudio, WxVideo } from './media';
import { WxButton } from './button';
import { WxCanvas } from './canvas';
import { WxCheckbox, WxCheckboxGroup } from './checkbox';
import { WxEditor } from './editor';
import { WxForm, WxLabel } from './form';
import { WxIcon } from './icon';
import { WxCoverImage, WxImage } from './image';
import { WxInput } from './input';
import { WxMatchMedia } from './match-media';
import { installLightStyles } from './light-styles';
import { WxMovableArea, WxMovableView } from './movable';
import { WxNavigator } from './navigator';
import { WxOpenData } from './open-data';
import { WxNavigationBar, WxPageMeta } from './page-config';
import { WxPageContainer } from './page-container';
import { WxPicker } from './picker';
import { WxPickerView, WxPickerViewColumn } from './picker-view';
import { WxPlaceholder } from './placeholder';
import { WxProgress } from './progress';
import { WxRadio, WxRadioGroup } from './radio';
import { WxRichText } from './rich-text';
import { WxRootPortal } from './root-portal';
import { WxScrollView } from './scroll-view';
import { WxSlider } from './slider';
import { WxSwiper } from './swiper';
import { WxSwitch } from './switch';
import { WxText } from './text';
import { WxTextarea } from './textarea';
import { WxCoverView, WxPlain, WxView } from './view';
import { WxWebView } from './web-view';
import { defineComponent } from './wx-element';
import { COMPONENTS } from '../../support/components';

export { setUserClassResolver } from './user-classes';
export { installLightStyles } from './light-styles';

type Constructor = Parameters<typeof defineComponent>[1];

const IMPLEMENTED: Readonly<Record<string, Constructor>> = {
  view: WxView,
  'cover-view': WxCoverView,
  text: WxText,
  icon: WxIcon,
  progress: WxProgress,
  'rich-text': WxRichText,
  image: WxImage,
  'cover-image': WxCoverImage,
  button: WxButton,
  checkbox: WxCheckbox,
  'checkbox-group': WxCheckboxGroup,
  radio: WxRadio,
  'radio-group': WxRadioGroup,
  switch: WxSwitch,
  form: WxForm,
  label: WxLabel,
  navigator: WxNavigator,
  input: WxInput,
  textarea: WxTextarea,
  slider: WxSlider,
  'scroll-view': WxScrollView,
  swiper: WxSwiper,
  picker: WxPicker,
  'picker-view': WxPickerView,
  'picker-view-column': WxPickerViewColumn,
  'movable-area': WxMovableArea,
  'movable-view': WxMovableView,
  canvas: WxCanvas,
  'page-meta': WxPageMeta,
  'navigation-bar': WxNavigationBar,
  'root-portal': WxRootPortal,
  video: WxVideo,
  audio: WxAudio,
  'web-view': WxWebView,
  'open-data': WxOpenData,
  'match-media': WxMatchMedia,
  'page-container': WxPageContainer,
  editor: WxEditor,
};

/** Components without behaviour of their own: a labelled placeholder when they would draw natively. */
function fallbackFor(category: string): Constructor {
  const native = category === 'media' || category === 'map' || category === 'open';
  return native ? class extends WxPlaceholder {} : class extends WxPlain {};
}

export function defineAllComponents(doc: Document = document): void {
  installLightStyles(doc);
  const registry = doc.defaultView?.customElements ?? customElements;
  for (const component of COMPONENTS) {
    defineComponent(component.name, IMPLEMENTED[component.name] ?? fallbackFor(component.category), registry);
  }
}
