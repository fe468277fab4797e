import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { UserFacingError, type BuildSummary, type DeviceReportEvent, type DeviceSummary, type SimulatorInfo, type SimulatorUrlRequest } from '../../shared/contract';
import type { DeviceEditMessage, DeviceReport, HighlightMessage, InspectTarget, LaunchOptions, NavigateMessage, NodeMessage, PickMessage } from '../../shared/device-protocol';
import { buildNpm } from '../compiler/npm/index';
import { DeviceHub, type ConnectedDevice } from '../device/device-hub';
import type { BuildReport } from '../devserver/live-project';
import { projectIdOf, startSimulatorService, type ProjectSession, type SimulatorService } from '../devserver/simulator-service';

export interface LiveSessionListeners {
  buildStarted(startedAt: number): void;
  buildFinished(summary: BuildSummary): void;
  deviceConnected(device: DeviceSummary): void;
  deviceDisconnected(device: DeviceSummary): void;
  deviceReported(event: DeviceReportEvent): void;
}

export interface LiveSessionOptions {
  /** The built web runtime (out/web), which the devserver serves the simulator from. */
  readonly webRoot: string;
}

const summaryOf = (device: ConnectedDevice): DeviceSummary => ({ id: device.id, name: device.info.name, kind: device.info.kind, connectedAt: device.connectedAt });

/**
 * The edit loop of the open project: a devserver + device hub on loopback, and the compiler watching the project.
 * Every save rebuilds and hot-updates the embedded simulator; everything devices report flows to the workbench.
 */
export class LiveSession {
  private readonly hub = new DeviceHub();
  private service: SimulatorService | null = null;
  private session: ProjectSession | null = null;
  private projectId = '';
  private latestBuild: BuildSummary | null = null;
  private startError: string | null = null;
  private readonly listeners = new Set<LiveSessionListeners>();
  private disposeHub: (() => void) | null = null;
  private starting: Promise<void> = Promise.resolve();
  private projectDir = '';

  constructor(private readonly options: LiveSessionOptions) {}

  /** Starts (or restarts) the session on a project. Failures are kept and reported through `simulatorInfo`. */
  start(projectDir: string): Promise<void> {
    const previous = this.starting;
    this.starting = previous.then(() => this.startNow(projectDir));
    return this.starting;
  }

  private async startNow(projectDir: string): Promise<void> {
    await this.stop();
    this.projectDir = projectDir;
    this.projectId = projectIdOf(projectDir);
    this.startError = null;
    if (!this.service) {
      // The same devserver + device hub + live project that `ministudio serve` runs (devserver/simulator-service.ts).
      const started = await startSimulatorService({ hub: this.hub, webRoot: this.options.webRoot });
      if (!started.ok) {
        this.startError = started.error;
        return;
      }
      this.service = started.value;
      this.disposeHub = this.hub.onEvent((event) => {
        if (event.kind === 'connected') this.emit((l) => l.deviceConnected(summaryOf(event.device)));
        else if (event.kind === 'disconnected') this.emit((l) => l.deviceDisconnected(summaryOf(event.device)));
        else if (event.kind === 'message') this.emit((l) => l.deviceReported({ deviceId: event.device.id, receivedAt: Date.now(), message: event.message }));
      });
    }
    const outDir = join(tmpdir(), 'ministudio-ide', `${basename(projectDir)}-${this.projectId}`);
    this.emit((l) => l.buildStarted(Date.now()));
    this.session = await this.service.openProject({
      projectDir,
      outDir,
      compiler: { zips: false, devTemplates: true },
      onBuild: (report) => this.onBuild(report),
    });
  }

  private onBuild(report: BuildReport): void {
    const { result } = report;
    this.latestBuild = {
      ok: result.ok,
      durationMs: Math.round(result.durationMs),
      diagnostics: result.diagnostics,
      buildId: result.manifest?.buildId,
      finishedAt: Date.now(),
      sent: report.sent,
    };
    const summary = this.latestBuild;
    this.emit((l) => l.buildFinished(summary));
  }

  latest(): BuildSummary | null {
    return this.latestBuild;
  }

  async simulatorInfo(request: SimulatorUrlRequest): Promise<SimulatorInfo> {
    await this.starting.catch(() => undefined);
    if (!this.service || !this.session) return { url: null, origin: this.service?.server.origin ?? null, error: this.startError ?? 'No project is open.' };
    return { url: this.session.simulatorUrl(request, 'launch'), origin: this.service.server.origin };
  }

  relaunch(launch: LaunchOptions): number {
    return this.hub.broadcast(this.projectId, Object.keys(launch).length ? { type: 'relaunch', launch } : { type: 'relaunch' });
  }

  navigate(request: Omit<NavigateMessage, 'type'>): number {
    return this.hub.broadcast(this.projectId, { type: 'navigate', ...request });
  }

  devices(): DeviceSummary[] {
    return this.hub.devices(this.projectId).map(summaryOf);
  }

  async inspect(deviceId: string, what: InspectTarget): Promise<DeviceReport> {
    this.requireDevice(deviceId);
    const answer = await this.hub.inspect(deviceId, what);
    if (!answer.ok) throw new UserFacingError('device-no-answer', answer.error);
    return answer.value;
  }

  async inspectNode(deviceId: string, webviewId: number, path: readonly number[]): Promise<NodeMessage> {
    this.requireDevice(deviceId);
    const answer = await this.hub.inspectNode(deviceId, webviewId, path);
    if (!answer.ok) throw new UserFacingError('device-no-answer', answer.error);
    return answer.value;
  }

  /** Sends a validated edit or inspector command (contract-validation checked it) to one device of this project. */
  edit(deviceId: string, edit: DeviceEditMessage | HighlightMessage | PickMessage): boolean {
    this.requireDevice(deviceId);
    return this.hub.send(deviceId, edit);
  }

  private requireDevice(deviceId: string): void {
    if (!this.hub.devices(this.projectId).some((d) => d.id === deviceId)) throw new UserFacingError('device-not-found', `Device ${deviceId} is not connected.`);
  }

  /** Console history of a device, for a workbench window that (re)connects after the device did. */
  recentLogs(deviceId: string): DeviceReportEvent[] {
    return this.hub.recentLogs(deviceId).map((entry) => ({ deviceId, receivedAt: entry.receivedAt, message: entry.message }));
  }

  /** "Build npm": node_modules → miniprogram_npm; the compiler's watcher then rebuilds with the new packages. */
  async buildNpm(): Promise<{ packages: number; durationMs: number; diagnostics: BuildSummary['diagnostics'] }> {
    if (!this.projectDir) throw new UserFacingError('no-project', 'No project is open.');
    const started = Date.now();
    const result = await buildNpm(this.projectDir);
    const packages = result.targets.reduce((sum, target) => sum + target.packages.length, 0);
    return { packages, durationMs: Date.now() - started, diagnostics: result.diagnostics };
  }

  /** Subscribes to builds and device traffic; returns the disposer. */
  subscribe(listener: LiveSessionListeners): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    const session = this.session;
    this.session = null;
    this.latestBuild = null;
    await session?.close();
  }

  async close(): Promise<void> {
    await this.stop();
    this.disposeHub?.();
    this.disposeHub = null;
    await this.service?.close();
    this.service = null;
  }

  private emit(call: (listener: LiveSessionListeners) => void): void {
    for (const listener of [...this.listeners]) call(listener);
  }
}
