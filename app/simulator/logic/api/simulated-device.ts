/**
 * What the simulated phone reports for things a desktop cannot know: position, network, battery, clipboard,
 * scan result. Values are settable (the IDE sends a `simulate` message); listeners hear every change.
 */

export interface SimulatedLocation {
  /** WGS-84 degrees; gcj02 answers are converted from these. */
  latitude: number;
  longitude: number;
  altitude: number;
  speed: number;
  accuracy: number;
  name: string;
  address: string;
}

export type NetworkType = 'wifi' | '2g' | '3g' | '4g' | '5g' | 'unknown' | 'none';

export interface SimulatedState {
  location: SimulatedLocation;
  networkType: NetworkType;
  /** 0–1 quality of a weak network (WeChat's `onNetworkWeakChange`). */
  weakNetwork: boolean;
  battery: { level: number; isCharging: boolean };
  clipboard: string;
  scan: { result: string; scanType: string; charSet: string };
  screenBrightness: number;
  keepScreenOn: boolean;
}

export type SimulatedPatch = { [K in keyof SimulatedState]?: SimulatedState[K] extends object ? Partial<SimulatedState[K]> : SimulatedState[K] };

/** The message the host sends to change the simulated values (proposed addition to HostToWorker). */
export interface SimulateMessage {
  readonly kind: 'simulate';
  readonly patch: SimulatedPatch;
}

export class SimulatedDevice {
  readonly state: SimulatedState = {
    // Tiananmen Square, Beijing (WGS-84).
    location: { latitude: 39.90734, longitude: 116.39105, altitude: 44, speed: 0, accuracy: 65, name: '天安门广场', address: '北京市东城区东长安街' },
    networkType: 'wifi',
    weakNetwork: false,
    battery: { level: 100, isCharging: false },
    clipboard: '',
    scan: { result: 'https://example.com/simulated-scan', scanType: 'QR_CODE', charSet: 'UTF-8' },
    screenBrightness: 0.5,
    keepScreenOn: false,
  };
  private readonly listeners = new Set<(changed: ReadonlySet<keyof SimulatedState>) => void>();

  onChange(listener: (changed: ReadonlySet<keyof SimulatedState>) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  apply(patch: SimulatedPatch): void {
    const changed = new Set<keyof SimulatedState>();
    const state = this.state as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
      if (!(key in state) || value === undefined) continue;
      const current = state[key];
      state[key] = typeof current === 'object' && current !== null ? { ...current, ...(value as object) } : value;
      changed.add(key as keyof SimulatedState);
    }
    if (changed.size) for (const listener of [...this.listeners]) listener(changed);
  }
}

/** Listens for `simulate` messages on the Worker's own message channel (where the host's messages arrive). */
export function listenForSimulateMessages(target: EventTarget | undefined, device: SimulatedDevice): void {
  target?.addEventListener('message', (event) => {
    const data = (event as MessageEvent).data as Partial<SimulateMessage> | undefined;
    if (data?.kind === 'simulate' && data.patch && typeof data.patch === 'object') device.apply(data.patch);
  });
}
