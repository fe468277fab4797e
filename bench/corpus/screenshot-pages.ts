/** Corpus pages the runner photographs (into `.corpus/screenshots/`) to compare with how each library should look. */
export const SCREENSHOT_PAGES: Readonly<Record<string, readonly string[]>> = {
  'wux-weapp': ['pages/index/index', 'pages/button/index', 'pages/cell/index', 'pages/list/index', 'pages/dialog/index', 'pages/grid/index', 'pages/form/index', 'pages/circle/index', 'pages/e-sign/index', 'pages/qrcode/index', 'pages/sticky/index'],
  'weui-wxss': ['example/index', 'example/button/button', 'example/form/form', 'example/list/list', 'example/icons/icons', 'example/msg/msg_success'],
  wux: ['pages/index/index', 'pages/button/index', 'pages/qrcode/index', 'pages/barcode/index', 'pages/vcode/index'],
  'gallery/vant-weapp': ['button', 'cell-group', 'tag', 'steps', 'divider', 'grid', 'dialog', 'tabs', 'circle'].map((c) => `pages/vant-weapp/${c}/index`),
  'gallery/tdesign-miniprogram': ['button', 'cell-group', 'tag', 'steps', 'divider', 'dialog', 'tabs', 'result', 'swipe-cell'].map((c) => `pages/tdesign-miniprogram/${c}/index`),
  'gallery/weui-miniprogram': ['cells', 'msg', 'dialog', 'searchbar', 'slideview'].map((c) => `pages/weui-miniprogram/${c}/index`),
  'gallery/antd-mini': ['button', 'list', 'steps', 'result', 'collapse', 'tabs'].map((c) => `pages/antd-mini/${c}/index`),
};

export function screenshotName(project: string, page: string): string {
  return `${project.replace(/\//g, '_')}--${page.replace(/\//g, '_')}.png`;
}
