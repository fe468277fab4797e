import { randomBytes } from 'node:crypto';
import type {
  AppDataMessage,
  DeviceInfo,
  DeviceReport,
  DiagnosticsMessage,
  InspectTarget,
  LoadMessage,
  LogMessage,
  NodeMessage,
  ServerMessage,
  StatusMessage,
  StorageMessage,
  UpdateMessage,
  WxmlMessage,
} from '../../shared/device-protocol';
import { CLOSE_CODES, DEVICE_PROTOCOL_VERSION } from '../../shared/device-protocol';
import type { Refusal } from '../../shared/device-protocol-schema';
import type { Diagnostic } from '../../shared/diagnostic';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { TokenGrant } from './pairing-tokens';
import { PairingTokens } from './pairing-tokens';
import { RingBuffer } from './ring-buffer';
import type { DeviceTransport, SessionLimits, SessionOwner } from './device-session';
import { DeviceSession } from './device-session';

export interface ConnectedDevice {
  readonly id: string;
  readonly projectId: string;
  readonly info: DeviceInfo;
  readonly remoteAddress?: string;
  readonly connectedAt: number;
}

/** Everything that happens with devices, in order. Panels and the CLI subscribe with `onEvent`. */
export type HubEvent =
  | { readonly kind: 'connected'; readonly device: ConnectedDevice; readonly resumed: boolean }
  | { readonly kind: 'disconnected'; readonly device: ConnectedDevice; readonly code: number; readonly reason: string }
  | { readonly kind: 'message'; readonly device: ConnectedDevice; readonly message: DeviceReport }
  | { readonly kind: 'refused'; readonly device?: ConnectedDevice; readonly remoteAddress?: string; readonly refusal: Refusal };

export interface TimedLog {
  readonly receivedAt: number;
  readonly message: LogMessage;
}

export interface DeviceHubOptions {
  /** Console entries kept per device. */
  readonly logCapacity?: number;
  readonly helloTimeoutMs?: number;
  readonly maxRefusals?: number;
  /** Messages per second one device may send on average (default 2000), and its burst (default 5000). */
  readonly messagesPerSecond?: number;
  readonly messageBurst?: number;
  /** Disconnected devices whose log history is still kept. */
  readonly rememberedDevices?: number;
  readonly now?: () => number;
}

type InspectReply = { status: StatusMessage; appdata: AppDataMessage; wxml: WxmlMessage; storage: StorageMessage };

interface PendingInspect {
  /** The report type that answers (`inspect` is answered by its `what`, `inspect-node` by `node`). */
  readonly what: InspectTarget | 'node';
  readonly deviceId: string;
  settle(result: Result<DeviceReport, string>): void;
}

interface ProjectState {
  load?: LoadMessage;
  diagnostics?: DiagnosticsMessage;
}

/**
 * Keeps the connected devices, fans package loads and updates out to every device of a project, and streams
 * everything devices send to subscribers. Knows nothing about sockets: the devserver hands it transports.
 */
export class DeviceHub {
  readonly tokens: PairingTokens;
  private readonly sessions = new Map<string, DeviceSession>();
  private readonly devicesById = new Map<string, ConnectedDevice>();
  private readonly logs = new Map<string, RingBuffer<TimedLog>>();
  private readonly projects = new Map<string, ProjectState>();
  private readonly listeners = new Set<(event: HubEvent) => void>();
  private readonly pending = new Map<string, PendingInspect>();
  private readonly now: () => number;
  private readonly logCapacity: number;
  private readonly rememberedDevices: number;
  private readonly owner: SessionOwner;
  private readonly limits: SessionLimits;

  constructor(options: DeviceHubOptions = {}) {
    this.now = options.now ?? Date.now;
    this.tokens = new PairingTokens(this.now);
    this.logCapacity = options.logCapacity ?? 1000;
    this.rememberedDevices = options.rememberedDevices ?? 20;
    this.limits = {
      helloTimeoutMs: options.helloTimeoutMs ?? 10_000,
      maxRefusals: options.maxRefusals ?? 50,
      messagesPerSecond: options.messagesPerSecond ?? 2000,
      messageBurst: options.messageBurst ?? 5000,
      now: this.now,
    };
    this.owner = {
      authenticate: (token) => this.tokens.redeem(token),
      admit: (session, grant, info) => this.admit(session, grant, info),
      deliver: (session, message) => this.deliver(session, message),
      refused: (session, refusal) => {
        const device = session.deviceId === undefined ? undefined : this.devicesById.get(session.deviceId);
        this.emit({ kind: 'refused', device, remoteAddress: session.remoteAddress, refusal });
      },
      closed: (session, code, reason) => this.closed(session, code, reason),
    };
  }

  /** A new connection; feed it frames with `receive`, and tell it when the transport closes. */
  attach(transport: DeviceTransport, remoteAddress?: string): DeviceSession {
    return new DeviceSession(transport, this.owner, this.limits, remoteAddress);
  }

  /** Subscribe to device events; call the returned function to stop. */
  onEvent(listener: (event: HubEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Connected devices, of one project or all. */
  devices(projectId?: string): ConnectedDevice[] {
    const all = [...this.sessions.keys()].map((id) => this.devicesById.get(id)!);
    return projectId === undefined ? all : all.filter((d) => d.projectId === projectId);
  }

  /** Console history of a device (also after it disconnected, for the last few devices), oldest first. */
  recentLogs(deviceId: string): TimedLog[] {
    return this.logs.get(deviceId)?.toArray() ?? [];
  }

  /** A fresh build: remember it and tell every device of the project to load it. Returns how many were told. */
  load(projectId: string, load: Omit<LoadMessage, 'type'>): number {
    const message: LoadMessage = { type: 'load', ...load };
    this.project(projectId).load = message;
    return this.broadcast(projectId, message);
  }

  /** An incremental rebuild: devices hot-swap or relaunch. Later joiners get the newest package via `load`. */
  update(projectId: string, update: Omit<UpdateMessage, 'type'>): number {
    const state = this.project(projectId);
    if (state.load) state.load = { ...state.load, buildId: update.buildId, manifestUrl: update.manifestUrl, baseUrl: update.baseUrl };
    return this.broadcast(projectId, { type: 'update', ...update });
  }

  /** Compile problems of the newest build (an empty list clears the overlay); kept for devices joining later. */
  diagnostics(projectId: string, diagnostics: readonly Diagnostic[], buildId?: string): number {
    const message: DiagnosticsMessage = buildId === undefined ? { type: 'diagnostics', diagnostics } : { type: 'diagnostics', buildId, diagnostics };
    this.project(projectId).diagnostics = message;
    return this.broadcast(projectId, message);
  }

  /** Sends to every device of a project; returns how many. */
  broadcast(projectId: string, message: ServerMessage): number {
    let count = 0;
    for (const [id, session] of this.sessions) {
      if (this.devicesById.get(id)?.projectId !== projectId) continue;
      session.send(message);
      count++;
    }
    return count;
  }

  send(deviceId: string, message: ServerMessage): boolean {
    const session = this.sessions.get(deviceId);
    if (!session) return false;
    session.send(message);
    return true;
  }

  /** Asks a device for a snapshot and waits for its answer. */
  inspect<W extends InspectTarget>(deviceId: string, what: W, timeoutMs = 5000): Promise<Result<InspectReply[W], string>> {
    const session = this.sessions.get(deviceId);
    if (!session) return Promise.resolve(err(`device ${deviceId} is not connected`));
    const requestId = randomBytes(9).toString('base64url');
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(err(`device did not answer '${what}' within ${timeoutMs} ms`)), timeoutMs);
      const settle = (result: Result<DeviceReport, string>): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(result as Result<InspectReply[W], string>);
      };
      this.pending.set(requestId, { what, deviceId, settle });
      session.send({ type: 'inspect', requestId, what });
    });
  }

  /** Asks a device for the details of one WXML node (the WXML panel's selection) and waits for its answer. */
  inspectNode(deviceId: string, webviewId: number, path: readonly number[], timeoutMs = 5000): Promise<Result<NodeMessage, string>> {
    const session = this.sessions.get(deviceId);
    if (!session) return Promise.resolve(err(`device ${deviceId} is not connected`));
    const requestId = randomBytes(9).toString('base64url');
    return new Promise((resolve) => {
      const timer = setTimeout(() => settle(err(`device did not answer 'inspect-node' within ${timeoutMs} ms`)), timeoutMs);
      const settle = (result: Result<DeviceReport, string>): void => {
        clearTimeout(timer);
        this.pending.delete(requestId);
        resolve(result as Result<NodeMessage, string>);
      };
      this.pending.set(requestId, { what: 'node', deviceId, settle });
      session.send({ type: 'inspect-node', requestId, webviewId, path });
    });
  }

  /** Drops one device's connection (it may reconnect with its resume token). */
  disconnect(deviceId: string, reason = 'disconnected by the IDE'): boolean {
    const session = this.sessions.get(deviceId);
    session?.close(CLOSE_CODES.serverClosing, reason);
    return session !== undefined;
  }

  /** Forgets a project: its devices are disconnected and its tokens revoked. */
  closeProject(projectId: string): void {
    for (const device of this.devices(projectId)) this.sessions.get(device.id)?.close(CLOSE_CODES.serverClosing, 'project closed');
    this.tokens.revokeProject(projectId);
    this.projects.delete(projectId);
  }

  /** Disconnects every device (server shutting down). */
  closeAll(): void {
    for (const session of [...this.sessions.values()]) session.close(CLOSE_CODES.serverClosing, 'server closing');
  }

  private admit(session: DeviceSession, grant: TokenGrant, info: DeviceInfo): void {
    const resumed = grant.kind === 'resume' && grant.deviceId !== undefined;
    const id = resumed ? grant.deviceId! : randomBytes(6).toString('hex');
    this.sessions.get(id)?.close(CLOSE_CODES.serverClosing, 'replaced by a newer connection of the same device');
    session.deviceId = id;
    const device: ConnectedDevice = { id, projectId: grant.projectId, info, remoteAddress: session.remoteAddress, connectedAt: this.now() };
    this.sessions.set(id, session);
    this.devicesById.set(id, device);
    if (!this.logs.has(id)) this.logs.set(id, new RingBuffer(this.logCapacity));
    this.tokens.revokeDevice(id);
    const resumeToken = this.tokens.issue({ kind: 'resume', projectId: grant.projectId, deviceId: id });
    session.send({ type: 'welcome', protocol: DEVICE_PROTOCOL_VERSION, deviceId: id, projectId: grant.projectId, resumeToken });
    const state = this.projects.get(grant.projectId);
    if (state?.load) session.send(state.load);
    // Also when empty: a device that was away while the errors got fixed must drop its overlay.
    if (state?.diagnostics) session.send(state.diagnostics);
    this.emit({ kind: 'connected', device, resumed });
  }

  private deliver(session: DeviceSession, message: DeviceReport): void {
    const device = this.devicesById.get(session.deviceId!)!;
    if (message.type === 'log') this.logs.get(device.id)?.push({ receivedAt: this.now(), message });
    if ('requestId' in message && message.requestId !== undefined) {
      const pending = this.pending.get(message.requestId);
      if (pending && pending.deviceId === device.id && pending.what === message.type) pending.settle(ok(message));
    }
    this.emit({ kind: 'message', device, message });
  }

  private closed(session: DeviceSession, code: number, reason: string): void {
    const id = session.deviceId;
    if (id === undefined || this.sessions.get(id) !== session) return;
    this.sessions.delete(id);
    const device = this.devicesById.get(id)!;
    for (const pending of [...this.pending.values()]) {
      if (pending.deviceId === id) pending.settle(err('device disconnected before answering'));
    }
    this.forgetOldDevices();
    this.emit({ kind: 'disconnected', device, code, reason });
  }

  /** Keeps the log history of at most `rememberedDevices` disconnected devices. */
  private forgetOldDevices(): void {
    const gone = [...this.devicesById.keys()].filter((id) => !this.sessions.has(id));
    for (const id of gone.slice(0, Math.max(0, gone.length - this.rememberedDevices))) {
      this.devicesById.delete(id);
      this.logs.delete(id);
    }
  }

  private project(projectId: string): ProjectState {
    let state = this.projects.get(projectId);
    if (!state) this.projects.set(projectId, (state = {}));
    return state;
  }

  private emit(event: HubEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken panel must not stop the others (or the hub) from hearing about devices.
        console.error('device hub listener failed:', error);
      }
    }
  }
}
