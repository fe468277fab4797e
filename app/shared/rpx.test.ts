import { test } from 'node:test';
import assert from 'node:assert/strict';
import { convertRpxInCss, rpxToPx, type RpxPlatform } from './rpx';

// [rpx, windowWidth, platform, dpr, expected px]: WeChat's table, including its float-error and hairline cases.
const roundingTable: readonly [number, number, RpxPlatform, number, number][] = [
  [750, 375, 'ios', 2, 375],
  [750, 414, 'android', 3, 414],
  [750, 320, 'devtools', 2, 320],
  [100, 414, 'ios', 3, 55], // 55.2 floors
  [75, 393, 'android', 2.75, 39], // 39.3 floors
  [3, 375, 'ios', 2, 1], // 1.5 floors to 1
  [54, 375, 'ios', 2, 27], // 26.999999999999996 without the 1e-4 nudge
  [525, 360, 'android', 3, 252], // 251.99999999999997 without the nudge
  [1625, 390, 'ios', 3, 845],
  [1, 375, 'ios', 2, 0.5], // hairline on an iOS retina screen
  [1, 375, 'ios', 1, 1], // no half pixels on a 1x screen
  [1, 375, 'android', 3, 1],
  [1, 375, 'devtools', 2, 1],
  [0.5, 320, 'ios', 2, 0.5],
  [0, 375, 'ios', 2, 0],
  [-1, 375, 'android', 2, -1], // floor(-0.4999) = -1, never 0
  [-20, 375, 'ios', 2, -10],
  [-3, 375, 'ios', 2, -2], // floor(-1.4999)
];

test('rpxToPx follows WeChat rounding', () => {
  for (const [rpx, width, platform, dpr, expected] of roundingTable) {
    assert.equal(rpxToPx(rpx, width, platform, dpr), expected, `${rpx}rpx @${width} ${platform} dpr${dpr}`);
  }
});

test('rpxToPx is 0 for non-finite input instead of NaN', () => {
  assert.equal(rpxToPx(Number.NaN, 375, 'ios', 2), 0);
});

test('convertRpxInCss converts lengths in declarations, calc and custom properties', () => {
  const css = '.a{width:750rpx;margin:-20rpx 10rpx 0 .5rpx;height:calc(100vh - 100rpx);--gap:20rpx}';
  assert.equal(
    convertRpxInCss(css, 375, 'android', 2),
    '.a{width:375px;margin:-10px 5px 0 1px;height:calc(100vh - 50px);--gap:10px}',
  );
});

test('convertRpxInCss leaves rpx in strings, urls, comments and identifiers alone', () => {
  const css = [
    '.a::after{content:"10rpx"}',
    ".b{background:url(img/10rpx.png);font-family:'x 2rpx'}",
    '.c{background:url( "a10rpx.png" )}',
    '/* 30rpx */',
    '.w10rpx{width:20rpx}',
    '.d{animation:a10rpx 1s;grid-area:x-10rpx}',
    '.e{width:10rpxs}',
  ].join('\n');
  const expected = [
    '.a::after{content:"10rpx"}',
    ".b{background:url(img/10rpx.png);font-family:'x 2rpx'}",
    '.c{background:url( "a10rpx.png" )}',
    '/* 30rpx */',
    '.w10rpx{width:10px}',
    '.d{animation:a10rpx 1s;grid-area:x-10rpx}',
    '.e{width:10rpxs}',
  ].join('\n');
  assert.equal(convertRpxInCss(css, 375, 'ios', 2), expected);
});

test('convertRpxInCss handles exponents and escaped quotes in strings', () => {
  assert.equal(convertRpxInCss('.a{width:1e2rpx}', 750, 'ios', 2), '.a{width:100px}');
  assert.equal(convertRpxInCss('.a{content:"a\\"10rpx"}', 750, 'ios', 2), '.a{content:"a\\"10rpx"}');
});

test('convertRpxInCss returns the input unchanged when there is no rpx', () => {
  const css = '.a{width:10px}';
  assert.equal(convertRpxInCss(css, 375, 'ios', 2), css);
});
