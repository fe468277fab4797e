// Demo usage of each @vant/weapp 1.11.7 component in the gallery: the properties and children Vant's own docs
// demos use so that something shows (format: scripts/gallery/demo-usage.mjs). Components not listed mount with
// default props.

const MAY_1_2024 = Date.UTC(2024, 4, 1);
const MAY_31_2024 = Date.UTC(2024, 4, 31);
const cells = '<van-cell title="Cell one" value="Content" is-link /><van-cell title="Cell two" value="Content" label="Description" />';
const areaList = {
  province_list: { 110000: 'Beijing', 330000: 'Zhejiang' },
  city_list: { 110100: 'Beijing', 330100: 'Hangzhou', 330200: 'Ningbo' },
  county_list: { 110101: 'Dongcheng', 330102: 'Shangcheng', 330203: 'Haishu' },
};
const cascaderOptions = [
  { text: 'Zhejiang', value: '330000', children: [{ text: 'Hangzhou', value: '330100' }, { text: 'Ningbo', value: '330200' }] },
  { text: 'Jiangsu', value: '320000', children: [{ text: 'Nanjing', value: '320100' }] },
];
const shareOptions = [
  { name: 'WeChat', icon: 'wechat' },
  { name: 'Link', icon: 'link' },
  { name: 'Poster', icon: 'poster' },
];

export const PAGE_WXSS = '.demo-block { padding: 16rpx 0; text-align: center; }\n';

export const DEMOS = {
  'action-sheet': { attrs: { show: true, description: 'Choose an action', actions: [{ name: 'Move' }, { name: 'Copy' }, { name: 'Delete' }], 'cancel-text': 'Cancel' } },
  area: { attrs: { 'area-list': areaList, value: '330102', title: 'Area' } },
  button: { attrs: { type: 'primary' }, children: 'Button' },
  calendar: { attrs: { show: true, 'min-date': MAY_1_2024, 'max-date': MAY_31_2024, 'default-date': MAY_1_2024 + 4 * 86400000 } },
  'calendar-components-month': {
    attrs: { date: MAY_1_2024, type: 'single', 'min-date': MAY_1_2024, 'max-date': MAY_31_2024, 'current-date': MAY_1_2024 + 4 * 86400000, 'show-month-title': true, 'row-height': 64, 'first-day-of-week': 0 },
  },
  card: { attrs: { num: 2, price: '10.00', desc: 'Description', title: 'Product title', thumb: '$IMAGE' } },
  cascader: { attrs: { title: 'Select an area', options: cascaderOptions } },
  cell: { attrs: { title: 'Cell title', value: 'Content', label: 'Description', 'is-link': true } },
  'cell-group': { attrs: { title: 'Group title' }, children: cells },
  checkbox: { attrs: { value: true }, children: 'Checkbox' },
  'checkbox-group': { attrs: { value: ['a'] }, children: '<van-checkbox name="a">Option a</van-checkbox><van-checkbox name="b">Option b</van-checkbox>' },
  col: { parent: '<van-row>', attrs: { span: 12 }, children: '<view class="demo-block">span: 12</view>' },
  collapse: {
    attrs: { value: ['1'] },
    children: '<van-collapse-item title="Title one" name="1">Content one</van-collapse-item><van-collapse-item title="Title two" name="2">Content two</van-collapse-item>',
  },
  'collapse-item': { parent: '<van-collapse value="{{[\'1\']}}">', attrs: { title: 'Title one', name: '1' }, children: 'Content one' },
  'config-provider': { attrs: { 'theme-vars': { buttonPrimaryBackgroundColor: '#07c160' } }, children: '<van-button type="primary">Themed button</van-button>' },
  'count-down': { attrs: { time: 30 * 60 * 60 * 1000 } },
  'datetime-picker': { attrs: { type: 'date', value: MAY_1_2024, 'min-date': MAY_1_2024 - 365 * 86400000 } },
  dialog: { attrs: { show: true, title: 'Title', message: 'Dialog content', 'show-cancel-button': true } },
  'dropdown-item': { parent: '<van-dropdown-menu>', attrs: { value: 0, options: [{ text: 'All goods', value: 0 }, { text: 'New goods', value: 1 }] } },
  'dropdown-menu': { children: '<van-dropdown-item value="{{0}}" options="{{demoGoods}}" />', data: { demoGoods: [{ text: 'All goods', value: 0 }, { text: 'New goods', value: 1 }] } },
  empty: { attrs: { description: 'Nothing here' } },
  field: { attrs: { label: 'Name', placeholder: 'Your name' } },
  'goods-action': { children: '<van-goods-action-icon icon="chat-o" text="Chat" /><van-goods-action-button text="Add to cart" type="warning" /><van-goods-action-button text="Buy now" />' },
  'goods-action-button': { parent: '<van-goods-action>', attrs: { text: 'Buy now' } },
  'goods-action-icon': { parent: '<van-goods-action>', attrs: { icon: 'cart-o', text: 'Cart' } },
  grid: { children: '<van-grid-item icon="photo-o" text="Text" /><van-grid-item icon="photo-o" text="Text" /><van-grid-item icon="photo-o" text="Text" /><van-grid-item icon="photo-o" text="Text" />' },
  'grid-item': { parent: '<van-grid>', attrs: { icon: 'photo-o', text: 'Text' } },
  icon: { attrs: { name: 'chat-o', size: '32px' } },
  image: { attrs: { src: '$IMAGE', width: '120', height: '80' } },
  'index-anchor': { parent: '<van-index-bar index-list="{{[\'A\']}}">', attrs: { index: 'A' } },
  'index-bar': { attrs: { 'index-list': ['A', 'B'] }, children: `<van-index-anchor index="A" />${cells}<van-index-anchor index="B" />${cells}` },
  info: { attrs: { info: '8' } },
  loading: { children: 'Loading...' },
  'nav-bar': { attrs: { title: 'Title', 'left-text': 'Back', 'left-arrow': true } },
  'notice-bar': { attrs: { text: 'A notice that scrolls across the bar when it is too long to fit.' } },
  notify: {
    attrs: { id: 'van-notify' },
    ready: "const notify = this.selectComponent('#van-notify'); notify.setData({ message: 'Notify message', type: 'primary', duration: 0 }); notify.show();",
  },
  overlay: { attrs: { show: true } },
  panel: { attrs: { title: 'Title', desc: 'Description', status: 'Status' }, children: '<view class="demo-block">Panel content</view>' },
  picker: { attrs: { columns: ['Hangzhou', 'Ningbo', 'Wenzhou'], title: 'City', 'show-toolbar': true } },
  'picker-column': { attrs: { 'initial-options': ['Hangzhou', 'Ningbo', 'Wenzhou'], 'visible-item-count': 5 } },
  popup: { attrs: { show: true, position: 'bottom', round: true }, children: '<view class="demo-block">Popup content</view>' },
  progress: { attrs: { percentage: 50 } },
  radio: { parent: '<van-radio-group value="1">', attrs: { name: '1' }, children: 'Radio' },
  'radio-group': { attrs: { value: '1' }, children: '<van-radio name="1">Option one</van-radio><van-radio name="2">Option two</van-radio>' },
  rate: { attrs: { value: 3 } },
  row: { children: '<van-col span="8"><view class="demo-block">span: 8</view></van-col><van-col span="8"><view class="demo-block">span: 8</view></van-col><van-col span="8"><view class="demo-block">span: 8</view></van-col>' },
  search: { attrs: { placeholder: 'Search keywords' } },
  'share-sheet': { attrs: { show: true, title: 'Share with friends', options: shareOptions } },
  'share-sheet-options': { attrs: { options: shareOptions } },
  sidebar: { attrs: { 'active-key': 0 }, children: '<van-sidebar-item title="Label one" /><van-sidebar-item title="Label two" />' },
  'sidebar-item': { parent: '<van-sidebar active-key="{{0}}">', attrs: { title: 'Label one' } },
  skeleton: { attrs: { title: true, avatar: true, row: 3 } },
  slider: { attrs: { value: 50 } },
  stepper: { attrs: { value: 1 } },
  steps: { attrs: { active: 1, steps: [{ text: 'Step one', desc: 'Done' }, { text: 'Step two', desc: 'Now' }, { text: 'Step three', desc: 'Next' }] } },
  sticky: { children: '<van-button type="primary">Sticky button</van-button>' },
  'submit-bar': { attrs: { price: 3050, 'button-text': 'Submit order' } },
  'swipe-cell': { attrs: { 'right-width': 65 }, children: '<van-cell title="Swipe left" value="Content" /><view slot="right" class="demo-block">Delete</view>' },
  switch: { attrs: { checked: true } },
  tab: { parent: '<van-tabs active="{{0}}">', attrs: { title: 'Tab one' }, children: '<view class="demo-block">Content of tab one</view>' },
  tabbar: { attrs: { active: 0 }, children: '<van-tabbar-item icon="home-o">Home</van-tabbar-item><van-tabbar-item icon="search">Search</van-tabbar-item>' },
  'tabbar-item': { parent: '<van-tabbar active="{{0}}">', attrs: { icon: 'home-o' }, children: 'Home' },
  tabs: { attrs: { active: 0 }, children: '<van-tab title="Tab one">Content one</van-tab><van-tab title="Tab two">Content two</van-tab>' },
  tag: { attrs: { type: 'primary' }, children: 'Tag' },
  toast: { attrs: { show: true, message: 'Toast message' } },
  transition: { attrs: { show: true }, children: '<view class="demo-block">Content shown by a transition</view>' },
  'tree-select': {
    attrs: { items: [{ text: 'Zhejiang', children: [{ text: 'Hangzhou', id: 1 }, { text: 'Ningbo', id: 2 }] }, { text: 'Jiangsu', children: [{ text: 'Nanjing', id: 3 }] }], 'main-active-index': 0, 'active-id': 1 },
  },
  uploader: { attrs: { 'file-list': [{ url: '$IMAGE', name: 'demo.png' }] } },
};
