import { create } from 'zustand';
import { DEFAULT_DEVICE_ID, DEVICES, type DeviceProfile } from '../../shared/device-profiles';
import type { LaunchOptions } from '../../shared/device-protocol';

export type BottomPanelId = 'console' | 'problems' | 'search' | 'appdata' | 'wxml' | 'storage' | 'network';

/** Everything about the window's arrangement that is remembered per project. */
export interface ProjectLayout {
  readonly simulatorWidth: number;
  readonly explorerWidth: number;
  readonly panelHeight: number;
  readonly panel: BottomPanelId;
  readonly panelOpen: boolean;
  readonly device: string;
  /** 0 = fit the pane; else a scale factor. */
  readonly zoom: number;
  readonly launch: LaunchOptions;
  readonly openTabs: readonly string[];
  readonly activeTab: string | null;
}

export const DEFAULT_LAYOUT: ProjectLayout = {
  simulatorWidth: 400,
  explorerWidth: 230,
  panelHeight: 260,
  panel: 'console',
  panelOpen: true,
  device: DEFAULT_DEVICE_ID,
  zoom: 0,
  launch: {},
  openTabs: [],
  activeTab: null,
};

interface LayoutState extends ProjectLayout {
  readonly projectRoot: string | null;
  /** Loads the saved layout of a project (defaults for a new one). */
  loadFor(projectRoot: string): ProjectLayout;
  update(patch: Partial<ProjectLayout>): void;
}

const storageKey = (root: string) => `ministudio.layout:${root}`;

function readLayout(root: string): ProjectLayout {
  try {
    const saved = JSON.parse(globalThis.localStorage?.getItem(storageKey(root)) ?? 'null') as Partial<ProjectLayout> | null;
    return { ...DEFAULT_LAYOUT, ...(saved && typeof saved === 'object' ? saved : {}) };
  } catch {
    return DEFAULT_LAYOUT;
  }
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;

/** Panel sizes, open tabs, simulator device/zoom and launch condition, saved per project in localStorage. */
export const useLayoutStore = create<LayoutState>((set, get) => ({
  ...DEFAULT_LAYOUT,
  projectRoot: null,
  loadFor(projectRoot) {
    const layout = readLayout(projectRoot);
    set({ ...layout, projectRoot });
    return layout;
  },
  update(patch) {
    set(patch);
    const root = get().projectRoot;
    if (!root) return;
    clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      const { projectRoot: _root, loadFor: _load, update: _update, ...layout } = get();
      globalThis.localStorage?.setItem(storageKey(root), JSON.stringify(layout));
    }, 200);
  },
}));

/** The device profiles of the simulator: the one table the simulator itself uses (ids match its `device` URL parameter). */
export const SIMULATOR_DEVICES: readonly DeviceProfile[] = DEVICES;
