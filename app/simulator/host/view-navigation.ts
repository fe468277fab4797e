/**
 * `<navigator>` in a page posts its tap up to the host as `{kind: 'navigate', url, openType, delta}`; this turns
 * it into the same router call as wx.navigateTo & co. Only page iframes of this simulator are listened to.
 */
import type { RouteKind } from '../protocol';

export interface NavigatorRequest {
  readonly url: string;
  readonly openType: string;
  readonly delta: number;
}

export interface Navigates {
  navigate(kind: RouteKind, url: string, delta?: number): Promise<{ ok: boolean; errMsg: string }>;
}

const ROUTE_OF_OPEN_TYPE: Readonly<Record<string, RouteKind>> = {
  navigate: 'navigateTo',
  redirect: 'redirectTo',
  switchTab: 'switchTab',
  reLaunch: 'reLaunch',
  navigateBack: 'navigateBack',
};

/** WeChat's open-type → the router call, or why there is none. */
export function routeOfNavigator(request: NavigatorRequest): { kind: RouteKind; url: string; delta: number } | { notice: string } {
  const openType = request.openType || 'navigate';
  if (openType === 'exit') return { notice: '<navigator open-type="exit"> only exits a mini-program opened by another one; ignored in the simulator' };
  const kind = ROUTE_OF_OPEN_TYPE[openType];
  if (!kind) return { notice: `<navigator open-type="${openType}"> is not a known open-type; ignored` };
  const delta = Number.isFinite(request.delta) && request.delta > 0 ? Math.floor(request.delta) : 1;
  if (kind !== 'navigateBack' && !request.url) return { notice: `<navigator open-type="${openType}"> has no url; ignored` };
  return { kind, url: request.url, delta };
}

function isNavigatorRequest(data: unknown): data is NavigatorRequest & { kind: 'navigate' } {
  const d = data as { kind?: unknown; url?: unknown; openType?: unknown } | null;
  return d?.kind === 'navigate' && typeof d.url === 'string' && typeof d.openType === 'string';
}

function isPageFrame(doc: Document, source: MessageEventSource | null): boolean {
  if (!source) return false;
  for (const frame of doc.querySelectorAll('iframe.ms-page-frame')) if ((frame as HTMLIFrameElement).contentWindow === source) return true;
  return false;
}

export function listenForNavigators(win: Window, host: Navigates): void {
  win.addEventListener('message', (event: MessageEvent) => {
    if (!isNavigatorRequest(event.data) || !isPageFrame(win.document, event.source)) return;
    const route = routeOfNavigator(event.data);
    if ('notice' in route) {
      console.info(`[simulator] ${route.notice}`);
      return;
    }
    void host.navigate(route.kind, route.url, route.delta).then((result) => {
      if (!result.ok) console.warn(`[simulator] <navigator> ${result.errMsg}`);
    });
  });
}
