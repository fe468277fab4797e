import type { ChangeKind, PackageChange, UpdateMessage } from '../../shared/device-protocol';
import type { Diagnostic } from '../../shared/diagnostic';
import type { BuildResult, Compiler, CompilerOptions } from '../compiler/index';
import { createCompiler } from '../compiler/index';
import type { DeviceHub } from '../device/device-hub';
import type { DevServer, PackageMount } from './dev-server';

export interface LiveProjectOptions {
  readonly projectDir: string;
  /** Package output folder (the compiler empties it on the first build). */
  readonly outDir: string;
  /** Hub key of the project; devices paired for it get its builds. */
  readonly projectId: string;
  readonly server: DevServer;
  readonly hub: DeviceHub;
  readonly compiler?: Omit<CompilerOptions, 'outDir'>;
  /** Called after every build with what was sent to devices (for the CLI's and the IDE's status lines). */
  readonly onBuild?: (report: BuildReport) => void;
  readonly debounceMs?: number;
}

export interface BuildReport {
  readonly result: BuildResult;
  /** `load` for the first usable build, `update` for later ones, `none` when nothing reached devices. */
  readonly sent: 'load' | 'update' | 'none';
  readonly update?: Omit<UpdateMessage, 'type'>;
  readonly devices: number;
}

export interface LiveProject {
  readonly mount: PackageMount;
  readonly compiler: Compiler;
  /** The newest build result. */
  latest(): BuildResult | undefined;
  /** Stops watching and compiling, retires the package path and disconnects the project's devices. */
  close(): Promise<void>;
}

/**
 * The watch loop: compiles the project, serves the package, and on every saved file rebuilds incrementally and
 * pushes `update` (or `load` when the first good build arrives) plus the build's diagnostics to the devices.
 */
export async function startLiveProject(options: LiveProjectOptions): Promise<LiveProject> {
  const { hub, projectId, server } = options;
  const compiler = createCompiler(options.projectDir, { ...options.compiler, outDir: options.outDir });
  const mount = server.mountPackage(projectId, compiler.outDir);
  let latest: BuildResult | undefined;
  let loaded = false;
  let lastDiagnostics = '';

  const publishDiagnostics = (diagnostics: readonly Diagnostic[], buildId: string | undefined): void => {
    const key = JSON.stringify(diagnostics);
    if (key === lastDiagnostics) return;
    lastDiagnostics = key;
    hub.diagnostics(projectId, diagnostics, buildId);
  };

  const onResult = (result: BuildResult): void => {
    latest = result;
    const buildId = result.manifest?.buildId;
    let report: BuildReport;
    if (!result.manifest) {
      report = { result, sent: 'none', devices: 0 };
    } else if (!loaded) {
      loaded = true;
      const devices = hub.load(projectId, { buildId: result.manifest.buildId, manifestUrl: mount.manifestUrl, baseUrl: mount.baseUrl });
      report = { result, sent: 'load', devices };
    } else {
      const changes = describeChanges(result.changedOutputs);
      if (changes.length === 0) {
        report = { result, sent: 'none', devices: 0 };
      } else {
        const update = { buildId: result.manifest.buildId, manifestUrl: mount.manifestUrl, baseUrl: mount.baseUrl, action: updateAction(changes), changes };
        report = { result, sent: 'update', update, devices: hub.update(projectId, update) };
      }
    }
    publishDiagnostics(result.diagnostics, buildId);
    options.onBuild?.(report);
  };

  let closed = false;
  const stop = await compiler.watch(onResult, options.debounceMs === undefined ? undefined : { debounceMs: options.debounceMs });
  return {
    mount,
    compiler,
    latest: () => latest,
    async close() {
      if (closed) return;
      closed = true;
      await stop();
      compiler.dispose();
      server.unmountPackage(projectId);
      hub.closeProject(projectId);
    },
  };
}

/** Classifies package output paths (docs/package-format.md "Layout"); upload zips and source maps are not runtime changes. */
export function describeChanges(outputs: readonly string[]): PackageChange[] {
  const changes: PackageChange[] = [];
  for (const path of outputs) {
    const kind = changeKindOf(path);
    if (kind) changes.push({ kind, path });
  }
  return changes;
}

function changeKindOf(path: string): ChangeKind | undefined {
  if (path === 'manifest.json') return 'json';
  if (path.endsWith('.map') || path.startsWith('zips/')) return undefined;
  if (path.startsWith('templates/')) return 'template';
  if (path.startsWith('css/')) return 'style';
  if (path.startsWith('js/')) return 'script';
  if (path.startsWith('assets/')) return 'asset';
  return undefined;
}

/** Templates, styles and assets swap in place; scripts and json (new pages, config) need a relaunch. */
export function updateAction(changes: readonly PackageChange[]): 'hot' | 'relaunch' {
  return changes.some((c) => c.kind === 'script' || c.kind === 'json') ? 'relaunch' : 'hot';
}
