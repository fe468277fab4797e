/**
 * `rpx` → `px` at load time, with WeChat's rounding: the screen is 750rpx wide, results are floored (with a
 * 1e-4 nudge so 750rpx is exactly the width), and a non-zero length never vanishes: it becomes 1px, or 0.5px on
 * an iOS retina screen (hairlines). Pure and dependency-free: the simulator view runs it in the browser.
 */

export type RpxPlatform = 'ios' | 'android' | 'devtools';

/** The design width every mini-program layout is written against. */
export const RPX_DESIGN_WIDTH = 750;

const ROUNDING_NUDGE = 1e-4;

export function rpxToPx(value: number, windowWidth: number, platform: RpxPlatform, dpr: number): number {
  if (value === 0 || !Number.isFinite(value)) return 0;
  const px = Math.floor((value / RPX_DESIGN_WIDTH) * windowWidth + ROUNDING_NUDGE);
  if (px !== 0) return px;
  // Only iOS with a retina screen renders half pixels; everywhere else (Android, the DevTools) the floor is 1px.
  return platform === 'ios' && dpr > 1 ? 0.5 : 1;
}

/**
 * One alternation, one pass: strings, comments and `url(…)` are matched first and copied as they are, so an
 * `rpx` inside them is never touched; a number glued to an identifier (`a10rpx`, `10rpxs`) is not a length.
 */
const RPX_SCAN =
  /("(?:[^"\\\n]|\\[\s\S])*"|'(?:[^'\\\n]|\\[\s\S])*'|\/\*[\s\S]*?\*\/|\burl\(\s*(?:"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|\\[\s\S])*'|[^)]*)\s*\))|(?<![\w.\\-])(-?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?rpx(?![\w-])/g;

/** Rewrites every `<number>rpx` length in compiled CSS to px for this device. */
export function convertRpxInCss(css: string, windowWidth: number, platform: RpxPlatform, dpr: number): string {
  if (!css.includes('rpx')) return css;
  return css.replace(
    RPX_SCAN,
    (match: string, skipped: string | undefined, sign: string, digits: string, exponent: string | undefined) => {
      if (skipped !== undefined) return match;
      const magnitude = exponent === undefined ? Number(digits) : Number(`${digits}e${exponent}`);
      const value = sign === '-' ? -magnitude : magnitude;
      return `${formatPx(rpxToPx(value, windowWidth, platform, dpr))}px`;
    },
  );
}

function formatPx(px: number): string {
  return Object.is(px, -0) ? '0' : String(px);
}
