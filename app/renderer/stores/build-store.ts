import { create } from 'zustand';
import type { BuildSummary } from '../../shared/contract';
import type { Diagnostic } from '../../shared/diagnostic';
import { studio } from '../bridge';
import { t } from '../i18n/i18n';
import { messageOf, notifyError, notifyInfo } from './notification-store';

export interface NpmBuild {
  readonly packages: number;
  readonly durationMs: number;
  readonly diagnostics: readonly Diagnostic[];
}

interface BuildState {
  readonly latest: BuildSummary | null;
  /** Set while a compile runs (the status bar shows progress when it takes over ~300 ms). */
  readonly buildingSince: number | null;
  /** Set while "Build npm" runs. */
  readonly npmSince: number | null;
  readonly npm: NpmBuild | null;
  load(): Promise<void>;
  buildNpm(): Promise<void>;
}

/** The newest compile of the open project and whether one is running. */
export const useBuildStore = create<BuildState>((set) => ({
  latest: null,
  buildingSince: null,
  npmSince: null,
  npm: null,
  async buildNpm() {
    if (useBuildStore.getState().npmSince !== null) return;
    set({ npmSince: Date.now() });
    try {
      const npm = await studio.invoke('compiler:build-npm', undefined);
      set({ npm, npmSince: null });
      notifyInfo(t('npm.done', { count: npm.packages, ms: npm.durationMs, problems: npm.diagnostics.length }));
    } catch (error) {
      set({ npmSince: null });
      notifyError(messageOf(error));
    }
  },
  async load() {
    const latest = await studio.invoke('compiler:latest', undefined).catch(() => null);
    if (latest) set({ latest });
  },
}));

studio.on('compiler:did-start', ({ startedAt }) => useBuildStore.setState({ buildingSince: startedAt }));
studio.on('compiler:did-finish', (summary) => useBuildStore.setState({ latest: summary, buildingSince: null }));
// Saves trigger rebuilds in the service; show "compiling" from the moment a file changes.
// A change the compiler ignores never finishes a build: stop showing progress after a while.
let staleTimer: ReturnType<typeof setTimeout> | undefined;
studio.on('project:did-change-files', () => {
  if (useBuildStore.getState().buildingSince === null) useBuildStore.setState({ buildingSince: Date.now() });
  clearTimeout(staleTimer);
  staleTimer = setTimeout(() => useBuildStore.setState({ buildingSince: null }), 15_000);
});
