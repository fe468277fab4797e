// Test page for the built-in components: bundles app/simulator/view/components/define-all.ts with esbuild,
// loads it into a blank page of real Chromium and records every WeChat-shaped CustomEvent the components fire.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Event types the page records (capture phase at the document sees non-bubbling events too). */
const RECORDED = [
  'change', 'changing', 'input', 'focus', 'blur', 'confirm', 'linechange', 'submit', 'reset', 'scroll', 'scrolltoupper',
  'scrolltolower', 'transition', 'animationfinish', 'columnchange', 'cancel', 'pickstart', 'pickend', 'load', 'error',
  'navigate', 'opentype', 'activeend', 'getuserinfo', 'getphonenumber', 'chooseavatar', 'refresherpulling',
  'refresherrefresh', 'refresherrestore', 'refresherabort', 'scale', 'pagemeta', 'navigationbar', 'keyboardheightchange',
  'play', 'pause', 'ended', 'timeupdate', 'message', 'success', 'fail', 'complete', 'dragstart', 'dragging', 'dragend', 'updated', 'htouchmove', 'vtouchmove', 'beforeenter', 'enter',
  'afterenter', 'beforeleave', 'leave', 'afterleave', 'clickoverlay', 'ready', 'statuschange',
];

export interface RecordedEvent {
  readonly type: string;
  readonly target: string;
  readonly detail: Record<string, unknown>;
  readonly bubbles: boolean;
}

let bundlePromise: Promise<string> | undefined;

export function componentsBundle(): Promise<string> {
  bundlePromise ??= build({
    entryPoints: [`${root}app/simulator/view/components/define-all.ts`],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'WxComponents',
    target: 'chrome120',
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0]!.text);
  return bundlePromise;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface ComponentPage {
  readonly page: Page;
  /** Recorded events, optionally only of one type and/or from one element id. */
  events(type?: string, target?: string): Promise<RecordedEvent[]>;
  clearEvents(): Promise<void>;
}

export async function openComponentPage(
  browser: Browser,
  body: string,
  css = '',
  viewport = { width: 375, height: 667 },
  options: { hasTouch?: boolean } = {},
): Promise<ComponentPage> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 2, hasTouch: options.hasTouch ?? false });
  await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>
    body { margin: 0; font-family: -apple-system, "PingFang SC", "Noto Sans CJK SC", "Helvetica Neue", sans-serif; font-size: 16px; }
    ${css}</style></head><body></body></html>`);
  await page.addScriptTag({ content: await componentsBundle() });
  await page.evaluate(`(() => {
    window.__events = [];
    for (const type of ${JSON.stringify(RECORDED)}) {
      document.addEventListener(type, (event) => {
        if (!(event instanceof CustomEvent)) return;
        const target = event.composedPath()[0];
        window.__events.push({ type, target: (target && target.id) || (target && target.localName) || '', detail: JSON.parse(JSON.stringify(event.detail ?? {})), bubbles: event.bubbles });
      }, true);
    }
    WxComponents.defineAllComponents();
    document.body.innerHTML = ${JSON.stringify(body)};
  })()`);
  return {
    page,
    async events(type?: string, target?: string) {
      const all = (await page.evaluate('window.__events')) as RecordedEvent[];
      return all.filter((event) => (!type || event.type === type) && (!target || event.target === target));
    },
    async clearEvents() {
      await page.evaluate('window.__events.length = 0');
    },
  };
}

/** Sets DOM properties the way the runtime does (`el[camelName] = value`), values given as JSON. */
export async function setProps(page: Page, selector: string, props: Record<string, unknown>): Promise<void> {
  await page.evaluate(`(() => {
    const el = document.querySelector(${JSON.stringify(selector)});
    Object.assign(el, ${JSON.stringify(props)});
  })()`);
}

/** Reads a property of the first element matching `selector`. */
export async function getProp(page: Page, selector: string, property: string): Promise<unknown> {
  return page.evaluate(`document.querySelector(${JSON.stringify(selector)})[${JSON.stringify(property)}]`);
}
