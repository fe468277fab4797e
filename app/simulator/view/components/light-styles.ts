// The default ("user agent") stylesheet of the built-in components, in the page's light DOM so page WXSS
// overrides it exactly as in WeChat (plain tag selectors; the compiler rewrites `button` to `wx-button`).
// Base look is WeChat's classic one; `<html data-wx-style="v2">` (app.json "style": "v2") switches to WeUI 2.
import { COMPONENTS } from '../../support/components';

/**
 * `hidden` hides without !important, so a page class setting `display` wins — the same surprise as in WeChat.
 */
function hiddenRule(): string {
  return `:where(${COMPONENTS.map((component) => `wx-${component.name}`).join(', ')})[hidden] { display: none; }\n`;
}

export const LIGHT_STYLES = `
wx-view, wx-cover-view, wx-form, wx-picker, wx-picker-view, wx-scroll-view, wx-navigator, wx-movable-area,
wx-root-portal, wx-swiper, wx-canvas, wx-map, wx-camera, wx-live-pusher, wx-web-view { display: block; }
wx-text { display: inline; white-space: pre-line; -webkit-user-select: none; user-select: none; }
wx-text[selectable], wx-text[user-select] { -webkit-user-select: text; user-select: text; cursor: text; }
wx-rich-text { display: inline; -webkit-user-select: none; user-select: none; }
wx-rich-text[user-select] { -webkit-user-select: text; user-select: text; }
wx-label { display: inline; cursor: pointer; }
/* as WeChat's own: a scroll-view in a flex row (vant's tab nav) spans the row instead of shrinking to its content */
wx-scroll-view { width: 100%; }
wx-image, wx-cover-image { display: inline-block; width: 320px; height: 240px; overflow: hidden; }
wx-cover-view { overflow: hidden; }
wx-page-meta, wx-navigation-bar { display: none; }
wx-progress { display: flex; align-items: center; }
wx-checkbox-group, wx-radio-group { display: block; }
wx-picker-view { position: relative; overflow: hidden; }
wx-picker-view-column { display: block; flex: 1; position: relative; height: 100%; overflow: hidden; }
wx-swiper { position: relative; height: 150px; overflow: hidden; }
wx-swiper-item { display: block; position: absolute; left: 0; top: 0; width: 100%; height: 100%; overflow: hidden; will-change: transform; box-sizing: border-box; }
wx-movable-area { position: relative; width: 10px; height: 10px; }
wx-movable-view { display: inline-block; position: absolute; top: 0; left: 0; width: 10px; height: 10px; touch-action: none; }
wx-canvas { width: 300px; height: 150px; position: relative; }
wx-video { display: inline-block; width: 300px; height: 225px; position: relative; overflow: hidden; }
wx-live-player { display: inline-block; width: 300px; height: 225px; position: relative; }
wx-live-pusher { width: 100%; height: 400px; position: relative; }
wx-camera { width: 100%; height: 300px; position: relative; }
wx-map { width: 300px; height: 150px; position: relative; }
wx-audio { display: inline-block; }
wx-web-view { position: fixed; inset: 0; z-index: 1; }
wx-open-data, wx-official-account, wx-ad, wx-ad-custom, wx-editor, wx-channel-video, wx-channel-live, wx-voip-room { display: block; }

wx-navigator { height: auto; width: auto; cursor: pointer; }
.navigator-hover { background-color: rgba(0, 0, 0, .1); opacity: .7; }

wx-input { display: block; height: 1.4rem; min-height: 1.4rem; overflow: hidden; text-overflow: clip; white-space: nowrap; cursor: text; }
wx-textarea { display: block; position: relative; width: 300px; height: 150px; cursor: text; }
wx-slider { display: block; margin: 10px 18px; padding: 0; }

wx-button {
  position: relative; display: block; margin-left: auto; margin-right: auto; padding-left: 14px; padding-right: 14px;
  box-sizing: border-box; font-size: 18px; text-align: center; text-decoration: none; line-height: 2.55555556;
  border-radius: 5px; -webkit-tap-highlight-color: transparent; overflow: hidden; color: #000000;
  background-color: #f8f8f8; cursor: pointer; -webkit-user-select: none; user-select: none;
}
wx-button::after {
  content: " "; width: 200%; height: 200%; position: absolute; top: 0; left: 0; box-sizing: border-box;
  border: 1px solid rgba(0, 0, 0, .2); transform: scale(.5); transform-origin: 0 0; border-radius: 10px; pointer-events: none;
}
wx-button[type=primary] { color: #ffffff; background-color: #1aad19; }
wx-button[type=warn] { color: #ffffff; background-color: #e64340; }
wx-button[size=mini] { display: inline-block; line-height: 2.3; font-size: 13px; padding: 0 1.34em; }
wx-button[plain] { color: #353535; border: 1px solid #353535; background-color: transparent; }
wx-button[plain]::after { border-width: 0; }
wx-button[type=primary][plain] { color: #1aad19; border-color: #1aad19; }
wx-button[type=warn][plain] { color: #e64340; border-color: #e64340; }
wx-button[disabled] { color: rgba(0, 0, 0, .3); background-color: #f7f7f7; cursor: not-allowed; }
wx-button[type=primary][disabled] { color: rgba(255, 255, 255, .6); background-color: #9ed99d; }
wx-button[type=warn][disabled] { color: rgba(255, 255, 255, .6); background-color: #ec8b89; }
wx-button[plain][disabled] { color: rgba(0, 0, 0, .2); border-color: rgba(0, 0, 0, .2); background-color: transparent; }
wx-button[loading]:not([disabled]) { color: rgba(0, 0, 0, .6); background-color: #dedede; }
wx-button[type=primary][loading]:not([disabled]) { color: rgba(255, 255, 255, .6); background-color: #179b16; }
wx-button[type=warn][loading]:not([disabled]) { color: rgba(255, 255, 255, .6); background-color: #ce3c39; }
wx-button.button-hover { color: rgba(0, 0, 0, .6); background-color: #dedede; }
wx-button[type=primary].button-hover { color: rgba(255, 255, 255, .6); background-color: #179b16; }
wx-button[type=warn].button-hover { color: rgba(255, 255, 255, .6); background-color: #ce3c39; }
wx-button[plain].button-hover { color: rgba(53, 53, 53, .6); border-color: rgba(53, 53, 53, .6); background-color: transparent; }
wx-button[type=primary][plain].button-hover { color: rgba(26, 173, 25, .6); border-color: rgba(26, 173, 25, .6); background-color: transparent; }
wx-button[type=warn][plain].button-hover { color: rgba(230, 67, 64, .6); border-color: rgba(230, 67, 64, .6); background-color: transparent; }

html[data-wx-style=v2] wx-button {
  width: 184px; padding: 12px 24px; font-size: 17px; font-weight: 700; line-height: 1.41176471; border-radius: 8px;
  color: #06ae56; background-color: #f2f2f2;
}
html[data-wx-style=v2] wx-button::after { border-width: 0; }
html[data-wx-style=v2] wx-button[type=primary] { color: #ffffff; background-color: #07c160; }
html[data-wx-style=v2] wx-button[type=warn] { color: #fa5151; background-color: #f2f2f2; }
html[data-wx-style=v2] wx-button[size=mini] { width: auto; padding: 0 .75em; font-size: 16px; line-height: 2; border-radius: 4px; }
html[data-wx-style=v2] wx-button[disabled] { color: rgba(0, 0, 0, .18); background-color: #f2f2f2; }
html[data-wx-style=v2] wx-button[loading]:not([disabled]) { color: rgba(6, 174, 86, .6); background-color: #e6e6e6; }
html[data-wx-style=v2] wx-button[type=primary][loading]:not([disabled]) { color: rgba(255, 255, 255, .6); background-color: #06ad56; }
html[data-wx-style=v2] wx-button[plain] { color: #000000; border: 1px solid rgba(0, 0, 0, .9); background-color: transparent; }
html[data-wx-style=v2] wx-button[type=primary][plain] { color: #07c160; border-color: #07c160; background-color: transparent; }
html[data-wx-style=v2] wx-button[type=warn][plain] { color: #fa5151; border-color: #fa5151; background-color: transparent; }
html[data-wx-style=v2] wx-button.button-hover { background-color: #e6e6e6; }
html[data-wx-style=v2] wx-button[type=primary].button-hover { background-color: #06ad56; }
`;

/** Puts the default stylesheet first in <head> so every page stylesheet comes after it and wins ties. */
export function installLightStyles(doc: Document = document): void {
  if (doc.getElementById('wx-component-styles')) return;
  const style = doc.createElement('style');
  style.id = 'wx-component-styles';
  style.textContent = hiddenRule() + LIGHT_STYLES;
  const head = doc.head ?? doc.documentElement;
  head.insertBefore(style, head.firstChild);
}
