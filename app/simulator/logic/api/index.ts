/**
 * Every API family merged onto the runtime's `wx` (and so `ft`): the families replace the runtime's simpler
 * versions of the same names, and each API the support table lists as unsupported and nobody implements
 * fails with a message that says so instead of being `undefined`.
 */
import { APIS } from '../../support/apis';
import type { WxHost } from '../wx-api';
import { ApiFailure } from '../wx-callbacks';
import { createActionSheetApi } from './action-sheet';
import { createAdsApi } from './ads';
import { apiMaker } from './api-maker';
import { createAnimationApi } from './animation';
import { createAppEventsApi } from './app-events';
import { createAudioApi } from './audio';
import { createBaseApi } from './base';
import { createCanvasApi } from './canvas';
import { createCloudApi } from './cloud';
import { createDeviceApi } from './device';
import { createFileSystemApi } from './file-system';
import { FileUrls, useFileUrls } from './file-urls';
import { HostUi } from './host-ui';
import { createImageInfoApi } from './image-info';
import { createLocationApi } from './location';
import { createManagersApi } from './managers';
import { createMediaChooserApi } from './media-chooser';
import { createMediaPreviewApi } from './media-preview';
import { directTransport, proxyVia, type NetworkTransport } from './network-transport';
import { createOpenApi } from './open-api';
import { createModalApi } from './modal';
import { createPageChromeApi } from './page-chrome';
import { createPlatformApi } from './platform';
import { createRequestApi } from './request';
import { listenForSimulateMessages, SimulatedDevice } from './simulated-device';
import { createSocketApi } from './socket';
import { createStorageApi } from './storage';
import { createTransferApi } from './transfer';
import { persistFileSystem } from './fs-persistence';
import { VirtualFs } from './virtual-fs';

export interface ApiFamiliesOptions {
  /** Where host messages and uncaught errors arrive; the Worker's global scope unless given (undefined: none). */
  readonly scope?: EventTarget;
  readonly transport?: NetworkTransport;
  readonly device?: SimulatedDevice;
  readonly fs?: VirtualFs;
}

export function createApiFamilies(host: WxHost, options: ApiFamiliesOptions = {}): Record<string, unknown> {
  const api = apiMaker(host);
  const scope = 'scope' in options ? options.scope : workerScope();
  const device = options.device ?? new SimulatedDevice();
  const fs = options.fs ?? persistedFs(host);
  // A runtime served by a devserver with the network proxy says where it is; otherwise requests go straight out.
  const proxyOrigin = (host as WxHost & { readonly networkProxyOrigin?: string }).networkProxyOrigin;
  const transport = options.transport ?? (proxyOrigin ? proxyVia(proxyOrigin) : directTransport());
  listenForSimulateMessages(scope, device);
  const ui = new HostUi(host, scope);
  const fileUrls = new FileUrls(fs);
  useFileUrls(fileUrls);
  return {
    ...createBaseApi(host, api),
    ...createStorageApi(host, api),
    ...createAnimationApi(),
    ...createFileSystemApi(fs, api),
    ...createAppEventsApi(host, scope),
    ...createLocationApi(host, api, device),
    ...createDeviceApi(host, api, device),
    ...createOpenApi(host, api),
    ...createCloudApi(host, api),
    ...createManagersApi(host),
    ...createAdsApi(host),
    ...createRequestApi(host, api, transport),
    ...createTransferApi(host, api, transport, fs),
    ...createSocketApi(host, api, transport),
    ...createImageInfoApi(host, api, transport, fs),
    ...createPlatformApi(host, api),
    ...createCanvasApi(host, api, fs),
    ...createAudioApi(host, scope),
    ...createActionSheetApi(ui, api),
    ...createMediaChooserApi(host, ui, api, fs),
    ...createMediaPreviewApi(host, ui, api, fileUrls),
    ...createPageChromeApi(ui, api),
    ...createModalApi(host, ui, api),
  };
}

/** The runtime's `wx` with the families on top and clear failures for the unsupported rest. */
export function withApiFamilies(host: WxHost, runtimeWx: Record<string, unknown>, options: ApiFamiliesOptions = {}): Record<string, unknown> {
  const wx: Record<string, unknown> = { ...runtimeWx, ...createApiFamilies(host, options) };
  const api = apiMaker(host);
  const warned = new Set<string>();
  for (const entry of APIS) {
    if (entry.status !== 'unsupported' || entry.name in wx) continue;
    const message = `${entry.name}:fail not supported in the Mini Studio simulator${entry.note ? `: ${entry.note}` : ''}`;
    const warn = () => {
      if (warned.has(entry.name)) return;
      warned.add(entry.name);
      host.post({ kind: 'log', level: 'warn', args: [`wx.${entry.name} is not supported in the simulator${entry.note ? ` (${entry.note})` : ''}`] });
    };
    wx[entry.name] = unsupportedApi(entry.name, message, warn, api);
  }
  return wx;
}

const placeholders = new WeakSet<object>();

/** True for the stand-ins `withApiFamilies` puts in place of unsupported APIs (tests keep the table honest with it). */
export function isUnsupportedPlaceholder(value: unknown): boolean {
  return (typeof value === 'function' || (typeof value === 'object' && value !== null)) && placeholders.has(value);
}

/** Members of `wx` that are namespaces rather than functions (`wx.router.addRouteBuilder`, `wx.worklet.timing`). */
const NAMESPACES = new Set(['router', 'worklet']);

/** `on…`/`off…` quietly accept listeners that never fire; sync forms and factories throw; callback forms fail. */
function unsupportedApi(name: string, message: string, warn: () => void, api: ReturnType<typeof apiMaker>): unknown {
  if (NAMESPACES.has(name)) {
    const namespace = new Proxy(
      {},
      {
        get: (_target, key) =>
          typeof key === 'symbol'
            ? undefined
            : () => {
                warn();
                throw new Error(message);
              },
      },
    );
    placeholders.add(namespace);
    return namespace;
  }
  let placeholder: (options?: Record<string, unknown>) => unknown;
  if (/^(on|off)[A-Z]/.test(name)) {
    // Libraries subscribe when the function exists (TDesign's navbar does): an event that never happens
    // in the simulator is accepted quietly, as a phone would.
    placeholder = () => undefined;
  } else if (/Sync$|^(create|get)[A-Z].*(Context|Manager|Session|Ad|Adapter|Server|Socket|Decoder|Container|Recorder|Player|Worker|System)$/.test(name)) {
    placeholder = () => {
      warn();
      throw new Error(message);
    };
  } else {
    const fail = api(name, () => {
      throw new ApiFailure(message);
    });
    placeholder = (options) => {
      warn();
      return fail(options);
    };
  }
  placeholders.add(placeholder);
  return placeholder;
}

/** A fresh virtual file system whose user directory survives relaunches (IndexedDB, per app). */
function persistedFs(host: WxHost): VirtualFs {
  const fs = new VirtualFs();
  const manifest = host.manifest as WxHost['manifest'] | undefined;
  const appId = manifest?.appId || 'touristappid';
  const pages = Array.isArray(manifest?.appJson?.pages) ? (manifest.appJson.pages as unknown[]).join(',') : '';
  // Projects without an appid share "touristappid": tell them apart by their pages.
  const key = appId === 'touristappid' ? `${appId}:${pages}` : appId;
  void persistFileSystem(fs, key, workerScope() ? globalThis.indexedDB : undefined, (error) =>
    host.post({ kind: 'log', level: 'warn', args: [`[simulator] files in wx.env.USER_DATA_PATH will not survive a relaunch: ${error instanceof Error ? error.message : String(error)}`] }),
  );
  return fs;
}

function workerScope(): EventTarget | undefined {
  const candidate = globalThis as unknown as Partial<EventTarget>;
  return typeof candidate.addEventListener === 'function' && typeof (globalThis as { importScripts?: unknown }).importScripts === 'function' ? (candidate as EventTarget) : undefined;
}
