/**
 * Connects the simulator page to the devserver over the device protocol (docs/device-protocol.md).
 *
 * For the host shell (main.ts): when the page has no `?manifest=`, call
 *   startDeviceLink(host, new URLSearchParams(location.search))
 * It reads `token` from the URL (the launch parameters page/query/scene come from launch-params.ts) and then:
 *   server → host: load → host.loadPackage (first load at the URL's page, later loads at the current page),
 *                  update → host.applyUpdate, diagnostics → host.showDiagnostics, navigate → host.navigate,
 *                  relaunch → host.relaunch, inspect → a reply from status()/appData()/wxml()/storage(),
 *                  set-data → host.setData, edit-storage → host.editStorage, highlight → host.highlight,
 *                  inspect-node → a node reply from host.inspectNode, pick → host.setPicking;
 *   host → server: the host's log, error, lifecycle, appdata (throttled), storage, network, status and picked events.
 * Server commands run one after another, in arrival order. The protocol client itself is device-link-client.ts.
 */
import type { AppDataEntry, DeviceReport, LaunchOptions as WireLaunch, RuntimeErrorKind, WxmlNode as WireNode } from '../../shared/device-protocol';
import type { LaunchOptions, RuntimeErrorInfo, WxmlNode } from '../protocol';
import type { DeviceLink, DeviceLinkOptions } from './device-link-client';
import { connectDeviceLink } from './device-link-client';
import { DATA_PREVIEW, LOG_PREVIEW, toJsonPreview } from './json-preview';
import { readLaunchParams } from './launch-params';
import { toNetworkMessage } from './network-relay';
import type { DeviceLinkStarter, SimulatorHost } from './simulator-api';

/** setData can fire per frame; the panels need the latest state, not every step. */
const APPDATA_THROTTLE_MS = 100;

export const startDeviceLink: DeviceLinkStarter = (host, params) => {
  const token = params.get('token');
  if (!token) {
    console.warn('[device-link] no ?token= in the page URL: not connecting to a devserver');
    return;
  }
  linkSimulator(host, params, { token });
};

/** Wires a simulator host to a device link; returns the link (to close it, or to watch its state). */
export function linkSimulator(host: SimulatorHost, params: URLSearchParams, options: Pick<DeviceLinkOptions, 'token'> & Partial<DeviceLinkOptions>): DeviceLink {
  const urlLaunch = readLaunchParams(params).launch;
  const link = connectDeviceLink({
    device: {
      name: host.status().device,
      kind: 'simulator',
      platform: 'devtools',
      ...(typeof navigator === 'undefined' ? {} : { userAgent: navigator.userAgent.slice(0, 1024) }),
      // The real screen the page runs on: the desktop's in the IDE, the phone's when opened from a QR code.
      ...(typeof screen === 'undefined' ? {} : { screen: { width: screen.width, height: screen.height, pixelRatio: Math.min(16, globalThis.devicePixelRatio ?? 1) } }),
    },
    ...options,
  });
  link.onState((state) => {
    if (state.kind === 'failed') console.error(`[device-link] disconnected for good: ${state.reason}`);
  });
  link.onRefused((m) => console.warn(`[device-link] the devserver refused a message (${m.code}): ${m.message}`));
  let loadedOnce = false;
  let chain: Promise<unknown> = Promise.resolve();
  const serially = (job: () => Promise<unknown> | void): void => {
    chain = chain.then(job).catch((error: unknown) => console.error('[device-link] command failed:', error));
  };
  const send = (report: DeviceReport): void => {
    if (link.send(report) === 'too-big') link.send(shrink(report));
  };

  link.onLoad((m) =>
    serially(() => {
      const launch = m.launch ? fromWireLaunch(m.launch) : loadedOnce ? currentLaunch(host) : urlLaunch;
      loadedOnce = true;
      return host.loadPackage(m.manifestUrl, launch, m.buildId);
    }),
  );
  link.onUpdate((m) => serially(() => host.applyUpdate({ buildId: m.buildId, manifestUrl: m.manifestUrl, action: m.action, changes: m.changes })));
  link.onDiagnostics((m) => serially(() => host.showDiagnostics(m.diagnostics)));
  link.onNavigate((m) => serially(() => host.navigate(m.openType, m.url ?? '', m.delta)));
  link.onRelaunch((m) => serially(() => host.relaunch(m.launch ? fromWireLaunch(m.launch) : undefined)));
  link.onInspect((m) =>
    serially(async () => {
      const requestId = m.requestId;
      switch (m.what) {
        case 'status': {
          const s = host.status();
          send({ type: 'status', requestId, ready: s.ready, pageStack: s.stack, ...(s.buildId ? { buildId: s.buildId } : {}) });
          break;
        }
        case 'appdata':
          send({ type: 'appdata', requestId, entries: host.appData().map(toAppDataEntry) });
          break;
        case 'wxml': {
          const root = await host.wxml();
          const s = host.status();
          const webviewId = host.appData().find((e) => e.path === s.page)?.webviewId ?? 0;
          send({ type: 'wxml', requestId, path: s.page, webviewId, root: root ? toWireNode(root) : { tag: '#empty' } });
          break;
        }
        case 'storage':
          send({ type: 'storage', requestId, op: 'snapshot', entries: host.storage().map((e) => ({ key: e.key, value: toJsonPreview(e.value, DATA_PREVIEW) })) });
          break;
      }
    }),
  );

  link.onSetData((m) => serially(() => host.setData(m.webviewId, m.path, m.value, m.remove === true)));
  link.onEditStorage((m) => serially(() => host.editStorage(m.op, m.key, m.value)));
  link.onHighlight((m) => serially(() => host.highlight(m.webviewId, m.path)));
  link.onInspectNode((m) =>
    serially(async () => {
      const node = await host.inspectNode(m.webviewId, m.path);
      send({ type: 'node', requestId: m.requestId, webviewId: m.webviewId, path: m.path, ...(node ? { node: { ...node, dataset: toJsonPreview(node.dataset, DATA_PREVIEW), ...(node.componentData !== undefined ? { componentData: toJsonPreview(node.componentData, DATA_PREVIEW) } : {}) } } : {}) });
    }),
  );
  link.onPick((m) => serially(() => host.setPicking(m.enabled)));
  host.on('picked', (e) => send({ type: 'picked', ...(e.webviewId !== undefined && e.path ? { webviewId: e.webviewId, path: e.path } : {}) }));

  host.on('log', (e) => send({ type: 'log', level: e.level, args: e.args.map((a) => toJsonPreview(a, LOG_PREVIEW)), time: e.time, ...(e.source ? { source: e.source } : {}) }));
  host.on('error', (e) => send({ type: 'error', kind: errorKind(e.kind), message: e.message, stack: e.stack, time: e.time, ...(e.location ? { source: e.location } : {}) }));
  host.on('lifecycle', (e) => send({ type: 'lifecycle', ...e }));
  host.on('storage', (e) =>
    send({ type: 'storage', op: e.op, entries: e.key === undefined ? [] : [{ key: e.key, value: e.op === 'set' ? toJsonPreview(e.value, DATA_PREVIEW) : null }] }),
  );
  host.on('network', (e) => send(toNetworkMessage(e, Date.now())));
  let lastStatus = '';
  host.on('status', (s) => {
    const key = JSON.stringify([s.ready, s.buildId, s.stack]);
    if (key === lastStatus) return;
    lastStatus = key;
    send({ type: 'status', ready: s.ready, pageStack: s.stack, ...(s.buildId ? { buildId: s.buildId } : {}) });
  });
  const pendingData = new Map<string, { path: string; webviewId: number; data: unknown }>();
  let dataTimer: ReturnType<typeof setTimeout> | undefined;
  host.on('appdata', (e) => {
    pendingData.set(`${e.webviewId}`, e);
    dataTimer ??= setTimeout(() => {
      dataTimer = undefined;
      const entries = [...pendingData.values()].map(toAppDataEntry);
      pendingData.clear();
      send({ type: 'appdata', entries });
    }, APPDATA_THROTTLE_MS);
  });
  return link;
}

function currentLaunch(host: SimulatorHost): Partial<LaunchOptions> {
  const s = host.status();
  return s.page ? { path: s.page, query: s.query } : {};
}

function fromWireLaunch(launch: WireLaunch): Partial<LaunchOptions> {
  return {
    ...(launch.page !== undefined ? { path: launch.page.replace(/^\//, '') } : {}),
    ...(launch.query !== undefined ? { query: Object.fromEntries(new URLSearchParams(launch.query)) } : {}),
    ...(launch.scene !== undefined ? { scene: launch.scene } : {}),
  };
}

function errorKind(kind: RuntimeErrorInfo['kind']): RuntimeErrorKind {
  switch (kind) {
    case 'error':
    case 'compile':
      return 'script';
    case 'unhandledrejection':
      return 'unhandled-rejection';
    case 'page-not-found':
      return 'page-not-found';
  }
}

function toAppDataEntry(e: { path: string; webviewId: number; data: unknown }): AppDataEntry {
  return { path: e.path, webviewId: e.webviewId, data: toJsonPreview(e.data, DATA_PREVIEW) };
}

function toWireNode(node: WxmlNode, depth = 0): WireNode {
  const children = depth < 200 ? node.children.map((c) => toWireNode(c, depth + 1)) : [];
  return {
    tag: node.tag,
    ...(Object.keys(node.attributes).length > 0 ? { attrs: node.attributes } : {}),
    ...(node.text !== undefined ? { text: node.text } : {}),
    ...(children.length > 0 ? { children } : {}),
  };
}

/** A stand-in for a report over its size limit, so the panels say what happened instead of staying silent. */
function shrink(report: DeviceReport): DeviceReport {
  const note = `[${report.type} too big for the device protocol; trimmed]`;
  switch (report.type) {
    case 'log':
      return { ...report, args: [note, ...report.args.map((a) => (typeof a === 'string' ? a.slice(0, 2000) : '[…]')).slice(0, 20)] };
    case 'error':
      return { ...report, message: report.message.slice(0, 8000), stack: report.stack?.slice(0, 8000) };
    case 'appdata':
      return { ...report, entries: report.entries.map((e) => ({ ...e, data: note })) };
    case 'wxml':
      return { ...report, root: { tag: '#text', text: note } };
    case 'node':
      return report.node ? { ...report, node: { ...report.node, rules: [], computed: {}, dataset: note, componentData: note } } : report;
    case 'storage':
      return { ...report, entries: report.entries.map((e) => ({ key: e.key, value: note })) };
    case 'network':
      return { ...report, body: report.body === undefined ? undefined : note, requestHeaders: undefined, responseHeaders: undefined };
    default:
      return report;
  }
}
