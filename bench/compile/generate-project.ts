// Writes a synthetic mini-program of N pages for the compile benchmark. Every page is a realistic mid-size
// page: ~80 lines of WXML (wx:for, wx:if, import + template, wxs, events, two custom components), ~60 lines of
// WXSS (rpx, a shared @import), a Page() script requiring a shared module, and a page json.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GeneratedProject {
  readonly dir: string;
  readonly pages: readonly string[];
  readonly components: readonly string[];
  /** Files the benchmark edits for one-file rebuilds (project-relative). */
  readonly editTargets: { readonly wxml: string; readonly wxss: string; readonly js: string };
  readonly fileCount: number;
}

export function generateProject(dir: string, pageCount: number): GeneratedProject {
  rmSync(dir, { recursive: true, force: true });
  let fileCount = 0;
  const write = (path: string, text: string): void => {
    const full = join(dir, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
    fileCount++;
  };
  const componentCount = Math.max(5, Math.round(pageCount / 25));
  const components = Array.from({ length: componentCount }, (_, i) => `components/widget-${i}/widget-${i}`);
  const pages = Array.from({ length: pageCount }, (_, i) => `pages/page-${i}/page-${i}`);

  write('project.config.json', json({ compileType: 'miniprogram', appid: 'touristappid', projectname: `bench-${pageCount}`, miniprogramRoot: '', setting: { es6: true, minified: false, postcss: false } }));
  write('app.json', json({ pages, window: { navigationBarTitleText: `Bench ${pageCount}` }, sitemapLocation: 'sitemap.json' }));
  write('sitemap.json', json({ rules: [{ action: 'allow', page: '*' }] }));
  write('app.js', `const { createStore } = require('./utils/store.js');\nApp({\n  globalData: { store: createStore() },\n  onLaunch() {\n    this.globalData.launchedAt = Date.now();\n  },\n});\n`);
  write('app.wxss', `@import "styles/shared.wxss";\npage {\n  background: #f5f5f5;\n  font-size: 28rpx;\n}\n`);
  write('styles/shared.wxss', sharedStyle());
  write('utils/store.js', storeModule());
  write('utils/format.js', formatModule());
  write('wxs/format.wxs', wxsModule());
  write('templates/item.wxml', itemTemplate());
  components.forEach((path, i) => {
    write(`${path}.json`, json({ component: true, usingComponents: {} }));
    write(`${path}.wxml`, componentTemplate(i));
    write(`${path}.wxss`, componentStyle(i));
    write(`${path}.js`, componentScript(i));
  });
  pages.forEach((path, i) => {
    const a = components[i % componentCount]!;
    const b = components[(i * 7 + 3) % componentCount]!;
    write(`${path}.json`, json({ navigationBarTitleText: `Page ${i}`, usingComponents: { 'widget-a': `/${a}`, 'widget-b': `/${b}` } }));
    write(`${path}.wxml`, pageTemplate(i, (i + 1) % pageCount));
    write(`${path}.wxss`, pageStyle(i));
    write(`${path}.js`, pageScript(i));
  });
  const middle = pages[Math.floor(pageCount / 2)]!;
  return { dir, pages, components, editTargets: { wxml: `${middle}.wxml`, wxss: `${middle}.wxss`, js: `${middle}.js` }, fileCount };
}

const json = (value: unknown): string => JSON.stringify(value, null, 2) + '\n';

function pageTemplate(i: number, next: number): string {
  return `<import src="../../templates/item.wxml" />
<wxs src="../../wxs/format.wxs" module="fmt" />
<wxs module="local">
  var badge = function (count) {
    return count > 99 ? '99+' : '' + count;
  };
  module.exports = { badge: badge };
</wxs>
<view class="page page-${i}">
  <view class="header">
    <text class="title">{{title}} #${i}</text>
    <text class="subtitle" wx:if="{{subtitle}}">{{subtitle}}</text>
    <text class="subtitle muted" wx:else>No subtitle</text>
    <view class="badge" wx:if="{{unread > 0}}">{{local.badge(unread)}}</view>
  </view>
  <view class="toolbar">
    <button class="tool" size="mini" bindtap="onRefresh" data-page="${i}">Refresh</button>
    <button class="tool" size="mini" bindtap="onToggle">{{expanded ? 'Collapse' : 'Expand'}}</button>
    <input class="search" placeholder="Search" value="{{query}}" bindinput="onQuery" />
  </view>
  <widget-a title="{{title}}" count="{{items.length}}" bind:select="onSelect"></widget-a>
  <scroll-view class="list" scroll-y="{{true}}" bindscrolltolower="onMore">
    <block wx:for="{{items}}" wx:key="id" wx:for-item="entry" wx:for-index="idx">
      <view class="row {{entry.done ? 'row-done' : ''}} {{idx % 2 ? 'row-odd' : 'row-even'}}" data-id="{{entry.id}}" bindtap="onTapRow">
        <template is="item" data="{{...entry, index: idx}}" />
        <view class="meta">
          <text class="price">{{fmt.price(entry.price)}}</text>
          <text class="date">{{fmt.date(entry.time)}}</text>
          <text class="tag" wx:for="{{entry.tags}}" wx:key="*this" wx:for-item="tag">{{tag}}</text>
        </view>
        <view class="actions" wx:if="{{expanded}}">
          <view class="action" catchtap="onEdit" data-id="{{entry.id}}">Edit</view>
          <view class="action danger" catchtap="onRemove" data-id="{{entry.id}}">Remove</view>
        </view>
      </view>
    </block>
    <view class="empty" wx:if="{{items.length === 0}}">
      <text>Nothing here yet</text>
    </view>
    <view class="loading" wx:elif="{{loading}}">Loading…</view>
  </scroll-view>
  <view class="grid">
    <view class="cell" wx:for="{{grid}}" wx:key="key" style="width: {{100 / columns}}%">
      <image class="icon" src="{{item.icon}}" mode="aspectFit" lazy-load />
      <text class="label">{{item.label}}</text>
    </view>
  </view>
  <view class="summary">
    <view class="summary-line">
      <text>Total</text>
      <text class="value">{{fmt.price(total)}}</text>
    </view>
    <view class="summary-line">
      <text>Selected</text>
      <text class="value">{{selected.length}} / {{items.length}}</text>
    </view>
    <view class="summary-line" hidden="{{!discount}}">
      <text>Discount</text>
      <text class="value">-{{fmt.price(discount)}}</text>
    </view>
  </view>
  <swiper class="banner" indicator-dots autoplay="{{autoplay}}" interval="{{4000}}">
    <swiper-item wx:for="{{banners}}" wx:key="id">
      <image class="banner-image" src="{{item.src}}" mode="aspectFill" />
    </swiper-item>
  </swiper>
  <widget-b title="More from page ${i}" count="{{grid.length}}" bind:select="onSelect">
    <view slot="footer" class="widget-footer">Footer of page ${i}</view>
  </widget-b>
  <picker mode="selector" range="{{sortOptions}}" value="{{sortIndex}}" bindchange="onSort">
    <view class="picker">Sort: {{sortOptions[sortIndex]}}</view>
  </picker>
  <view class="footer">
    <navigator url="/pages/page-${next}/page-${next}" open-type="navigate">Next</navigator>
    <text class="hint">Page ${i} · {{items.length}} items</text>
  </view>
</view>
`;
}

function pageStyle(i: number): string {
  const hue = (i * 37) % 360;
  return `@import "../../styles/shared.wxss";
.page-${i} {
  padding: 24rpx;
  min-height: 100vh;
  box-sizing: border-box;
}
.header {
  display: flex;
  align-items: center;
  justify-content: space-between;
  padding: 16rpx 0;
}
.title {
  font-size: 36rpx;
  font-weight: 600;
  color: hsl(${hue}, 60%, 30%);
}
.subtitle {
  font-size: 24rpx;
  color: #666;
}
.toolbar {
  display: flex;
  gap: 12rpx;
  margin-bottom: 16rpx;
}
.search {
  flex: 1;
  height: 56rpx;
  padding: 0 16rpx;
  border: 1px solid #ddd;
  border-radius: 8rpx;
}
.list {
  height: 640rpx;
}
.row {
  padding: 20rpx;
  border-bottom: 1rpx solid #eee;
}
.row-odd {
  background: #fafafa;
}
.row-done .price {
  text-decoration: line-through;
}
.meta .tag {
  margin-left: 8rpx;
  padding: 2rpx 10rpx;
  border-radius: 6rpx;
  background: hsl(${hue}, 80%, 94%);
}
.grid .cell {
  display: inline-flex;
  flex-direction: column;
  align-items: center;
  padding: 12rpx 0;
}
.summary-line {
  display: flex;
  justify-content: space-between;
  padding: 8rpx 0;
}
.banner-image {
  width: 100%;
  height: 240rpx;
}
`;
}

function pageScript(i: number): string {
  return `const { formatPrice, makeItems } = require('../../utils/format.js');
const app = getApp();

Page({
  data: {
    title: 'Page ${i}',
    subtitle: ${i % 3 === 0 ? "''" : `'Subtitle ${i}'`},
    unread: ${i % 120},
    query: '',
    expanded: false,
    loading: false,
    items: makeItems(${i}, 12),
    grid: [
      { key: 'a', icon: '/assets/a.png', label: 'Alpha' },
      { key: 'b', icon: '/assets/b.png', label: 'Beta' },
      { key: 'c', icon: '/assets/c.png', label: 'Gamma' },
      { key: 'd', icon: '/assets/d.png', label: 'Delta' },
    ],
    columns: 4,
    total: 0,
    selected: [],
    discount: ${i % 5},
    banners: [{ id: 1, src: '/assets/banner-1.png' }, { id: 2, src: '/assets/banner-2.png' }],
    autoplay: true,
    sortOptions: ['Newest', 'Cheapest', 'Popular'],
    sortIndex: 0,
  },
  onLoad(query) {
    this.setData({ total: this.data.items.reduce((sum, item) => sum + item.price, 0), query: query.q || '' });
    app.globalData.store.visit('page-${i}');
  },
  onRefresh() {
    this.setData({ loading: true });
    setTimeout(() => this.setData({ loading: false, items: makeItems(${i} + Date.now() % 7, 12) }), 300);
  },
  onToggle() {
    this.setData({ expanded: !this.data.expanded });
  },
  onQuery(event) {
    this.setData({ query: event.detail.value });
  },
  onTapRow(event) {
    const id = event.currentTarget.dataset.id;
    const selected = this.data.selected.includes(id) ? this.data.selected.filter((x) => x !== id) : [...this.data.selected, id];
    this.setData({ selected });
  },
  onEdit(event) {
    wx.showToast({ title: 'Edit ' + event.currentTarget.dataset.id });
  },
  onRemove(event) {
    const id = event.currentTarget.dataset.id;
    this.setData({ items: this.data.items.filter((item) => item.id !== id) });
  },
  onSelect(event) {
    console.log('selected', event.detail, formatPrice(${i}));
  },
  onSort(event) {
    this.setData({ sortIndex: Number(event.detail.value) });
  },
  onMore() {
    this.setData({ items: this.data.items.concat(makeItems(${i} + this.data.items.length, 6)) });
  },
});
`;
}

function componentTemplate(i: number): string {
  return `<view class="widget widget-${i}">
  <view class="widget-head" bindtap="onTap">
    <text class="widget-title">{{title}}</text>
    <text class="widget-count" wx:if="{{count}}">{{count}}</text>
  </view>
  <view class="widget-body" wx:if="{{open}}">
    <view class="widget-item" wx:for="{{entries}}" wx:key="id" data-id="{{item.id}}" bindtap="onPick">{{item.label}}</view>
  </view>
  <slot name="footer"></slot>
</view>
`;
}

function componentStyle(i: number): string {
  return `.widget {
  margin: 16rpx 0;
  border-radius: 12rpx;
  background: #fff;
}
.widget-head {
  display: flex;
  justify-content: space-between;
  padding: 20rpx;
}
.widget-title {
  font-weight: 600;
  color: hsl(${(i * 53) % 360}, 50%, 35%);
}
.widget-item {
  padding: 16rpx 20rpx;
  border-top: 1rpx solid #f0f0f0;
}
`;
}

function componentScript(i: number): string {
  return `Component({
  options: { multipleSlots: true },
  properties: {
    title: { type: String, value: 'Widget ${i}' },
    count: { type: Number, value: 0 },
  },
  data: { open: false, entries: [{ id: 1, label: 'One' }, { id: 2, label: 'Two' }, { id: 3, label: 'Three' }] },
  methods: {
    onTap() {
      this.setData({ open: !this.data.open });
    },
    onPick(event) {
      this.triggerEvent('select', { widget: ${i}, id: event.currentTarget.dataset.id });
    },
  },
});
`;
}

function itemTemplate(): string {
  return `<template name="item">
  <view class="item">
    <text class="item-index">{{index + 1}}.</text>
    <text class="item-name">{{name}}</text>
    <text class="item-note" wx:if="{{note}}">{{note}}</text>
  </view>
</template>
`;
}

function sharedStyle(): string {
  const lines = ['.item {\n  display: flex;\n  align-items: baseline;\n  gap: 8rpx;\n}', '.item-name {\n  font-size: 30rpx;\n}', '.item-note {\n  color: #999;\n  font-size: 22rpx;\n}'];
  for (let s = 1; s <= 8; s++) lines.push(`.m-${s} {\n  margin: ${s * 8}rpx;\n}`, `.p-${s} {\n  padding: ${s * 8}rpx;\n}`);
  lines.push('.danger {\n  color: #e64340;\n}', '.hint {\n  color: #888;\n  font-size: 22rpx;\n}');
  return lines.join('\n') + '\n';
}

function storeModule(): string {
  return `function createStore() {
  const visits = {};
  return {
    visit(name) {
      visits[name] = (visits[name] || 0) + 1;
    },
    visits() {
      return Object.assign({}, visits);
    },
  };
}
module.exports = { createStore };
`;
}

function formatModule(): string {
  return `function formatPrice(cents) {
  return '¥' + (cents / 100).toFixed(2);
}
function makeItems(seed, count) {
  const items = [];
  for (let k = 0; k < count; k++) {
    items.push({ id: seed * 100 + k, name: 'Item ' + k, note: k % 3 ? '' : 'note', price: ((seed + k) * 37) % 1000, time: 1700000000000 + k * 3600000, tags: k % 2 ? ['new'] : ['hot', 'sale'], done: k % 4 === 0 });
  }
  return items;
}
module.exports = { formatPrice, makeItems };
`;
}

function wxsModule(): string {
  return `var price = function (cents) {
  return '¥' + (cents / 100).toFixed(2);
};
var pad = function (n) {
  return n < 10 ? '0' + n : '' + n;
};
var date = function (time) {
  var d = getDate(time);
  return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
};
module.exports = { price: price, date: date };
`;
}
