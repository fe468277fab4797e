import { create } from 'zustand';
import type { DeviceReportEvent, DeviceSummary } from '../../shared/contract';
import type { AppDataEntry, DeviceEditMessage, ErrorMessage, LogMessage, NetworkMessage, NodeMessage, StatusMessage, StorageEntry, WxmlMessage } from '../../shared/device-protocol';
import { studio } from '../bridge';

export interface ConsoleEntry {
  readonly id: number;
  readonly deviceId: string;
  readonly receivedAt: number;
  readonly message: LogMessage | ErrorMessage;
}

/** All phases of one request, merged. */
export interface NetworkEntry {
  readonly id: string;
  readonly api: NetworkMessage['api'];
  readonly url: string;
  readonly method?: string;
  readonly status?: number;
  readonly state: 'pending' | 'done' | 'failed';
  readonly startedAt: number;
  readonly endedAt?: number;
  readonly requestHeaders?: Readonly<Record<string, string>>;
  readonly responseHeaders?: Readonly<Record<string, string>>;
  readonly requestBody?: string;
  readonly responseBody?: string;
  readonly size?: number;
  readonly errorMessage?: string;
  readonly requestSize?: number;
  /** As the device measured it; else endedAt − startedAt. */
  readonly duration?: number;
}

const CONSOLE_LIMIT = 5000;
const NETWORK_LIMIT = 1000;

interface DeviceState {
  readonly devices: readonly DeviceSummary[];
  /** The device the panels show (the embedded simulator unless the user picks another). */
  readonly selected: string | null;
  readonly console: readonly ConsoleEntry[];
  readonly appData: readonly AppDataEntry[];
  readonly wxml: WxmlMessage | null;
  readonly storage: readonly StorageEntry[];
  readonly network: readonly NetworkEntry[];
  readonly status: StatusMessage | null;
  clearConsole(): void;
  clearNetwork(): void;
  select(deviceId: string): void;
  refresh(what: 'appdata' | 'wxml' | 'storage' | 'status'): Promise<void>;
  /** Sends an edit to the selected device; resolves with a problem to show, or null once sent. */
  edit(edit: DeviceEditMessage): Promise<string | null>;
  /** Outlines the node at `path` of the shown WXML tree in the device's page; no path removes the outline. */
  highlight(path?: readonly number[]): void;
  /** The WXML node selected in the panel (tree path), and its details as the device last described them. */
  readonly wxmlSelection: readonly number[] | null;
  readonly nodeDetails: NodeMessage | null;
  /** The device is in pick mode: the next click in its page selects an element. */
  readonly picking: boolean;
  selectNode(path: readonly number[] | null): Promise<void>;
  setPicking(enabled: boolean): Promise<void>;
}

let nextEntryId = 1;

function applyStorage(current: readonly StorageEntry[], message: { op: string; entries: readonly StorageEntry[] }): StorageEntry[] {
  switch (message.op) {
    case 'snapshot':
      return [...message.entries];
    case 'clear':
      return [];
    case 'remove': {
      const gone = new Set(message.entries.map((e) => e.key));
      return current.filter((e) => !gone.has(e.key));
    }
    default: {
      const next = new Map(current.map((e) => [e.key, e]));
      for (const entry of message.entries) next.set(entry.key, entry);
      return [...next.values()];
    }
  }
}

function applyNetwork(current: readonly NetworkEntry[], m: NetworkMessage, receivedAt: number): NetworkEntry[] {
  const at = m.time ?? receivedAt;
  const index = current.findIndex((e) => e.id === m.id);
  if (m.phase === 'request' || index < 0) {
    const entry: NetworkEntry = { id: m.id, api: m.api, url: m.url, method: m.method, state: m.phase === 'fail' ? 'failed' : m.phase === 'response' ? 'done' : 'pending', startedAt: at, requestHeaders: m.requestHeaders, requestBody: m.phase === 'request' ? m.body : undefined, requestSize: m.phase === 'request' ? m.size : undefined, status: m.status, errorMessage: m.errorMessage, duration: m.duration };
    return [...current, entry].slice(-NETWORK_LIMIT);
  }
  const previous = current[index]!;
  const updated: NetworkEntry = {
    ...previous,
    state: m.phase === 'fail' ? 'failed' : 'done',
    endedAt: at,
    status: m.status ?? previous.status,
    responseHeaders: m.responseHeaders ?? previous.responseHeaders,
    responseBody: m.body ?? previous.responseBody,
    size: m.size ?? previous.size,
    errorMessage: m.errorMessage ?? previous.errorMessage,
    duration: m.duration ?? previous.duration,
  };
  return current.map((e, i) => (i === index ? updated : e));
}

/** What the devices of the open project report: console, AppData, WXML tree, storage, network, status. */
export const useDeviceStore = create<DeviceState>((set, get) => ({
  devices: [],
  selected: null,
  console: [],
  appData: [],
  wxml: null,
  storage: [],
  network: [],
  status: null,
  wxmlSelection: null,
  nodeDetails: null,
  picking: false,
  clearConsole: () => set({ console: [] }),
  clearNetwork: () => set({ network: [] }),
  // Another device: its panels start empty and fill from snapshots and new reports.
  select: (deviceId) => {
    set({ selected: deviceId, console: [], appData: [], wxml: null, storage: [], network: [], status: null, wxmlSelection: null, nodeDetails: null, picking: false });
    void studio.invoke('device:recent-logs', { deviceId }).then((events) => events.forEach(receive)).catch(() => undefined);
    void get().refresh('appdata');
    void get().refresh('storage');
  },
  async edit(edit) {
    const deviceId = get().selected;
    if (!deviceId) return 'No device is connected.';
    try {
      const { sent } = await studio.invoke('device:edit', { deviceId, edit });
      return sent ? null : 'The device is not connected.';
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  },
  highlight(path) {
    const { selected: deviceId, wxml } = get();
    if (!deviceId || !wxml) return;
    const highlight = path ? { type: 'highlight' as const, webviewId: wxml.webviewId, path } : { type: 'highlight' as const, webviewId: wxml.webviewId };
    void studio.invoke('device:highlight', { deviceId, highlight }).catch(() => undefined);
  },
  async selectNode(path) {
    const { selected: deviceId, wxml } = get();
    set({ wxmlSelection: path, ...(path ? {} : { nodeDetails: null }) });
    if (!deviceId || !wxml || !path) return;
    const details = await studio.invoke('device:inspect-node', { deviceId, webviewId: wxml.webviewId, path }).catch(() => null);
    // A later selection may have overtaken this answer.
    if (details && get().wxmlSelection === path) set({ nodeDetails: details });
  },
  async setPicking(enabled) {
    const deviceId = get().selected;
    if (!deviceId) return;
    set({ picking: enabled });
    const sent = await studio.invoke('device:pick', { deviceId, enabled }).then((r) => r.sent).catch(() => false);
    if (!sent) set({ picking: false });
  },
  async refresh(what) {
    const deviceId = get().selected;
    if (!deviceId) return;
    const message = await studio.invoke('device:inspect', { deviceId, what }).catch(() => null);
    if (message) receive({ deviceId, receivedAt: Date.now(), message });
  },
}));

function receive(event: DeviceReportEvent): void {
  const state = useDeviceStore.getState();
  if (state.selected !== null && event.deviceId !== state.selected) return;
  const { message } = event;
  switch (message.type) {
    case 'log':
    case 'error':
      useDeviceStore.setState({ console: [...state.console, { id: nextEntryId++, deviceId: event.deviceId, receivedAt: event.receivedAt, message }].slice(-CONSOLE_LIMIT) });
      return;
    case 'appdata':
      useDeviceStore.setState({ appData: message.entries });
      return;
    case 'wxml':
      useDeviceStore.setState({ wxml: message });
      return;
    case 'storage':
      useDeviceStore.setState({ storage: applyStorage(state.storage, message) });
      return;
    case 'network':
      useDeviceStore.setState({ network: applyNetwork(state.network, message, event.receivedAt) });
      return;
    case 'status':
      useDeviceStore.setState({ status: message });
      return;
    case 'picked':
      useDeviceStore.setState({ picking: false });
      if (message.path) void revealPicked(message.path);
      return;
    case 'node':
    case 'lifecycle':
      return;
  }
}

/** A pick from the simulator: the tree is re-read (the page may have changed) and the node selected in it. */
async function revealPicked(path: readonly number[]): Promise<void> {
  await useDeviceStore.getState().refresh('wxml');
  await useDeviceStore.getState().selectNode(path);
}

studio.on('device:did-report', receive);

/** A freshly loaded workbench picks up devices that connected before it, with their console history. */
async function adoptConnectedDevices(): Promise<void> {
  const devices = await studio.invoke('device:list', undefined).catch(() => []);
  const device = devices.at(-1);
  if (!device || useDeviceStore.getState().selected) return;
  useDeviceStore.setState({ devices: [...devices], selected: device.id });
  for (const event of await studio.invoke('device:recent-logs', { deviceId: device.id }).catch(() => [])) receive(event);
  void useDeviceStore.getState().refresh('appdata');
  void useDeviceStore.getState().refresh('storage');
}
void adoptConnectedDevices();
studio.on('device:did-connect', (device) => {
  const { devices, selected } = useDeviceStore.getState();
  const fresh = selected === null || !devices.some((d) => d.id === selected);
  useDeviceStore.setState({ devices: [...devices.filter((d) => d.id !== device.id), device], selected: fresh ? device.id : selected });
  if (fresh) {
    void useDeviceStore.getState().refresh('storage');
    void useDeviceStore.getState().refresh('appdata');
  }
});
studio.on('device:did-disconnect', (device) => {
  const devices = useDeviceStore.getState().devices.filter((d) => d.id !== device.id);
  const selected = useDeviceStore.getState().selected === device.id ? (devices.at(-1)?.id ?? null) : useDeviceStore.getState().selected;
  useDeviceStore.setState({ devices, selected });
});
