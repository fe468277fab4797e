import { createHash } from 'node:crypto';
import { networkInterfaces, tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { SimulatorUrlParams } from '../../shared/device-protocol';
import { simulatorUrl } from '../../shared/device-protocol';
import type { Result } from '../../shared/result';
import { ok } from '../../shared/result';
import { DeviceHub } from '../device/device-hub';
import type { DevServer, DevServerOptions } from './dev-server';
import { startDevServer } from './dev-server';
import type { LiveProject, LiveProjectOptions } from './live-project';
import { startLiveProject } from './live-project';

/**
 * The simulator-as-a-device, ready to use: one devserver + device hub, and any number of live projects on it.
 * The CLI (`ministudio serve`) and the IDE adapters (Electron, browser host) both start here.
 *
 *   const started = await startSimulatorService({ webRoot });
 *   const project = await started.value.openProject({ projectDir });
 *   iframe.src = project.simulatorUrl({ page: 'pages/index/index' });
 *   started.value.hub.onEvent((e) => …);   // console, AppData, WXML, storage, network panels
 */
export interface SimulatorService {
  readonly hub: DeviceHub;
  readonly server: DevServer;
  /** `http://<address devices should use>:<port>`: the LAN address when bound to every interface. */
  readonly publicOrigin: string;
  openProject(options: OpenProjectOptions): Promise<ProjectSession>;
  close(): Promise<void>;
}

export interface OpenProjectOptions {
  readonly projectDir: string;
  /** Package folder; by default one per project under the system temp folder. */
  readonly outDir?: string;
  readonly compiler?: LiveProjectOptions['compiler'];
  readonly onBuild?: LiveProjectOptions['onBuild'];
}

export interface ProjectSession {
  readonly projectId: string;
  readonly live: LiveProject;
  /**
   * The simulator page URL with a fresh token: `launch` (reusable while the service runs; the embedded
   * simulator and the CLI) or `pairing` (single-use, 5 minutes; for a phone scanning a QR code).
   */
  simulatorUrl(params?: Omit<SimulatorUrlParams, 'token'>, tokenKind?: 'launch' | 'pairing'): string;
  close(): Promise<void>;
}

export async function startSimulatorService(options: Omit<DevServerOptions, 'hub'> & { readonly hub?: DeviceHub }): Promise<Result<SimulatorService, string>> {
  const hub = options.hub ?? new DeviceHub();
  const started = await startDevServer({ ...options, hub });
  if (!started.ok) return started;
  const server = started.value;
  const publicOrigin = `http://${publicHost(server.host)}:${server.port}`;
  const sessions = new Map<string, ProjectSession>();

  const service: SimulatorService = {
    hub,
    server,
    publicOrigin,
    async openProject(open) {
      const projectDir = resolve(open.projectDir);
      const projectId = projectIdOf(projectDir);
      await sessions.get(projectId)?.close();
      const outDir = resolve(open.outDir ?? join(tmpdir(), 'ministudio-serve', `${basename(projectDir)}-${projectId}`));
      const live = await startLiveProject({ projectDir, outDir, projectId, server, hub, ...(open.compiler ? { compiler: open.compiler } : {}), ...(open.onBuild ? { onBuild: open.onBuild } : {}) });
      const session: ProjectSession = {
        projectId,
        live,
        simulatorUrl: (params = {}, tokenKind = 'launch') => simulatorUrl(publicOrigin, { ...params, token: hub.tokens.issue({ kind: tokenKind, projectId }) }),
        async close() {
          if (sessions.get(projectId) === session) sessions.delete(projectId);
          await live.close();
        },
      };
      sessions.set(projectId, session);
      return session;
    },
    async close() {
      for (const session of [...sessions.values()]) await session.close();
      await server.close();
    },
  };
  return ok(service);
}

/** Stable per project folder, so a reopened project keeps its package folder. */
export function projectIdOf(projectDir: string): string {
  return createHash('sha256').update(resolve(projectDir)).digest('hex').slice(0, 16);
}

/** The address devices should use: the bound one, or the first LAN IPv4 when bound to every interface. */
function publicHost(host: string): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  for (const addresses of Object.values(networkInterfaces())) {
    const lan = addresses?.find((a) => a.family === 'IPv4' && !a.internal);
    if (lan) return lan.address;
  }
  return '127.0.0.1';
}
