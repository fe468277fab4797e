/**
 * What the simulator offers to whoever drives it: the device link (device-link.ts, speaking the device
 * protocol to the devserver), tests, and `window.ministudio` for automation. Subscriptions return a disposer.
 */
import type { NodeDetails } from '../../shared/device-protocol';
import type { Diagnostic } from '../../shared/diagnostic';
import type { LaunchOptions, RouteKind, RuntimeErrorInfo, SourceLocation, WorkerToHost, WxmlNode } from '../protocol';

export interface SimulatorStatus {
  /** Route of the page on top of the stack, e.g. `pages/index/index`. */
  readonly page: string;
  readonly query: Readonly<Record<string, string>>;
  /** The top page reached onReady and its first render is applied. */
  readonly ready: boolean;
  /** Bottom first, as `route?query`. */
  readonly stack: readonly string[];
  readonly errors: readonly StatusError[];
  readonly device: string;
  readonly buildId?: string;
  /** Milliseconds from the last hot update's arrival to its view update. */
  readonly lastHotReloadMs?: number;
}

export interface StatusError {
  readonly kind: RuntimeErrorInfo['kind'];
  readonly message: string;
  /** `file:line:column` of the original source, when known. */
  readonly location?: string;
  readonly stack: string;
}

export interface SimulatorEvents {
  log: { level: 'log' | 'info' | 'warn' | 'error' | 'debug'; args: readonly unknown[]; time: number; source?: SourceLocation };
  error: RuntimeErrorInfo & { time: number };
  lifecycle: { scope: 'app' | 'page' | 'component'; path: string; event: string; webviewId?: number; time: number };
  appdata: { path: string; webviewId: number; data: unknown };
  storage: { op: 'set' | 'remove' | 'clear'; key?: string; value?: unknown };
  /** The logic layer's report as is: headers, bounded body previews and sizes (see protocol.ts). */
  network: Omit<Extract<WorkerToHost, { kind: 'network' }>, 'kind'>;
  status: SimulatorStatus;
  /** Pick mode ended: on the element at `path` of page `webviewId`, or without a pick (both absent). */
  picked: { webviewId?: number; path?: readonly number[] };
  /** A hot update reached the views; `ms` from applyUpdate to applied. */
  hotreload: { ms: number; kind: 'template' | 'style' | 'relaunch' };
}

export type SimulatorEventName = keyof SimulatorEvents;

export interface PackageUpdate {
  readonly buildId?: string;
  readonly manifestUrl: string;
  readonly action: 'hot' | 'relaunch';
  readonly changes: readonly { readonly kind: 'template' | 'style' | 'script' | 'json' | 'asset'; readonly path: string }[];
}

export interface SimulatorHost {
  loadPackage(manifestUrl: string, launch?: Partial<LaunchOptions>, buildId?: string): Promise<void>;
  applyUpdate(update: PackageUpdate): Promise<void>;
  relaunch(launch?: Partial<LaunchOptions>): Promise<void>;
  navigate(kind: RouteKind, url: string, delta?: number): Promise<{ ok: boolean; errMsg: string }>;
  setDevice(idOrName: string): boolean;
  setTheme(theme: 'light' | 'dark'): void;
  /** Sends the mini-program to the background (page onHide, App.onHide) or brings it back (App.onShow, page onShow). */
  setBackground(background: boolean, scene?: number): void;
  showDiagnostics(diagnostics: readonly Diagnostic[]): void;
  status(): SimulatorStatus;
  appData(): { path: string; webviewId: number; data: unknown }[];
  wxml(): Promise<WxmlNode | null>;
  storage(): { key: string; value: unknown }[];
  /** The IDE edits a page's data: `setData({[path]: value})` on page `webviewId` in the logic Worker. */
  setData(webviewId: number, path: string, value: unknown, remove?: boolean): void;
  /** The IDE edits storage; applied like wx.setStorageSync/removeStorageSync/clearStorageSync, and persisted. */
  editStorage(op: 'set' | 'remove' | 'clear', key?: string, value?: unknown): void;
  /** Outlines the WXML node at `path` (child indexes, as wxml() lists them) in page `webviewId`; no path clears it. */
  highlight(webviewId: number, path?: readonly number[]): void;
  /** Attributes, dataset, box and matched styles of the WXML node at `path` in page `webviewId`; null when there is none. */
  inspectNode(webviewId: number, path: readonly number[]): Promise<NodeDetails | null>;
  /** Pick mode: the next click in the page selects an element (event `picked`) instead of tapping it. */
  setPicking(enabled: boolean): void;
  on<K extends SimulatorEventName>(event: K, listener: (payload: SimulatorEvents[K]) => void): () => void;
}

/** device-link.ts exports this; the host entry calls it when the page was opened by the devserver. */
export type DeviceLinkStarter = (host: SimulatorHost, params: URLSearchParams) => void;
