import type { Diagnostic } from '../../../shared/diagnostic';
import { normalizeInRoot } from '../resolve/module-resolver';
import { validateJson } from '../json/validate-json';
import type { PackIgnoreRule } from './pack-ignore';

/** What the compiler needs from project.config.json (merged with project.private.config.json). */
export interface ProjectConfig {
  readonly appId: string;
  /** Project-relative folder of the mini-program, '' or without trailing slash (`miniprogram`). */
  readonly miniprogramRoot: string;
  readonly setting: Readonly<Record<string, unknown>>;
  /** `setting.useCompilerPlugins`: `typescript`, `less`, `sass`. */
  readonly compilerPlugins: readonly string[];
  readonly packIgnore: readonly PackIgnoreRule[];
}

/** Reads the project configuration; both files are optional (defaults: root folder, tourist app id). */
export function readProjectConfig(
  publicText: string | undefined,
  privateText: string | undefined,
): { config: ProjectConfig; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const pub = publicText === undefined ? {} : take(validateJson('project.config.json', publicText, 'project'), diagnostics);
  const priv = privateText === undefined ? {} : take(validateJson('project.private.config.json', privateText, 'project'), diagnostics);
  const merged: Record<string, unknown> = { ...pub, ...priv, setting: { ...asRecord(pub.setting), ...asRecord(priv.setting) } };
  const rawRoot = typeof merged.miniprogramRoot === 'string' ? merged.miniprogramRoot : '';
  const root = normalizeInRoot(rawRoot.replace(/\\/g, '/'));
  if (root === undefined) {
    diagnostics.push({
      file: 'project.config.json', line: 1, column: 1, severity: 'error', code: 'project-root-escape',
      message: `miniprogramRoot '${rawRoot}' points outside the project folder`,
    });
  }
  const setting = asRecord(merged.setting);
  const plugins = Array.isArray(setting.useCompilerPlugins) ? setting.useCompilerPlugins.filter((p): p is string => typeof p === 'string') : [];
  const pack = asRecord(merged.packOptions);
  const ignore = Array.isArray(pack.ignore)
    ? pack.ignore.filter((r): r is PackIgnoreRule => typeof asRecord(r).type === 'string' && typeof asRecord(r).value === 'string')
    : [];
  return {
    config: {
      appId: typeof merged.appid === 'string' && merged.appid ? merged.appid : 'touristappid',
      miniprogramRoot: root ?? '',
      setting,
      compilerPlugins: plugins,
      packIgnore: ignore,
    },
    diagnostics,
  };
}

function take(v: ReturnType<typeof validateJson>, diagnostics: Diagnostic[]): Record<string, unknown> {
  diagnostics.push(...v.diagnostics);
  return v.value;
}

export function asRecord(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
