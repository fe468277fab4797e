import { create } from 'zustand';
import type { BuildSummary } from '../../shared/contract';
import { studio } from '../bridge';

interface BuildState {
  readonly latest: BuildSummary | null;
  /** Set while a compile runs (the status bar shows progress when it takes over ~300 ms). */
  readonly buildingSince: number | null;
  load(): Promise<void>;
}

/** The newest compile of the open project and whether one is running. */
export const useBuildStore = create<BuildState>((set) => ({
  latest: null,
  buildingSince: null,
  async load() {
    const latest = await studio.invoke('compiler:latest', undefined).catch(() => null);
    if (latest) set({ latest });
  },
}));

studio.on('compiler:did-start', ({ startedAt }) => useBuildStore.setState({ buildingSince: startedAt }));
studio.on('compiler:did-finish', (summary) => useBuildStore.setState({ latest: summary, buildingSince: null }));
// Saves trigger rebuilds in the service; show "compiling" from the moment a file changes.
studio.on('project:did-change-files', () => {
  if (useBuildStore.getState().buildingSince === null) useBuildStore.setState({ buildingSince: Date.now() });
});
