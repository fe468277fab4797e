import { cp, mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../../../shared/diagnostic';
import { bundlePackage } from './bundle-package';
import { findInstalledPackage, isDirectory, isFile, outputPathOf } from './installed-package';
import type { NpmBuildTarget } from './npm-targets';
import { readPackageManifest, type PackageManifest } from './package-manifest';
import { bundleSubpathRequests, type SubpathScan } from './subpath-requests';

export type NpmPackageKind = 'miniprogram' | 'bundled';

export interface BuiltNpmPackage {
  readonly name: string;
  readonly version?: string;
  /** `miniprogram`: its `miniprogram` folder was copied; `bundled`: its main file was bundled into index.js. */
  readonly kind: NpmPackageKind;
  /** Project-relative folder of the installed package (`node_modules/dayjs`). */
  readonly source: string;
  /** Project-relative folder written (`miniprogram_npm/dayjs`). */
  readonly output: string;
}

export interface NpmTargetResult {
  readonly target: NpmBuildTarget;
  /** Project-relative `miniprogram_npm` folder. */
  readonly outDir: string;
  readonly packages: BuiltNpmPackage[];
  /** Files bundled for subpath requests (`dayjs/plugin/utc` → `dayjs/plugin/utc.js`), relative to outDir. */
  readonly subpathFiles: string[];
}

interface Pending {
  readonly name: string;
  /** Folder whose `node_modules` (and its parents') the package is looked up from. */
  readonly fromDir: string;
  readonly requester: PackageManifest;
}

/** Builds one package.json's dependencies into its `miniprogram_npm`, replacing the old folder when done. */
export async function buildNpmTarget(
  projectDir: string,
  target: NpmBuildTarget,
  diagnostics: Diagnostic[],
): Promise<NpmTargetResult> {
  const projectFile = (absolute: string): string => relative(projectDir, absolute).split(sep).join('/');
  const outDir = join(projectDir, target.distDir, 'miniprogram_npm');
  const result: NpmTargetResult = { target, outDir: projectFile(outDir), packages: [], subpathFiles: [] };
  const read = await readPackageManifest(join(projectDir, target.packageJson), target.packageJson);
  if (!read) {
    diagnostics.push(located(target.packageJson, { line: 1, column: 1 }, 'error', 'npm-package-json-missing', `${target.packageJson} not found`));
    return result;
  }
  if (!read.ok) {
    diagnostics.push(located(target.packageJson, read, 'error', 'npm-package-json-invalid', read.message));
    return result;
  }

  const packageDir = dirname(join(projectDir, target.packageJson));
  const rootModules = join(packageDir, 'node_modules');
  const staging = join(projectDir, target.distDir, `.miniprogram_npm-building-${process.pid}-${Date.now()}`);
  await mkdir(staging, { recursive: true });
  const queue: Pending[] = Object.keys(read.manifest.dependencies).map((name) => ({ name, fromDir: packageDir, requester: read.manifest }));
  const done = new Set<string>();
  const bundled = new Map<string, string>();
  const scans: SubpathScan[] = [{ dir: join(projectDir, target.distDir), fromDir: packageDir }];

  for (let next = queue.shift(); next; next = queue.shift()) {
    const installed = await findInstalledPackage(next.name, next.fromDir, projectDir);
    if (!installed) {
      const where = next.requester.locate(['dependencies', next.name]);
      diagnostics.push({
        ...located(next.requester.file, where, 'error', 'npm-package-missing', `Package '${next.name}' is not installed`),
        hint: `Run npm install in ${projectFile(dirname(join(projectDir, next.requester.file))) || 'the project folder'}.`,
      });
      continue;
    }
    const outRelative = outputPathOf(rootModules, installed.path, next.name);
    if (done.has(outRelative)) continue;
    done.add(outRelative);
    const manifestFile = projectFile(join(installed.path, 'package.json'));
    const manifestRead = await readPackageManifest(join(installed.path, 'package.json'), manifestFile);
    if (!manifestRead?.ok) {
      const file = manifestFile;
      diagnostics.push(located(file, manifestRead?.ok === false ? manifestRead : { line: 1, column: 1 }, 'error', 'npm-package-json-invalid', `${next.name}: unreadable package.json`));
      continue;
    }
    const manifest = manifestRead.manifest;
    const output = join(staging, outRelative);
    const outcome = await buildOnePackage(projectDir, next.name, installed.path, manifest, output, diagnostics);
    if (!outcome) continue;
    const built = outcome.kind;
    result.packages.push({
      name: next.name,
      ...(manifest.version ? { version: manifest.version } : {}),
      kind: built,
      source: projectFile(installed.path),
      output: projectFile(join(outDir, outRelative)),
    });
    // Component libraries are copied as they are, so what they require must be built next to them.
    if (outcome.miniprogramDir !== undefined) {
      for (const name of Object.keys(manifest.dependencies)) queue.push({ name, fromDir: installed.real, requester: manifest });
      scans.push({ dir: outcome.miniprogramDir, fromDir: installed.real });
    } else {
      bundled.set(outRelative, next.name);
    }
  }
  result.subpathFiles.push(...(await bundleSubpathRequests(scans, { projectDir, staging, rootModules, bundled, diagnostics })));

  await rm(outDir, { recursive: true, force: true });
  await rename(staging, outDir);
  return result;
}

async function buildOnePackage(
  projectDir: string,
  name: string,
  installed: string,
  manifest: PackageManifest,
  output: string,
  diagnostics: Diagnostic[],
): Promise<{ kind: NpmPackageKind; miniprogramDir?: string } | undefined> {
  const miniprogramDir = await miniprogramFolder(installed, manifest, diagnostics);
  if (miniprogramDir === null) return undefined;
  if (miniprogramDir !== undefined) {
    await cp(miniprogramDir, output, {
      recursive: true,
      dereference: true,
      filter: (source) => basename(source) !== 'node_modules' || source === miniprogramDir,
    });
    return { kind: 'miniprogram', miniprogramDir };
  }
  const entry = await entryFile(installed, manifest);
  if (!entry) {
    const where = manifest.main !== undefined ? manifest.locate(['main']) : { line: 1, column: 1 };
    diagnostics.push(located(manifest.file, where, 'warning', 'npm-no-entry', `${name} has no JavaScript entry (main or index.js); skipped`));
    return undefined;
  }
  const bundled = await bundlePackage({ projectDir, entry, outfile: join(output, 'index.js'), packageName: name, manifestFile: manifest.file });
  diagnostics.push(...bundled.diagnostics);
  return bundled.ok ? { kind: 'bundled' } : undefined;
}

/** The folder to copy: the `miniprogram` field, else `miniprogram_dist` if present; null when the field is broken. */
async function miniprogramFolder(
  installed: string,
  manifest: PackageManifest,
  diagnostics: Diagnostic[],
): Promise<string | undefined | null> {
  if (manifest.miniprogram === undefined) {
    const conventional = join(installed, 'miniprogram_dist');
    return (await isDirectory(conventional)) ? conventional : undefined;
  }
  const folder = join(installed, manifest.miniprogram);
  const inside = relative(installed, folder);
  if (inside.startsWith('..') || !(await isDirectory(folder))) {
    diagnostics.push({
      ...located(manifest.file, manifest.locate(['miniprogram']), 'error', 'npm-miniprogram-missing',
        `${manifest.name ?? 'package'}: its "miniprogram" folder '${manifest.miniprogram}' does not exist`),
      hint: 'The package may be unbuilt or the wrong version; reinstall it.',
    });
    return null;
  }
  return folder;
}

async function entryFile(installed: string, manifest: PackageManifest): Promise<string | undefined> {
  const candidates: string[] = [];
  for (const field of [manifest.main, manifest.module]) {
    if (field === undefined) continue;
    const base = join(installed, field);
    candidates.push(base, `${base}.js`, `${base}.cjs`, join(base, 'index.js'));
  }
  candidates.push(join(installed, 'index.js'));
  for (const candidate of candidates) {
    if (relative(installed, candidate).startsWith('..')) continue;
    if (await isFile(candidate)) return candidate;
  }
  return undefined;
}

function located(
  file: string,
  at: { line: number; column: number },
  severity: Diagnostic['severity'],
  code: string,
  message: string,
): Diagnostic {
  return { file, line: at.line, column: at.column, severity, code, message };
}
