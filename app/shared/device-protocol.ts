/**
 * The device protocol (docs/device-protocol.md): what the devserver and a device (the embedded simulator, a
 * phone's browser, a native debug app) say to each other over one WebSocket. Every message is one JSON object
 * with a `type`. Validators live in device-protocol-schema.ts; change the types, the schema and the doc together.
 */
import type { Diagnostic } from './diagnostic';
import type { JsonValue } from './device-protocol-check';

export type { JsonValue } from './device-protocol-check';

export const DEVICE_PROTOCOL_VERSION = 1;

/** WebSocket path on the devserver. */
export const DEVICE_SOCKET_PATH = '/device';

/** Where the built simulator page is served (vite's `simulator` input). */
export const SIMULATOR_PAGE_PATH = '/simulator/index.html';

// ───────────────────────── device → server ─────────────────────────

export type DeviceKind = 'simulator' | 'browser' | 'native';

export interface DeviceInfo {
  /** Human name shown in the IDE and the CLI (`iPhone 12`, `Pixel 7 (Chrome)`). */
  readonly name: string;
  readonly kind: DeviceKind;
  /** `ios`, `android`, `devtools`, `web`… free text. */
  readonly platform?: string;
  readonly userAgent?: string;
  /** The runtime's own version, to tell an old cached runtime from a fresh one. */
  readonly runtimeVersion?: string;
  readonly screen?: { readonly width: number; readonly height: number; readonly pixelRatio: number };
}

/** First message on every connection; anything else before it is refused. */
export interface HelloMessage {
  readonly type: 'hello';
  readonly protocol: number;
  /** A pairing token (single-use) or a launch/resume token. */
  readonly token: string;
  readonly device: DeviceInfo;
}

export type LogLevel = 'debug' | 'log' | 'info' | 'warn' | 'error';

export interface SourceLocation {
  /** Project-relative path, forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** `console.*` output of the mini-program. `args` are already turned into JSON previews by the device. */
export interface LogMessage {
  readonly type: 'log';
  readonly level: LogLevel;
  readonly args: readonly JsonValue[];
  readonly source?: SourceLocation;
  /** Milliseconds since the epoch, device clock. */
  readonly time?: number;
}

export type RuntimeErrorKind = 'script' | 'render' | 'load' | 'unhandled-rejection' | 'page-not-found' | 'api';

export interface ErrorMessage {
  readonly type: 'error';
  readonly kind: RuntimeErrorKind;
  readonly message: string;
  readonly stack?: string;
  readonly source?: SourceLocation;
  readonly time?: number;
}

export type LifecycleScope = 'app' | 'page' | 'component';

/** `onLaunch`, `onLoad`, `onShow`, `attached`… as they fire, in order. */
export interface LifecycleMessage {
  readonly type: 'lifecycle';
  readonly scope: LifecycleScope;
  /** Module path (`pages/index/index`), or `app`. */
  readonly path: string;
  readonly event: string;
  readonly webviewId?: number;
  readonly time?: number;
}

export interface AppDataEntry {
  readonly path: string;
  readonly webviewId: number;
  readonly data: JsonValue;
}

/** Page data snapshots, after setData (throttled by the device) or in reply to `inspect`. */
export interface AppDataMessage {
  readonly type: 'appdata';
  readonly requestId?: string;
  readonly entries: readonly AppDataEntry[];
}

export interface WxmlNode {
  readonly tag: string;
  readonly attrs?: Readonly<Record<string, string>>;
  /** Text content for text nodes (`tag` is `#text`). */
  readonly text?: string;
  readonly children?: readonly WxmlNode[];
}

export interface WxmlMessage {
  readonly type: 'wxml';
  readonly requestId?: string;
  readonly path: string;
  readonly webviewId: number;
  readonly root: WxmlNode;
}

export interface StorageEntry {
  readonly key: string;
  readonly value: JsonValue;
}

/** `snapshot` lists everything; `set`/`remove` carry the touched keys; `clear` carries none. */
export interface StorageMessage {
  readonly type: 'storage';
  readonly requestId?: string;
  readonly op: 'snapshot' | 'set' | 'remove' | 'clear';
  readonly entries: readonly StorageEntry[];
}

export type NetworkPhase = 'request' | 'response' | 'fail';
export type NetworkApi = 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';

/**
 * One phase of a `wx.request`-style call; all phases of a call share `id`. Bodies are previews, not raw bytes:
 * with phase `request`, `body`/`size` are the request's; with `response`, the response's. `duration` is in ms.
 */
export interface NetworkMessage {
  readonly type: 'network';
  readonly id: string;
  readonly phase: NetworkPhase;
  readonly api: NetworkApi;
  readonly url: string;
  readonly method?: string;
  readonly status?: number;
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly size?: number;
  readonly errorMessage?: string;
  readonly duration?: number;
  readonly time?: number;
}

/** Where the device is; sent in reply to `inspect {what: 'status'}` and whenever readiness changes. */
export interface StatusMessage {
  readonly type: 'status';
  readonly requestId?: string;
  /** True once the package is loaded and the first page rendered. */
  readonly ready: boolean;
  readonly buildId?: string;
  /** Page stack, bottom first, as `path?query`. */
  readonly pageStack: readonly string[];
}

/** One entry of a node's matched style rules: a selector (or `style` for the inline style) and its declarations. */
export interface NodeStyleRule {
  readonly selector: string;
  /** Package-relative style sheet the rule comes from (`pages/index/index.wxss`), absent for the inline style. */
  readonly source?: string;
  /** `overridden`: a rule of higher precedence sets every property this declaration sets. */
  readonly declarations: readonly { readonly name: string; readonly value: string; readonly important?: boolean; readonly overridden?: boolean }[];
}

export interface NodeBoxEdges {
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
  readonly left: number;
}

/** The CSS box of a node in CSS pixels of the device page, as the WXML panel's box-model diagram shows it. */
export interface NodeBox {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly margin: NodeBoxEdges;
  readonly border: NodeBoxEdges;
  readonly padding: NodeBoxEdges;
}

/** What the WXML panel shows for the selected node. */
export interface NodeDetails {
  readonly tag: string;
  readonly attrs: Readonly<Record<string, string>>;
  /** `data-*` attributes as the node's `dataset` (what event handlers see as `currentTarget.dataset`). */
  readonly dataset: JsonValue;
  /** A custom component's own data (properties and data fields), absent for built-in nodes. */
  readonly componentData?: JsonValue;
  /** Absent when the node draws no box (text nodes, `block`, a hidden subtree). */
  readonly box?: NodeBox;
  /** Rules that apply, highest precedence first (inline style, then by specificity, then later before earlier). */
  readonly rules: readonly NodeStyleRule[];
  /** Computed values of the properties that apply (name → value), for the Computed list. */
  readonly computed: Readonly<Record<string, string>>;
}

/** Answer to `inspect-node`: the node at `path`, or `node` absent when there is none (the page changed). */
export interface NodeMessage {
  readonly type: 'node';
  readonly requestId?: string;
  readonly webviewId: number;
  readonly path: readonly number[];
  readonly node?: NodeDetails;
}

/** The user picked an element in the device's page (pick mode of `pick`); no `path` means picking ended without one. */
export interface PickedMessage {
  readonly type: 'picked';
  readonly webviewId?: number;
  /** Child indexes from the root of the page's `wxml` tree. */
  readonly path?: readonly number[];
}

export type DeviceMessage =
  | HelloMessage
  | LogMessage
  | ErrorMessage
  | LifecycleMessage
  | AppDataMessage
  | WxmlMessage
  | StorageMessage
  | NetworkMessage
  | StatusMessage
  | NodeMessage
  | PickedMessage;

export type DeviceMessageType = DeviceMessage['type'];

/** Everything a device may send after `hello`. */
export type DeviceReport = Exclude<DeviceMessage, HelloMessage>;

// ───────────────────────── server → device ─────────────────────────

export interface WelcomeMessage {
  readonly type: 'welcome';
  readonly protocol: number;
  readonly deviceId: string;
  readonly projectId: string;
  /** Use it in the next `hello` when reconnecting; single-use, replaced by each welcome. */
  readonly resumeToken: string;
}

export interface LaunchOptions {
  /** Page module path, no leading slash (`pages/logs/logs`). */
  readonly page?: string;
  /** Query string without `?` (`id=1&from=serve`). */
  readonly query?: string;
  readonly scene?: number;
}

/** Load (or reload) the whole package. URLs are relative to the devserver origin. */
export interface LoadMessage {
  readonly type: 'load';
  readonly buildId: string;
  /** URL of `manifest.json` (package-format.ts `PackageManifest`). */
  readonly manifestUrl: string;
  /** URL the package's output paths are relative to, ending with `/`. */
  readonly baseUrl: string;
  readonly launch?: LaunchOptions;
}

export type ChangeKind = 'template' | 'style' | 'script' | 'json' | 'asset';

export interface PackageChange {
  readonly kind: ChangeKind;
  /** Output path inside the package (`pages/index/index.css`). */
  readonly path: string;
  /** The project file that caused it, when known (`pages/index/index.wxss`). */
  readonly source?: string;
}

/**
 * An incremental rebuild finished. `hot`: swap templates/styles in place keeping page data;
 * `relaunch`: reload scripts and relaunch at the current page and query.
 */
export interface UpdateMessage {
  readonly type: 'update';
  readonly buildId: string;
  readonly manifestUrl: string;
  readonly baseUrl: string;
  readonly action: 'hot' | 'relaunch';
  readonly changes: readonly PackageChange[];
}

/** Compile problems of the latest build; an empty list clears the device's overlay. */
export interface DiagnosticsMessage {
  readonly type: 'diagnostics';
  readonly buildId?: string;
  readonly diagnostics: readonly Diagnostic[];
}

export type NavigateOpenType = 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch' | 'navigateBack';

export interface NavigateMessage {
  readonly type: 'navigate';
  readonly openType: NavigateOpenType;
  /** `/pages/logs/logs?x=1`; ignored for navigateBack. */
  readonly url?: string;
  readonly delta?: number;
}

/** Restart the mini-program (a fresh App), at `launch` or else where it is now. */
export interface RelaunchMessage {
  readonly type: 'relaunch';
  readonly launch?: LaunchOptions;
}

export type InspectTarget = 'status' | 'appdata' | 'wxml' | 'storage';

/** Ask for a snapshot; the device answers with a message of type `what` carrying the same `requestId`. */
export interface InspectMessage {
  readonly type: 'inspect';
  readonly requestId: string;
  readonly what: InspectTarget;
}

/** Workbench edit of a page's data: the device runs `setData({[path]: value})` on page `webviewId`. */
export interface SetDataMessage {
  readonly type: 'set-data';
  readonly webviewId: number;
  /** A setData path: `count`, `user.name`, `list[2].done`. */
  readonly path: string;
  readonly value: JsonValue;
  /** Delete the key (or array item) at `path` instead of setting it; `value` is then ignored (send null). */
  readonly remove?: boolean;
}

/** Workbench edit of the mini-program's storage, applied as `wx.setStorageSync`/`removeStorageSync`/`clearStorageSync` would. */
export interface EditStorageMessage {
  readonly type: 'edit-storage';
  readonly op: 'set' | 'remove' | 'clear';
  /** Required for `set` and `remove`. */
  readonly key?: string;
  /** Required for `set`. */
  readonly value?: JsonValue;
}

/** Outline one WXML node in the device's page (the WXML panel's hover); no `path` removes the outline. */
export interface HighlightMessage {
  readonly type: 'highlight';
  readonly webviewId: number;
  /** Child indexes from the root of the `wxml` tree the device reported (`[0, 2, 1]`). */
  readonly path?: readonly number[];
}

/** Ask for the details of one node of the page's WXML tree; the device answers with `node` carrying `requestId`. */
export interface InspectNodeMessage {
  readonly type: 'inspect-node';
  readonly requestId: string;
  readonly webviewId: number;
  readonly path: readonly number[];
}

/** Pick mode: the next click in the device's page is not a tap but selects the element under it (`picked`). */
export interface PickMessage {
  readonly type: 'pick';
  readonly enabled: boolean;
}

/** Server messages that change the running mini-program on the IDE user's behalf. */
export type DeviceEditMessage = SetDataMessage | EditStorageMessage;

/** Size limit of one edit command, in bytes of its UTF-8 JSON text. */
export const DEVICE_EDIT_LIMIT = 1024 * 1024;

export type RefusalCode =
  | 'bad-json'
  | 'too-big'
  | 'unknown-type'
  | 'invalid'
  | 'hello-first'
  | 'unauthorized'
  | 'protocol-version'
  | 'too-many-errors'
  | 'rate-limited';

/** The server did not accept a message. The connection stays open unless the code says otherwise (see doc). */
export interface RefusedMessage {
  readonly type: 'refused';
  readonly code: RefusalCode;
  readonly message: string;
  /** The `type` of the refused message, when it could be read. */
  readonly inReplyTo?: string;
}

export type ServerMessage =
  | WelcomeMessage
  | LoadMessage
  | UpdateMessage
  | DiagnosticsMessage
  | NavigateMessage
  | RelaunchMessage
  | InspectMessage
  | SetDataMessage
  | EditStorageMessage
  | HighlightMessage
  | InspectNodeMessage
  | PickMessage
  | RefusedMessage;

export type ServerMessageType = ServerMessage['type'];

/** Refusals after which the server closes the connection. */
export const FATAL_REFUSALS: readonly RefusalCode[] = ['unauthorized', 'protocol-version', 'too-many-errors'];

/** WebSocket close codes the server uses (4000–4999 is the application range). */
export const CLOSE_CODES = {
  unauthorized: 4401,
  helloTimeout: 4408,
  protocolVersion: 4426,
  tooManyErrors: 4429,
  serverClosing: 1001,
} as const;

/** Per-type size limit of a device message, in bytes of its UTF-8 text. */
export const DEVICE_MESSAGE_LIMITS: Readonly<Record<DeviceMessageType, number>> = {
  hello: 8 * 1024,
  log: 64 * 1024,
  error: 64 * 1024,
  lifecycle: 4 * 1024,
  appdata: 2 * 1024 * 1024,
  wxml: 2 * 1024 * 1024,
  storage: 4 * 1024 * 1024,
  network: 256 * 1024,
  status: 16 * 1024,
  node: 512 * 1024,
  picked: 4 * 1024,
};

/** Hard cap per frame; bigger frames make the server close the socket (1009) before reading them. */
export const DEVICE_FRAME_LIMIT = 4 * 1024 * 1024 + 1024;

/** Search parameters of the simulator page URL. The page reads them with `readLaunchParams` (device-link.ts). */
export interface SimulatorUrlParams {
  readonly token: string;
  readonly device?: string;
  readonly page?: string;
  readonly query?: string;
  readonly scene?: number;
}

/** `http://host:port/simulator/index.html?token=…&page=…` — the one way both sides build and read it. */
export function simulatorUrl(origin: string, params: SimulatorUrlParams): string {
  const search = new URLSearchParams();
  search.set('token', params.token);
  if (params.device !== undefined) search.set('device', params.device);
  if (params.page !== undefined) search.set('page', params.page);
  if (params.query !== undefined) search.set('query', params.query);
  if (params.scene !== undefined) search.set('scene', String(params.scene));
  return `${origin.replace(/\/$/, '')}${SIMULATOR_PAGE_PATH}?${search.toString()}`;
}
