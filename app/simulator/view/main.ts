/**
 * Entry of a page's view iframe: receives its MessagePort from the host, applies render batches from the
 * Worker, answers layout queries and sends user events back. No user code ever runs here.
 */
import type { DeviceMetrics, NodeCall, PageWindowConfig, ViewToWorker, WorkerToView } from '../protocol';
import { EventCapture } from './event-capture';
import { IntersectionObservers } from './intersection-observers';
import { OpApplier } from './op-applier';
import { PageScroll } from './page-scroll';
import { StyleSheets } from './style-sheets';

// The built-in components register themselves when present (app/simulator/view/components).
const builtins = import.meta.glob<{ defineAllComponents?: (doc: Document) => void; setUserClassResolver?: (fn: (el: Element, names: string) => string[]) => void }>(
  './components/define-all.ts',
  { eager: true },
);
for (const mod of Object.values(builtins)) {
  try {
    mod.defineAllComponents?.(document);
  } catch (error) {
    // a broken built-in must not take the page down: unknown wx-* tags still render as blocks
    console.error('[view] built-in components failed to register', error);
  }
  // hover-class and similar user classes take the scope prefix the element's own classes carry.
  mod.setUserClassResolver?.((el, names) => {
    const scoped = [...el.classList].find((c) => c.includes('--'));
    const prefix = scoped ? scoped.slice(0, scoped.indexOf('--') + 2) : '';
    return names.split(/\s+/).filter(Boolean).map((n) => prefix + n);
  });
}

let port: MessagePort | undefined;
let baseUrl = '';
let route = '';
let metrics: DeviceMetrics | undefined;
let assets: Readonly<Record<string, string>> = {};

const send = (message: ViewToWorker) => port?.postMessage(message);
const styles = new StyleSheets(document.head, { windowWidth: 375, platform: 'devtools', pixelRatio: 2 });
const capture = new EventCapture(
  document,
  (event) => send({ kind: 'event', event }),
  (nodeId, attribute, value) => send({ kind: 'model', nodeId, attribute, value }),
);
const scroll = new PageScroll(document, send);
const intersections = new IntersectionObservers(send);
const applier = new OpApplier(document, {
  listenerAdded: (type) => capture.listen(type),
  modelBinding: (node, attribute, enabled) => capture.bindModel(node, attribute, enabled),
  styleSheet: (_index, url) => styles.add(Number(_index), url),
  disableStyleSheet: (index) => styles.disable(index),
  resolveSrc: (value) => resolveSrc(value),
  adaptStyle: (css) => styles.adapt(css),
});

function resolveSrc(value: string): string {
  if (!value || /^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('//')) return value;
  const routeDir = route.includes('/') ? route.slice(0, route.lastIndexOf('/') + 1) : '';
  const source = new URL(value.startsWith('/') ? value.slice(1) : routeDir + value, 'http://package/').pathname.slice(1);
  return new URL(assets[source] ?? source, baseUrl).href;
}

function applyMetrics(next: DeviceMetrics, config: PageWindowConfig): void {
  metrics = next;
  const root = document.documentElement.style;
  const insets = {
    top: next.safeArea.top,
    left: next.safeArea.left,
    right: next.screenWidth - next.safeArea.right,
    bottom: next.screenHeight - next.safeArea.bottom,
  };
  for (const [side, px] of Object.entries(insets)) root.setProperty(`--safe-area-inset-${side}`, `${Math.max(0, px)}px`);
  document.documentElement.dataset.theme = next.theme;
  document.documentElement.style.colorScheme = next.theme;
  if (config.backgroundColor) document.documentElement.style.backgroundColor = config.backgroundColor;
  styles.setDevice({ windowWidth: next.windowWidth, platform: next.platform, pixelRatio: next.pixelRatio, theme: next.theme });
  applier.readaptStyles();
  scroll.configure(config);
}

async function handle(message: WorkerToView): Promise<void> {
  switch (message.kind) {
    case 'render':
      try {
        applier.apply(message.ops);
      } catch (error) {
        console.error('[view] render batch failed', error);
      }
      if (message.ack) {
        await styles.settled();
        send({ kind: 'ack', ack: message.ack });
      }
      scroll.contentChanged();
      return;
    case 'metrics':
      baseUrl = message.baseUrl;
      route = message.route;
      assets = message.assets;
      applyMetrics(message.metrics, message.config);
      return;
    case 'query':
      send({ kind: 'query-result', requestId: message.requestId, result: measure(message.nodeId, message.what) });
      return;
    case 'observe-intersection': {
      const target = applier.node(message.nodeId) as unknown as Element | undefined;
      const relative = message.relativeNodeId < 0 ? null : (applier.node(message.relativeNodeId) as unknown as Element | undefined);
      intersections.observe(message.observerId, target instanceof Element ? target : undefined, relative instanceof Element ? relative : null, message.margin, message.thresholds);
      return;
    }
    case 'unobserve-intersection':
      intersections.unobserve(message.observerId);
      return;
    case 'scroll-to':
      window.scrollTo({ top: message.scrollTop, behavior: message.duration > 0 ? 'smooth' : 'auto' });
      return;
    case 'pull-down':
      scroll.setRefreshing(message.active, true);
      return;
    case 'reload-styles':
      styles.reload(message.urls);
      return;
    case 'node-call':
      void callNode(message.nodeId, message.call).then((result) => send({ kind: 'query-result', requestId: message.requestId, result }));
      return;
  }
}

/** A built-in component that answers logic-side calls (canvas drawing and reads). */
interface NodeCallTarget {
  nodeCall(call: NodeCall, resolveSrc: (src: string) => string): Promise<unknown>;
}

async function callNode(nodeId: number, call: NodeCall): Promise<unknown> {
  const node = applier.node(nodeId) as unknown as Partial<NodeCallTarget> | undefined;
  if (typeof node?.nodeCall !== 'function') return null;
  try {
    return await node.nodeCall(call, resolveSrc);
  } catch (error) {
    console.error('[view] node call failed', error);
    return null;
  }
}

function measure(nodeId: number, what: 'rect' | 'scroll' | 'fields'): unknown {
  const node = applier.node(nodeId) as unknown as Element | undefined;
  if (!node || typeof node.getBoundingClientRect !== 'function') return { left: 0, top: 0, width: 0, height: 0, scrollLeft: 0, scrollTop: 0, scrollWidth: 0, scrollHeight: 0 };
  if (what === 'scroll') {
    const el = node === document.body ? document.scrollingElement ?? document.documentElement : node;
    return { scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, scrollWidth: el.scrollWidth, scrollHeight: el.scrollHeight };
  }
  const rect = node.getBoundingClientRect();
  return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
}

// Messages are applied strictly in order even when one waits for style sheets.
let chain: Promise<void> = Promise.resolve();
window.addEventListener('message', (event: MessageEvent) => {
  if (event.source !== window.parent) return;
  const data = event.data as { kind?: string; urls?: string[] } | null;
  if (data?.kind === 'reload-styles' && data.urls) {
    styles.reload(data.urls);
    void styles.settled().then(() => window.parent.postMessage({ kind: 'styles-reloaded' }, '*'));
    return;
  }
  if (data?.kind !== 'connect-page' || !event.ports[0]) return;
  port = event.ports[0];
  port.onmessage = (ev: MessageEvent<WorkerToView>) => {
    chain = chain.then(() => handle(ev.data)).catch((error: unknown) => console.error('[view]', error));
  };
});

// <page-meta> reports page-level settings; its <navigation-bar> child reports what the host's bar shows.
document.addEventListener('pagemeta', (event) => {
  const values = (event as CustomEvent<Record<string, unknown>>).detail ?? {};
  const root = document.documentElement;
  if (typeof values.backgroundColor === 'string' && values.backgroundColor) root.style.backgroundColor = values.backgroundColor;
  if (typeof values.rootFontSize === 'string' && values.rootFontSize) root.style.fontSize = values.rootFontSize;
  const page = document.querySelector('wx-page') as HTMLElement | null;
  if (page && typeof values.pageStyle === 'string') page.style.cssText = styles.adapt(values.pageStyle);
  if (page && typeof values.pageFontSize === 'string' && values.pageFontSize) page.style.fontSize = values.pageFontSize;
  const scrollTop = typeof values.scrollTop === 'string' ? Number.parseFloat(values.scrollTop) : Number(values.scrollTop);
  if (Number.isFinite(scrollTop) && values.scrollTop !== '' && values.scrollTop !== undefined) {
    window.scrollTo({ top: scrollTop, behavior: Number(values.scrollDuration) > 0 ? 'smooth' : 'auto' });
  }
});
document.addEventListener('navigationbar', (event) => {
  window.parent.postMessage({ kind: 'navigation-bar', values: (event as CustomEvent<Record<string, unknown>>).detail ?? {} }, '*');
});

// <navigator>: the host owns the page stack; a mini-program jump cannot happen here, so it fails at once.
document.addEventListener('navigate', (event) => {
  const detail = (event as CustomEvent<{ url?: string; openType?: string; delta?: number }>).detail ?? {};
  if (detail.openType === 'navigateToMiniProgram') {
    const navigator = event.composedPath()[0] as { reportResult?: (ok: boolean, errMsg: string) => void };
    navigator.reportResult?.(false, 'navigateToMiniProgram:fail not supported in the simulator');
    return;
  }
  window.parent.postMessage({ kind: 'navigate', url: detail.url ?? '', openType: detail.openType ?? 'navigate', delta: Number(detail.delta ?? 1) }, '*');
});

window.parent.postMessage({ kind: 'view-ready' }, '*');

/** For tests and the inspector: the view's metrics as it last applied them. */
(window as unknown as { __wxView: unknown }).__wxView = { metrics: () => metrics, route: () => route };
