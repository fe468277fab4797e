/**
 * The device side of the device protocol (docs/device-protocol.md) over one WebSocket, with reconnects.
 * Pure browser TypeScript (WebSocket, setTimeout, optional sessionStorage); any socket with the WebSocket
 * shape can be plugged in (tests use the `ws` package in Node).
 *
 *   const link = connectDeviceLink({ token, device: { name: 'iPhone 12', kind: 'simulator' } });
 *   link.onLoad((m) => …);  link.onUpdate((m) => …);  link.onDiagnostics(…);  link.onNavigate(…);
 *   link.onRelaunch(…);  link.onInspect((request) => link.send({ type: 'status', requestId: request.requestId, … }));
 *   link.send({ type: 'log', level: 'log', args: ['hi'] });   // queued while offline, sent after hello
 *   link.close();
 *
 * Reconnects with exponential backoff (250 ms doubling to 10 s, with jitter). After the first welcome it
 * reconnects with the single-use resume token the server handed out (also kept in sessionStorage so a page
 * reload stays the same device). A `load` whose buildId is the one already running is not repeated.
 */
import type {
  DeviceInfo,
  DeviceReport,
  DiagnosticsMessage,
  EditStorageMessage,
  HighlightMessage,
  InspectMessage,
  InspectNodeMessage,
  PickMessage,
  LoadMessage,
  NavigateMessage,
  RefusedMessage,
  RelaunchMessage,
  ServerMessage,
  SetDataMessage,
  UpdateMessage,
} from '../../shared/device-protocol';
import { DEVICE_MESSAGE_LIMITS, DEVICE_PROTOCOL_VERSION, DEVICE_SOCKET_PATH, FATAL_REFUSALS } from '../../shared/device-protocol';
import { parseServerMessage } from '../../shared/device-protocol-schema';

/** The part of the browser WebSocket the link uses. */
export interface WebSocketLike {
  readonly readyState: number;
  send(text: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: unknown) => void) | null;
}

export interface DeviceLinkOptions {
  /** From the page URL (`?token=`): a launch or pairing token. */
  readonly token: string;
  readonly device: DeviceInfo;
  /** `ws://host:port/device`; by default this page's own server. */
  readonly url?: string;
  readonly createSocket?: (url: string) => WebSocketLike;
  /** Where the resume token survives a page reload; null to keep it in memory only. */
  readonly storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Reports kept while offline; the oldest are dropped beyond it. */
  readonly queueLimit?: number;
}

export type LinkState =
  | { readonly kind: 'connecting'; readonly attempt: number }
  | { readonly kind: 'open'; readonly deviceId: string; readonly projectId: string }
  | { readonly kind: 'waiting'; readonly attempt: number; readonly retryInMs: number }
  /** The server refused us for good (bad token, wrong protocol); no more retries. */
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'closed' };

export type SendResult = 'sent' | 'queued' | 'too-big' | 'closed';

export interface DeviceLink {
  onLoad(listener: (message: LoadMessage) => void): () => void;
  onUpdate(listener: (message: UpdateMessage) => void): () => void;
  onDiagnostics(listener: (message: DiagnosticsMessage) => void): () => void;
  onNavigate(listener: (message: NavigateMessage) => void): () => void;
  onRelaunch(listener: (message: RelaunchMessage) => void): () => void;
  onInspect(listener: (message: InspectMessage) => void): () => void;
  onSetData(listener: (message: SetDataMessage) => void): () => void;
  onEditStorage(listener: (message: EditStorageMessage) => void): () => void;
  onHighlight(listener: (message: HighlightMessage) => void): () => void;
  onInspectNode(listener: (message: InspectNodeMessage) => void): () => void;
  onPick(listener: (message: PickMessage) => void): () => void;
  onRefused(listener: (message: RefusedMessage) => void): () => void;
  onState(listener: (state: LinkState) => void): () => void;
  /** Sends a report (queued until the link is open); refuses one over its protocol size limit. */
  send(report: DeviceReport): SendResult;
  state(): LinkState;
  close(): void;
}

const OPEN = 1;
const RESUME_KEY = 'ministudio.device-link.resume.';

type Listeners = { [K in ServerMessage['type']]: Set<(message: Extract<ServerMessage, { type: K }>) => void> };

export function connectDeviceLink(options: DeviceLinkOptions): DeviceLink {
  const url = options.url ?? defaultSocketUrl();
  const createSocket = options.createSocket ?? ((u: string) => new WebSocket(u) as unknown as WebSocketLike);
  const storage = options.storage === undefined ? sessionStorageOrNull() : options.storage;
  const { initialMs, maxMs } = options.backoff ?? { initialMs: 250, maxMs: 10_000 };
  const queueLimit = options.queueLimit ?? 500;
  const resumeKey = RESUME_KEY + options.token;
  const encoder = new TextEncoder();

  const listeners: Listeners = {
    welcome: new Set(), load: new Set(), update: new Set(), diagnostics: new Set(),
    navigate: new Set(), relaunch: new Set(), inspect: new Set(), refused: new Set(),
    'set-data': new Set(), 'edit-storage': new Set(), highlight: new Set(),
    'inspect-node': new Set(), pick: new Set(),
  };
  const stateListeners = new Set<(state: LinkState) => void>();
  const queue: string[] = [];
  let current: LinkState = { kind: 'connecting', attempt: 1 };
  let socket: WebSocketLike | undefined;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let runningBuildId: string | undefined;
  let resumeToken: string | undefined = storage?.getItem(resumeKey) ?? undefined;
  let usingResume = false;
  let stopped = false;

  const setState = (next: LinkState): void => {
    current = next;
    for (const listener of [...stateListeners]) listener(next);
  };

  const emit = <K extends ServerMessage['type']>(message: Extract<ServerMessage, { type: K }>): void => {
    for (const listener of [...(listeners[message.type as K] as Set<(m: typeof message) => void>)]) {
      try {
        listener(message);
      } catch (error) {
        console.error(`[device-link] '${message.type}' listener failed:`, error);
      }
    }
  };

  const connect = (): void => {
    if (stopped) return;
    attempt++;
    setState({ kind: 'connecting', attempt });
    let ws: WebSocketLike;
    try {
      ws = createSocket(url);
    } catch (error) {
      scheduleRetry();
      console.warn(`[device-link] cannot open ${url}:`, error);
      return;
    }
    socket = ws;
    usingResume = resumeToken !== undefined;
    ws.onopen = () => {
      ws.send(JSON.stringify({ type: 'hello', protocol: DEVICE_PROTOCOL_VERSION, token: resumeToken ?? options.token, device: options.device }));
    };
    ws.onmessage = (event) => {
      if (typeof event.data !== 'string') return;
      const parsed = parseServerMessage(event.data);
      if (!parsed.ok) {
        console.warn(`[device-link] ignored a server message: ${parsed.error.message}`);
        return;
      }
      receive(ws, parsed.value);
    };
    ws.onerror = () => undefined;
    ws.onclose = () => {
      if (socket !== ws) return;
      socket = undefined;
      if (!stopped && current.kind !== 'failed') scheduleRetry();
    };
  };

  const receive = (ws: WebSocketLike, message: ServerMessage): void => {
    switch (message.type) {
      case 'welcome':
        attempt = 0;
        resumeToken = message.resumeToken;
        storage?.setItem(resumeKey, message.resumeToken);
        setState({ kind: 'open', deviceId: message.deviceId, projectId: message.projectId });
        for (const text of queue.splice(0)) ws.send(text);
        break;
      case 'load':
        if (message.buildId === runningBuildId) return;
        runningBuildId = message.buildId;
        break;
      case 'update':
        runningBuildId = message.buildId;
        break;
      case 'refused':
        if (message.code === 'unauthorized' && usingResume) {
          // The resume token is stale (expired, or the server restarted): try the page's own token once.
          resumeToken = undefined;
          storage?.removeItem(resumeKey);
          attempt = 0;
          return;
        }
        if (FATAL_REFUSALS.includes(message.code)) {
          setState({ kind: 'failed', reason: message.message });
          ws.close();
        }
        break;
      default:
        break;
    }
    emit(message);
  };

  const scheduleRetry = (): void => {
    const base = Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
    const retryInMs = Math.round(base * (0.8 + Math.random() * 0.4));
    setState({ kind: 'waiting', attempt, retryInMs });
    retryTimer = setTimeout(connect, retryInMs);
  };

  const subscribe = <K extends ServerMessage['type']>(type: K, listener: (message: Extract<ServerMessage, { type: K }>) => void) => {
    listeners[type].add(listener);
    return () => void listeners[type].delete(listener);
  };

  connect();

  return {
    onLoad: (l) => subscribe('load', l),
    onUpdate: (l) => subscribe('update', l),
    onDiagnostics: (l) => subscribe('diagnostics', l),
    onNavigate: (l) => subscribe('navigate', l),
    onRelaunch: (l) => subscribe('relaunch', l),
    onInspect: (l) => subscribe('inspect', l),
    onSetData: (l) => subscribe('set-data', l),
    onEditStorage: (l) => subscribe('edit-storage', l),
    onHighlight: (l) => subscribe('highlight', l),
    onInspectNode: (l) => subscribe('inspect-node', l),
    onPick: (l) => subscribe('pick', l),
    onRefused: (l) => subscribe('refused', l),
    onState(listener) {
      stateListeners.add(listener);
      return () => void stateListeners.delete(listener);
    },
    send(report) {
      if (stopped || current.kind === 'failed') return 'closed';
      const text = JSON.stringify(report);
      if (encoder.encode(text).length > DEVICE_MESSAGE_LIMITS[report.type]) return 'too-big';
      if (current.kind === 'open' && socket?.readyState === OPEN) {
        socket.send(text);
        return 'sent';
      }
      queue.push(text);
      if (queue.length > queueLimit) queue.splice(0, queue.length - queueLimit);
      return 'queued';
    },
    state: () => current,
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      const ws = socket;
      socket = undefined;
      ws?.close(1000, 'device closed');
      setState({ kind: 'closed' });
    },
  };
}

function defaultSocketUrl(): string {
  return `${location.protocol === 'https:' ? 'wss:' : 'ws:'}//${location.host}${DEVICE_SOCKET_PATH}`;
}

function sessionStorageOrNull(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // Storage can throw in sandboxed frames.
  }
}
