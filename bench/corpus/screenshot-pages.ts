/** Corpus pages the runner photographs (into `.corpus/screenshots/`) to compare with how each library should look. */
export const SCREENSHOT_PAGES: Readonly<Record<string, readonly string[]>> = {
  'wux-weapp': ['pages/index/index', 'pages/button/index', 'pages/cell/index', 'pages/list/index', 'pages/dialog/index', 'pages/grid/index', 'pages/form/index'],
  'weui-wxss': ['example/index', 'example/button/button', 'example/form/form', 'example/list/list', 'example/icons/icons', 'example/msg/msg_success'],
  wux: ['pages/index/index', 'pages/button/index'],
  'gallery/vant-weapp': ['pages/vant-weapp/button/index', 'pages/vant-weapp/cell/index', 'pages/vant-weapp/tag/index'],
  'gallery/tdesign-miniprogram': ['pages/tdesign-miniprogram/button/index', 'pages/tdesign-miniprogram/cell/index', 'pages/tdesign-miniprogram/tag/index'],
  'gallery/weui-miniprogram': ['pages/weui-miniprogram/cells/index', 'pages/weui-miniprogram/msg/index'],
  'gallery/antd-mini': ['pages/antd-mini/button/index', 'pages/antd-mini/list/index'],
};

export function screenshotName(project: string, page: string): string {
  return `${project.replace(/\//g, '_')}--${page.replace(/\//g, '_')}.png`;
}
