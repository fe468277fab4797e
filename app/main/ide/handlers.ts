import { join } from 'node:path';
import {
  isRequestChannel,
  UserFacingError,
  type AppInfo,
  type ContractError,
  type EventChannels,
  type EventChannel,
  type RequestChannel,
  type RequestOf,
  type ResponseOf,
} from '../../shared/contract';
import { requestValidators } from '../../shared/contract-validation';
import { err, ok, type Result } from '../../shared/result';
import { resourcesDir } from '../app-root';
import type { ProjectService } from '../project/project-service';
import { completeFolder, createFromTemplate, listTemplates } from '../project/templates';
import { editorJsonSchemas } from './editor-json-schemas';
import type { LiveSession } from './live-session';

export interface IdeServices {
  readonly project: ProjectService;
  /** Compiler + devserver + device hub for the open project; absent where no simulator is wanted (some tests). */
  readonly live?: LiveSession;
  readonly appInfo: () => AppInfo;
  /** A native folder picker (Electron); absent in the browser host, where the path field completes instead. */
  readonly pickFolder?: () => Promise<string | null>;
  /** Opens Chromium DevTools on the embedded simulator (Electron); absent in the browser host. */
  readonly openSimulatorDevTools?: (at: { readonly x?: number; readonly y?: number }) => Promise<boolean>;
}

/** Why the browser host has no "Open DevTools" of its own: the browser's DevTools already reach the simulator. */
export const BROWSER_DEVTOOLS_HINT =
  "In the browser, use the browser's own DevTools (F12 or Ctrl+Shift+I; Cmd+Option+I on macOS): the simulator is the iframe of the simulator pane, its pages are the frames inside it, and the mini-program's JavaScript runs in the worker listed in DevTools' context menu.";

function requireLive(services: IdeServices): LiveSession {
  if (!services.live) throw new UserFacingError('no-simulator', 'The simulator is not available in this window.');
  return services.live;
}

export type RequestHandlers = { readonly [C in RequestChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> };

/** Maps every contract request to the service that answers it. Shared by the Electron router and the browser host. */
export function createRequestHandlers(services: IdeServices): RequestHandlers {
  const { project } = services;
  return {
    'app:info': async () => services.appInfo(),
    'project:open': ({ root }) => project.open(root),
    'project:current': async () => project.currentProject(),
    'project:list-files': () => project.listFiles(),
    'project:read-file': ({ path }) => project.readFile(path),
    'project:write-file': ({ path, content }) => project.writeFile(path, content),
    'project:recent': () => project.recent(),
    'project:search': (options) => project.search(options),
    'project:templates': () => listTemplates(join(resourcesDir(), 'templates')),
    'project:create-from-template': async ({ template, parentDir, name }) => project.open(await createFromTemplate(join(resourcesDir(), 'templates'), template, parentDir, name)),
    'fs:complete-folder': ({ prefix }) => completeFolder(prefix),
    'dialog:pick-folder': async () => {
      if (!services.pickFolder) throw new UserFacingError('not-available', 'There is no native folder picker in the browser; type the path instead.');
      return services.pickFolder();
    },
    'project:create-file': ({ path, content }) => project.createFile(path, content),
    'project:create-folder': ({ path }) => project.createFolder(path),
    'project:rename': ({ from, to }) => project.renamePath(from, to),
    'project:delete': ({ path }) => project.deletePath(path),
    'project:new-page': ({ path, kind }) => project.newPage(path, kind),
    'compiler:json-schemas': async () => editorJsonSchemas(),
    'compiler:build-npm': () => requireLive(services).buildNpm(),
    'device:recent-logs': async ({ deviceId }) => services.live?.recentLogs(deviceId) ?? [],
    'compiler:latest': async () => services.live?.latest() ?? null,
    'simulator:url': async (request) =>
      (await services.live?.simulatorInfo(request ?? {})) ?? { url: null, origin: null, error: 'The simulator is not available in this window.' },
    'simulator:relaunch': async (launch) => ({ devices: requireLive(services).relaunch(launch ?? {}) }),
    'simulator:navigate': async (request) => ({ devices: requireLive(services).navigate(request) }),
    'device:list': async () => services.live?.devices() ?? [],
    'device:inspect': ({ deviceId, what }) => requireLive(services).inspect(deviceId, what),
    'device:edit': async ({ deviceId, edit }) => ({ sent: requireLive(services).edit(deviceId, edit) }),
    'device:highlight': async ({ deviceId, highlight }) => ({ sent: requireLive(services).edit(deviceId, highlight) }),
    'device:inspect-node': ({ deviceId, webviewId, path }) => requireLive(services).inspectNode(deviceId, webviewId, path),
    'device:pick': async ({ deviceId, enabled }) => ({ sent: requireLive(services).edit(deviceId, { type: 'pick', enabled }) }),
    'simulator:open-devtools': async (at) => {
      if (!services.openSimulatorDevTools) throw new UserFacingError('not-available', BROWSER_DEVTOOLS_HINT);
      return { opened: await services.openSimulatorDevTools(at ?? {}) };
    },
  };
}

/** Forwards every service event to `emit`; returns the disposer. */
export function forwardEvents(services: IdeServices, emit: <C extends EventChannel>(channel: C, payload: EventChannels[C]) => void): () => void {
  const disposers = [
    services.project.onDidChangeFiles((changes) => emit('project:did-change-files', { changes })),
    services.project.onDidOpen((info) => emit('project:did-open', info)),
  ];
  if (services.live) {
    disposers.push(
      services.live.subscribe({
        buildStarted: (startedAt) => emit('compiler:did-start', { startedAt }),
        buildFinished: (summary) => emit('compiler:did-finish', summary),
        deviceConnected: (device) => emit('device:did-connect', device),
        deviceDisconnected: (device) => emit('device:did-disconnect', device),
        deviceReported: (event) => emit('device:did-report', event),
      }),
    );
  }
  return () => disposers.forEach((dispose) => dispose());
}

/**
 * Runs one request from an untrusted adapter: checks the channel against the allowlist and the payload's shape,
 * and turns any failure into a ContractError (user-facing message, never a stack trace).
 */
export async function dispatchRequest(handlers: RequestHandlers, channel: unknown, payload: unknown): Promise<Result<unknown, ContractError>> {
  if (!isRequestChannel(channel)) return err({ code: 'unknown-channel', message: `Unknown channel: ${String(channel).slice(0, 100)}` });
  const valid = requestValidators[channel](payload);
  if (!valid.ok) return err({ code: 'bad-request', message: `Bad request for ${channel}: ${valid.error}` });
  try {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    return ok(await handler(valid.value));
  } catch (error) {
    if (error instanceof UserFacingError) return err({ code: error.code, message: error.message });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return err({ code: 'not-found', message: (error as Error).message });
    if (code === 'EACCES' || code === 'EPERM') return err({ code: 'permission-denied', message: (error as Error).message });
    console.error(`[ide] ${channel} failed:`, error);
    return err({ code: 'internal', message: `${channel} failed: ${(error as Error).message ?? String(error)}` });
  }
}
