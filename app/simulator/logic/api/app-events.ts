/**
 * App-level listeners (`wx.onAppShow`, `wx.onError`, …). They hear what reaches the Worker's global scope:
 * the host's `app-show`/`app-hide`/`metrics` messages and uncaught errors and rejections.
 */
import type { HostToWorker, LaunchOptions } from '../../protocol';
import type { WxHost } from '../wx-api';
import { ListenerSet } from './api-maker';

/** What the runtime may offer so wx.onError hears every error it reports (message + mapped stack). */
export type HostWithErrorFeed = WxHost & { onAppError?(listener: (message: string) => void): () => void };

export function createAppEventsApi(host: WxHost, scope: EventTarget | undefined): Record<string, unknown> {
  const appShow = new ListenerSet<[LaunchOptions]>(host, 'onAppShow');
  const appHide = new ListenerSet<[]>(host, 'onAppHide');
  const error = new ListenerSet<[string]>(host, 'onError');
  const rejection = new ListenerSet<[{ reason: unknown; promise: Promise<unknown> }]>(host, 'onUnhandledRejection');
  const theme = new ListenerSet<[{ theme: string }]>(host, 'onThemeChange');
  const resize = new ListenerSet<[{ size: Record<string, number> }]>(host, 'onWindowResize');
  const pageNotFound = new ListenerSet<[unknown]>(host, 'onPageNotFound');
  const quiet = (name: string) => new ListenerSet<[unknown]>(host, name);
  const memory = quiet('onMemoryWarning');
  const capture = quiet('onUserCaptureScreen');

  let last = safeMetrics(host);
  scope?.addEventListener('message', (event) => {
    const message = (event as MessageEvent).data as HostToWorker | undefined;
    if (!message || typeof message !== 'object') return;
    if (message.kind === 'app-show') appShow.emit({ ...message.launch });
    else if (message.kind === 'page-create' && !host.manifest?.components?.[message.route]?.isPage) {
      // The runtime answers the same way (App.onPageNotFound); this tells wx.onPageNotFound listeners too.
      pageNotFound.emit({ path: message.route, query: { ...message.query }, isEntryPage: host.topPage() === undefined });
    }
    else if (message.kind === 'app-hide') appHide.emit();
    else if (message.kind === 'metrics') {
      const next = message.metrics;
      if (last && next.theme !== last.theme) theme.emit({ theme: next.theme });
      if (last && (next.windowWidth !== last.windowWidth || next.windowHeight !== last.windowHeight)) {
        resize.emit({ size: { windowWidth: next.windowWidth, windowHeight: next.windowHeight, screenWidth: next.screenWidth, screenHeight: next.screenHeight } });
      }
      last = next;
    }
  });
  // A runtime that reports every user error (lifecycle hooks and handlers included) says so through
  // `onAppError`; without it only errors that reach the Worker's global scope are heard.
  const reporting = (host as HostWithErrorFeed).onAppError;
  if (typeof reporting === 'function') {
    reporting.call(host, (message) => error.emit(message));
  } else {
    scope?.addEventListener('error', (event) => {
      const e = event as ErrorEvent;
      const cause: unknown = e.error;
      error.emit(cause instanceof Error ? `${cause.message}\n${cause.stack ?? ''}` : String(e.message ?? cause));
    });
  }
  scope?.addEventListener('unhandledrejection', (event) => {
    const e = event as PromiseRejectionEvent;
    rejection.emit({ reason: e.reason, promise: e.promise });
  });

  return {
    onAppShow: appShow.on,
    offAppShow: appShow.off,
    onAppHide: appHide.on,
    offAppHide: appHide.off,
    onError: error.on,
    offError: error.off,
    onUnhandledRejection: rejection.on,
    offUnhandledRejection: rejection.off,
    onThemeChange: theme.on,
    offThemeChange: theme.off,
    onWindowResize: resize.on,
    offWindowResize: resize.off,
    onPageNotFound: pageNotFound.on,
    offPageNotFound: pageNotFound.off,
    onMemoryWarning: memory.on,
    offMemoryWarning: memory.off,
    onUserCaptureScreen: capture.on,
    offUserCaptureScreen: capture.off,
  };
}

function safeMetrics(host: WxHost) {
  try {
    return host.metrics();
  } catch {
    return undefined;
  }
}
