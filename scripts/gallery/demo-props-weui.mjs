// Demo usage of each weui-miniprogram 1.5.6 component in the gallery: the properties and children the weui
// docs demos use so that something shows (format: scripts/gallery/demo-usage.mjs). Components not listed mount
// with default props.

const cells = '<mp-cell title="Cell one" footer="Note" link /><mp-cell title="Cell two" footer="Note" />';
const buttons = [{ text: 'Cancel' }, { text: 'OK' }];

// the components use "styleIsolation": "apply-shared" and weui's docs have app.wxss import weui.wxss (their own
// wxss then overrides it: the toptips' `display: flex` over weui.wxss's `display: none`)
export const APP_WXSS = "@import '/miniprogram_npm/weui-miniprogram/weui-wxss/dist/style/weui.wxss';\n";
export const PAGE_WXSS = '.demo-block { padding: 16rpx 0; text-align: center; }\n';

export const DEMOS = {
  actionsheet: { attrs: { show: true, title: 'Choose an action', actions: [{ text: 'Move', value: 1 }, { text: 'Delete', type: 'warn', value: 2 }] } },
  badge: { attrs: { content: '8' } },
  cell: { parent: '<mp-cells>', attrs: { title: 'Cell title', footer: 'Note', link: true } },
  cells: { attrs: { title: 'Group title' }, children: cells },
  checkbox: { parent: '<mp-checkbox-group multi>', attrs: { label: 'Checkbox', value: 'a', checked: true } },
  'checkbox-group': { attrs: { multi: true }, children: '<mp-checkbox label="Option one" value="1" checked /><mp-checkbox label="Option two" value="2" />' },
  dialog: { attrs: { show: true, title: 'Dialog title', buttons }, children: '<view>Dialog content</view>' },
  form: { children: '<mp-cells title="Form"><mp-cell title="Name"><input placeholder="Your name" /></mp-cell></mp-cells>' },
  'form-page': { attrs: { title: 'Form page', subtitle: 'A subtitle under the title' }, children: `<mp-cells>${cells}</mp-cells>` },
  gallery: { attrs: { show: true, 'img-urls': ['$IMAGE', '$IMAGE'], current: 0 } },
  grids: { attrs: { grids: [{ imgUrl: '$IMAGE', text: 'Grid' }, { imgUrl: '$IMAGE', text: 'Grid' }, { imgUrl: '$IMAGE', text: 'Grid' }] } },
  'half-screen-dialog': { attrs: { show: true, title: 'Title', 'sub-title': 'Subtitle', desc: 'Description text', tips: 'Tips', buttons } },
  icon: { attrs: { icon: 'add', type: 'outline', size: 32 } },
  loading: { attrs: { show: true, type: 'circle', tips: 'Loading' } },
  msg: { attrs: { type: 'success', title: 'Done', desc: 'Everything went fine' } },
  'navigation-bar': { attrs: { title: 'Title', back: true, background: '#f7f7f7' } },
  searchbar: { attrs: { placeholder: 'Search' } },
  slideview: { attrs: { buttons: [{ text: 'Read' }, { type: 'warn', text: 'Delete' }] }, children: '<mp-cell title="Slide left" />' },
  'slideview-slideview-skyline': { attrs: { buttons: [{ text: 'Read' }, { type: 'warn', text: 'Delete' }] }, children: '<view class="demo-block">Slide left</view>' },
  tabbar: { attrs: { current: 0, list: [{ text: 'Chat', iconPath: '$IMAGE', selectedIconPath: '$IMAGE' }, { text: 'Me', iconPath: '$IMAGE', selectedIconPath: '$IMAGE' }] } },
  toptips: { attrs: { show: true, msg: 'A top tip', type: 'info', delay: 0 } },
  uploader: { attrs: { title: 'Upload pictures', files: [{ url: '$IMAGE' }], 'max-count': 5 } },
};
