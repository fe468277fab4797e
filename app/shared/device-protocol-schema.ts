/**
 * Validators of every device protocol message (device-protocol.ts), both directions. The server parses what
 * devices send with `parseDeviceMessage`; the device link parses what the server sends with `parseServerMessage`.
 * Both return a Result and never throw, whatever the input.
 */
import type { Diagnostic } from './diagnostic';
import type { Check } from './device-protocol-check';
import { arr, bool, isPlainObject, json, lazy, literal, num, obj, oneOf, optional, record, str } from './device-protocol-check';
import type {
  AppDataMessage,
  DeviceMessage,
  DeviceMessageType,
  DeviceEditMessage,
  DiagnosticsMessage,
  EditStorageMessage,
  ErrorMessage,
  HelloMessage,
  HighlightMessage,
  InspectMessage,
  InspectNodeMessage,
  NodeDetails,
  NodeMessage,
  PickedMessage,
  PickMessage,
  LifecycleMessage,
  LoadMessage,
  LogMessage,
  NavigateMessage,
  NetworkMessage,
  RefusalCode,
  RefusedMessage,
  RelaunchMessage,
  ServerMessage,
  ServerMessageType,
  SetDataMessage,
  StatusMessage,
  StorageMessage,
  UpdateMessage,
  WelcomeMessage,
  WxmlMessage,
  WxmlNode,
} from './device-protocol';
import { DEVICE_EDIT_LIMIT, DEVICE_MESSAGE_LIMITS } from './device-protocol';
import type { Result } from './result';
import { err, ok } from './result';

const time = optional(num({ min: 0 }));
const requestId = optional(str({ max: 64 }));
const modulePath = str({ max: 512 });
const webviewId = num({ integer: true, min: 0 });
const headers = record(str({ max: 8192 }), { maxKeys: 200 });
const sourceLocation = obj({ file: str({ max: 1024 }), line: num({ integer: true, min: 0 }), column: num({ integer: true, min: 0 }) });
const launchOptions = obj({ page: optional(modulePath), query: optional(str({ max: 4096 })), scene: optional(num({ integer: true, min: 0 })) });
const url = str({ max: 2048 });

const hello: Check<HelloMessage> = obj({
  type: literal('hello'),
  protocol: num({ integer: true, min: 0 }),
  token: str({ max: 256 }),
  device: obj({
    name: str({ min: 1, max: 128 }),
    kind: oneOf(['simulator', 'browser', 'native']),
    platform: optional(str({ max: 64 })),
    userAgent: optional(str({ max: 1024 })),
    runtimeVersion: optional(str({ max: 64 })),
    screen: optional(obj({ width: num({ min: 0, max: 100_000 }), height: num({ min: 0, max: 100_000 }), pixelRatio: num({ min: 0, max: 16 }) })),
  }),
});

const log: Check<LogMessage> = obj({
  type: literal('log'),
  level: oneOf(['debug', 'log', 'info', 'warn', 'error']),
  args: arr(json({ maxDepth: 32 }), { max: 100 }),
  source: optional(sourceLocation),
  time,
});

const error: Check<ErrorMessage> = obj({
  type: literal('error'),
  kind: oneOf(['script', 'render', 'load', 'unhandled-rejection', 'page-not-found', 'api']),
  message: str({ max: 16 * 1024 }),
  stack: optional(str({ max: 48 * 1024 })),
  source: optional(sourceLocation),
  time,
});

const lifecycle: Check<LifecycleMessage> = obj({
  type: literal('lifecycle'),
  scope: oneOf(['app', 'page', 'component']),
  path: modulePath,
  event: str({ max: 64 }),
  webviewId: optional(webviewId),
  time,
});

const appdata: Check<AppDataMessage> = obj({
  type: literal('appdata'),
  requestId,
  entries: arr(obj({ path: modulePath, webviewId, data: json() }), { max: 100 }),
});

const wxmlNode: Check<WxmlNode> = lazy(() =>
  obj({
    tag: str({ max: 128 }),
    attrs: optional(record(str({ max: 16 * 1024 }), { maxKeys: 500 })),
    text: optional(str({ max: 64 * 1024 })),
    children: optional(arr(wxmlNode, { max: 10_000 })),
  }),
);

const wxml: Check<WxmlMessage> = obj({ type: literal('wxml'), requestId, path: modulePath, webviewId, root: depthLimited(wxmlNode, 256) });

const storage: Check<StorageMessage> = obj({
  type: literal('storage'),
  requestId,
  op: oneOf(['snapshot', 'set', 'remove', 'clear']),
  entries: arr(obj({ key: str({ max: 1024 }), value: json() }), { max: 10_000 }),
});

const network: Check<NetworkMessage> = obj({
  type: literal('network'),
  id: str({ min: 1, max: 64 }),
  phase: oneOf(['request', 'response', 'fail']),
  api: oneOf(['request', 'uploadFile', 'downloadFile', 'connectSocket']),
  url,
  method: optional(str({ max: 16 })),
  status: optional(num({ integer: true, min: 0, max: 999 })),
  requestHeaders: optional(headers),
  responseHeaders: optional(headers),
  body: optional(str({ max: 128 * 1024 })),
  size: optional(num({ min: 0 })),
  errorMessage: optional(str({ max: 4096 })),
  duration: optional(num({ min: 0 })),
  time,
});

const status: Check<StatusMessage> = obj({
  type: literal('status'),
  requestId,
  ready: bool(),
  buildId: optional(str({ max: 128 })),
  pageStack: arr(str({ max: 4096 }), { max: 64 }),
});

/** Child indexes from the root of a page's WXML tree (highlight, inspect-node, picked). */
const nodePath = arr(num({ integer: true, min: 0, max: 100_000 }), { max: 256 });
const px = num();
const edges = obj({ top: px, right: px, bottom: px, left: px });

const nodeDetails: Check<NodeDetails> = obj({
  tag: str({ max: 128 }),
  attrs: record(str({ max: 16 * 1024 }), { maxKeys: 500 }),
  dataset: json({ maxDepth: 32 }),
  componentData: optional(json({ maxDepth: 32 })),
  box: optional(obj({ left: px, top: px, width: px, height: px, margin: edges, border: edges, padding: edges })),
  rules: arr(
    obj({
      selector: str({ max: 4096 }),
      source: optional(str({ max: 1024 })),
      declarations: arr(obj({ name: str({ max: 256 }), value: str({ max: 8192 }), important: optional(bool()), overridden: optional(bool()) }), { max: 1000 }),
    }),
    { max: 500 },
  ),
  computed: record(str({ max: 8192 }), { maxKeys: 1000 }),
});

const node: Check<NodeMessage> = obj({ type: literal('node'), requestId, webviewId, path: nodePath, node: optional(nodeDetails) });
const picked: Check<PickedMessage> = obj({ type: literal('picked'), webviewId: optional(webviewId), path: optional(nodePath) });

const deviceChecks: { readonly [K in DeviceMessageType]: Check<Extract<DeviceMessage, { type: K }>> } = {
  hello,
  log,
  error,
  lifecycle,
  appdata,
  wxml,
  storage,
  network,
  status,
  node,
  picked,
};

const diagnostic: Check<Diagnostic> = obj({
  file: str({ max: 1024 }),
  line: num({ integer: true, min: 0 }),
  column: num({ integer: true, min: 0 }),
  endLine: optional(num({ integer: true, min: 0 })),
  endColumn: optional(num({ integer: true, min: 0 })),
  severity: oneOf(['error', 'warning', 'info']),
  code: str({ max: 128 }),
  message: str({ max: 16 * 1024 }),
  hint: optional(str({ max: 4096 })),
});

const buildId = str({ min: 1, max: 128 });

/** setData paths: names joined by dots, with `[n]` array indexes (what glass-easel's setData understands). */
const DATA_PATH = /^[A-Za-z_$][\w$]*(?:\[\d{1,9}\]|\.[A-Za-z_$][\w$]*)*$/;

const setData: Check<SetDataMessage> = obj({
  type: literal('set-data'),
  webviewId,
  path: str({ min: 1, max: 1024, pattern: DATA_PATH }),
  value: json({ maxDepth: 64, maxNodes: 100_000 }),
  remove: optional(bool()),
});

const editStorage: Check<EditStorageMessage> = (value, path) => {
  const shape = obj({
    type: literal('edit-storage'),
    op: oneOf(['set', 'remove', 'clear']),
    key: optional(str({ min: 1, max: 1024 })),
    value: optional(json({ maxDepth: 64, maxNodes: 100_000 })),
  })(value, path);
  if (!shape.ok) return shape;
  const m = shape.value;
  if (m.op !== 'clear' && m.key === undefined) return err(`${path}.key: missing (needed for '${m.op}')`);
  if (m.op === 'set' && m.value === undefined) return err(`${path}.value: missing (needed for 'set')`);
  return ok(m);
};

const highlight: Check<HighlightMessage> = obj({ type: literal('highlight'), webviewId, path: optional(nodePath) });
const inspectNode: Check<InspectNodeMessage> = obj({ type: literal('inspect-node'), requestId: str({ max: 64 }), webviewId, path: nodePath });
const pick: Check<PickMessage> = obj({ type: literal('pick'), enabled: bool() });

/** Checks a highlight request from the workbench (untrusted) before it goes to a device. */
export function parseHighlight(value: unknown): Result<HighlightMessage, string> {
  return highlight(value, 'highlight');
}

/** Checks a node path from the workbench (untrusted): child indexes, at most 256 levels. */
export function parseNodePath(value: unknown): Result<readonly number[], string> {
  return nodePath(value, 'path');
}

const serverChecks: { readonly [K in ServerMessageType]: Check<Extract<ServerMessage, { type: K }>> } = {
  welcome: obj({ type: literal('welcome'), protocol: num({ integer: true }), deviceId: str({ max: 64 }), projectId: str({ max: 256 }), resumeToken: str({ max: 256 }) }) satisfies Check<WelcomeMessage>,
  load: obj({ type: literal('load'), buildId, manifestUrl: url, baseUrl: url, launch: optional(launchOptions) }) satisfies Check<LoadMessage>,
  update: obj({
    type: literal('update'),
    buildId,
    manifestUrl: url,
    baseUrl: url,
    action: oneOf(['hot', 'relaunch']),
    changes: arr(obj({ kind: oneOf(['template', 'style', 'script', 'json', 'asset']), path: str({ max: 1024 }), source: optional(str({ max: 1024 })) }), { max: 100_000 }),
  }) satisfies Check<UpdateMessage>,
  diagnostics: obj({ type: literal('diagnostics'), buildId: optional(buildId), diagnostics: arr(diagnostic, { max: 10_000 }) }) satisfies Check<DiagnosticsMessage>,
  navigate: obj({
    type: literal('navigate'),
    openType: oneOf(['navigateTo', 'redirectTo', 'switchTab', 'reLaunch', 'navigateBack']),
    url: optional(url),
    delta: optional(num({ integer: true, min: 1 })),
  }) satisfies Check<NavigateMessage>,
  relaunch: obj({ type: literal('relaunch'), launch: optional(launchOptions) }) satisfies Check<RelaunchMessage>,
  inspect: obj({ type: literal('inspect'), requestId: str({ max: 64 }), what: oneOf(['status', 'appdata', 'wxml', 'storage']) }) satisfies Check<InspectMessage>,
  'set-data': setData,
  'edit-storage': editStorage,
  highlight,
  'inspect-node': inspectNode,
  pick,
  refused: obj({
    type: literal('refused'),
    code: oneOf<RefusalCode>(['bad-json', 'too-big', 'unknown-type', 'invalid', 'hello-first', 'unauthorized', 'protocol-version', 'too-many-errors', 'rate-limited']),
    message: str({ max: 4096 }),
    inReplyTo: optional(str({ max: 64 })),
  }) satisfies Check<RefusedMessage>,
};

/** Why a message was not accepted: the refusal code to send back, a readable message, and the type if known. */
export interface Refusal {
  readonly code: RefusalCode;
  readonly message: string;
  readonly inReplyTo?: string;
}

/**
 * Parses one text frame from a device. `byteLength` is the frame's size in bytes (the socket knows it; pass
 * it to avoid re-encoding). Size is checked against the per-type limit before the fields are walked.
 */
export function parseDeviceMessage(text: string, byteLength: number): Result<DeviceMessage, Refusal> {
  const parsed = parseEnvelope(text);
  if (!parsed.ok) return parsed;
  const type = parsed.value.type;
  if (!Object.prototype.hasOwnProperty.call(deviceChecks, type)) {
    return err({ code: 'unknown-type', message: `unknown message type ${JSON.stringify(type.slice(0, 64))}; see docs/device-protocol.md`, inReplyTo: type.slice(0, 64) });
  }
  const known = type as DeviceMessageType;
  const limit = DEVICE_MESSAGE_LIMITS[known];
  if (byteLength > limit) {
    return err({ code: 'too-big', message: `'${known}' message of ${byteLength} bytes is over its limit of ${limit} bytes`, inReplyTo: known });
  }
  const checked = (deviceChecks[known] as Check<DeviceMessage>)(parsed.value, known);
  return checked.ok ? checked : err({ code: 'invalid', message: checked.error, inReplyTo: known });
}

/** Parses one text frame from the server (device side). */
export function parseServerMessage(text: string): Result<ServerMessage, Refusal> {
  const parsed = parseEnvelope(text);
  if (!parsed.ok) return parsed;
  const type = parsed.value.type;
  if (!Object.prototype.hasOwnProperty.call(serverChecks, type)) {
    return err({ code: 'unknown-type', message: `unknown server message type ${JSON.stringify(type.slice(0, 64))}`, inReplyTo: type.slice(0, 64) });
  }
  const checked = (serverChecks[type as ServerMessageType] as Check<ServerMessage>)(parsed.value, type);
  return checked.ok ? checked : err({ code: 'invalid', message: checked.error, inReplyTo: type });
}

/**
 * Checks an edit the IDE wants to send to a device (from the workbench, so untrusted): only `set-data` and
 * `edit-storage`, within `DEVICE_EDIT_LIMIT` bytes. The device checks it again with `parseServerMessage`.
 */
export function parseDeviceEdit(value: unknown): Result<DeviceEditMessage, string> {
  if (!isPlainObject(value)) return err('an edit must be an object with a "type"');
  // Shape first: its depth bound keeps JSON.stringify below from recursing into a hostile tree.
  const checked: Result<DeviceEditMessage, string> =
    value.type === 'set-data'
      ? setData(value, 'set-data')
      : value.type === 'edit-storage'
        ? editStorage(value, 'edit-storage')
        : err(`an edit must be of type set-data or edit-storage, not ${JSON.stringify(value.type)?.slice(0, 64)}`);
  if (!checked.ok) return checked;
  const bytes = new TextEncoder().encode(JSON.stringify(checked.value)).length;
  return bytes > DEVICE_EDIT_LIMIT ? err(`the edit is ${bytes} bytes, over the limit of ${DEVICE_EDIT_LIMIT} bytes`) : checked;
}

function parseEnvelope(text: string): Result<Record<string, unknown> & { type: string }, Refusal> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return err({ code: 'bad-json', message: `not JSON: ${e instanceof Error ? e.message : String(e)}` });
  }
  if (!isPlainObject(value)) return err({ code: 'invalid', message: 'a message must be a JSON object with a "type"' });
  if (typeof value.type !== 'string') return err({ code: 'invalid', message: 'message has no string "type" field' });
  return ok(value as Record<string, unknown> & { type: string });
}

/** Refuses trees nested deeper than `maxDepth` before the recursive check runs (stack safety). */
function depthLimited<T>(check: Check<T>, maxDepth: number): Check<T> {
  return (value, path) => {
    const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
    while (stack.length > 0) {
      const { node, depth } = stack.pop()!;
      if (depth > maxDepth) return err(`${path}: tree deeper than ${maxDepth} levels`);
      if (isPlainObject(node) && Array.isArray(node.children)) {
        for (const child of node.children) stack.push({ node: child, depth: depth + 1 });
      }
    }
    return check(value, path);
  };
}
