/// <reference lib="dom" />
/**
 * Opens one corpus page fresh (its own browser context) in the simulator and decides whether it passes:
 * reaches onReady, no uncaught error or unhandled rejection up to one second later, and renders something a
 * person can see. The network is offline: every request to a non-loopback address or through the devserver's
 * outbound proxy is aborted (wx.request answers `request:fail`), on top of the browser-wide dead proxy set in
 * offline-browser.ts.
 */
import type { Browser, Frame, Page } from 'playwright-core';
import { isOutboundUrl } from './offline-browser';
import { probeVisibleContent, type VisibleContent } from './visible-content';

/** What failed first, in the order the checks run. */
export type FailureKind = 'compile' | 'not-ready' | 'error' | 'invisible' | 'runner';

export interface StatusErrorInfo {
  readonly kind: string;
  readonly message: string;
  readonly location?: string;
  readonly stack?: string;
}

export interface PageCheck {
  readonly page: string;
  readonly pass: boolean;
  readonly failure?: FailureKind;
  /** First problem, with its location when known. */
  readonly reason?: string;
  readonly readyMs?: number;
  readonly errors: readonly StatusErrorInfo[];
  readonly visible?: VisibleContent;
  /** Outbound (non-loopback) requests the page tried, all refused. */
  readonly blockedRequests: readonly string[];
  /** Errors of the simulator page itself (host shell or page iframes), outside the mini-program. */
  readonly pageErrors: readonly string[];
}

export interface CheckOptions {
  readonly url: string;
  readonly page: string;
  /** Compile errors in the page's own files, found by the build (already formatted). */
  readonly compileErrors: readonly string[];
  /** The gallery probes its component's stage, the apps the whole page body. */
  readonly probeSelector: string;
  /** Gallery: a painted box (background, border) counts as rendering; apps need text or an image. */
  readonly acceptPainted: boolean;
  readonly timeoutMs: number;
  readonly screenshotPath?: string;
}

interface RawStatus {
  readonly ready: boolean;
  readonly page: string;
  readonly errors: readonly StatusErrorInfo[];
}

export const VIEWPORT = { width: 393, height: 852 };
const SETTLE_MS = 1000;

export function describeError(error: StatusErrorInfo): string {
  return `${error.kind}: ${error.message.split('\n')[0]}${error.location ? ` (at ${error.location})` : ''}`;
}

async function readStatus(page: Page): Promise<RawStatus | undefined> {
  return page
    .evaluate(() => {
      const api = (window as unknown as { ministudio?: { status(): RawStatus } }).ministudio;
      if (!api) return undefined;
      const s = api.status();
      return { ready: s.ready, page: s.page, errors: s.errors.map((e) => ({ kind: e.kind, message: e.message, location: e.location, stack: e.stack })) };
    })
    .catch(() => undefined);
}

async function topPageFrame(page: Page): Promise<Frame | undefined> {
  const handle = await page.$('.ms-page-visible iframe');
  return (await handle?.contentFrame()) ?? undefined;
}

export async function checkPage(browser: Browser, options: CheckOptions): Promise<PageCheck> {
  const blockedRequests: string[] = [];
  const pageErrors: string[] = [];
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: options.screenshotPath ? 2 : 1 });
  const base = { page: options.page, blockedRequests, pageErrors };
  try {
    await context.route(
      (url) => isOutboundUrl(url.href),
      (route) => {
        blockedRequests.push(route.request().url());
        return route.abort('internetdisconnected');
      },
    );
    // sockets too: straight ones die at the dead proxy, proxied ones (`/__proxy/ws`) are closed here
    await context.routeWebSocket(
      (url) => isOutboundUrl(url.href.replace(/^ws/, 'http')),
      (socket) => {
        blockedRequests.push(socket.url());
        return socket.close();
      },
    );
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message.split('\n')[0]!));
    if (options.compileErrors.length > 0) {
      return { ...base, pass: false, failure: 'compile', reason: options.compileErrors[0], errors: [] };
    }
    const started = Date.now();
    await page.goto(options.url, { waitUntil: 'load', timeout: options.timeoutMs });
    let status: RawStatus | undefined;
    let firstErrorAt: number | undefined;
    // poll: ready, or an error with two seconds' grace (a page that throws in onLoad may still become ready)
    while (Date.now() - started < options.timeoutMs) {
      status = await readStatus(page);
      if (status?.ready) break;
      if (status && status.errors.length > 0) {
        firstErrorAt ??= Date.now();
        if (Date.now() - firstErrorAt > 2000) break;
      }
      await page.waitForTimeout(100);
    }
    const readyMs = status?.ready ? Date.now() - started : undefined;
    if (status?.ready) {
      await page.waitForTimeout(SETTLE_MS);
      status = (await readStatus(page)) ?? status;
    }
    const errors = status?.errors ?? [];
    if (options.screenshotPath) await page.screenshot({ path: options.screenshotPath }).catch(() => undefined);
    const compileError = errors.find((e) => e.kind === 'compile');
    if (compileError) return { ...base, pass: false, failure: 'compile', reason: describeError(compileError), errors, ...(readyMs !== undefined ? { readyMs } : {}) };
    if (!status?.ready) {
      const why = errors[0] ? describeError(errors[0]) : pageErrors[0] ? `simulator page error: ${pageErrors[0]}` : `onReady not reached within ${options.timeoutMs} ms (top page: ${status?.page || 'none'})`;
      return { ...base, pass: false, failure: 'not-ready', reason: why, errors };
    }
    // probed even when an error already fails the page: the triage wants to know what else would fail
    const frame = await topPageFrame(page);
    // tsx compiles with keepNames: serialized functions call esbuild's `__name`, which the page must have
    await frame?.evaluate('globalThis.__name ??= (fn) => fn');
    const visible = frame ? await frame.evaluate(probeVisibleContent, options.probeSelector) : undefined;
    if (errors.length > 0) return { ...base, pass: false, failure: 'error', reason: describeError(errors[0]!), errors, readyMs: readyMs!, ...(visible ? { visible } : {}) };
    const renders = visible !== undefined && (visible.texts > 0 || visible.images > 0 || (options.acceptPainted && visible.painted > 0));
    if (!renders) {
      const why = !visible ? 'no visible page iframe' : !visible.rootFound ? `${options.probeSelector} not found in the page` : `nothing visible: ${visible.boxes} box(es), no text or image${options.acceptPainted ? ' or painted box' : ''}`;
      return { ...base, pass: false, failure: 'invisible', reason: why, errors, readyMs: readyMs!, ...(visible ? { visible } : {}) };
    }
    return { ...base, pass: true, errors, readyMs: readyMs!, visible: visible! };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return { ...base, pass: false, failure: 'runner', reason: `runner: ${message}`, errors: [] };
  } finally {
    await context.close().catch(() => undefined);
  }
}
