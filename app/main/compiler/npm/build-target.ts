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
  const done = new Set<string>();
  const bundled = new Map<string, string>();
  const scans: SubpathScan[] = [{ dir: join(projectDir, target.distDir), fromDir: packageDir }];
  const context: PackageJobContext = { projectDir, staging, outDir, rootModules, projectFile };

  try {
    // Breadth-first waves: the packages of one wave are copied and bundled concurrently (it is mostly I/O).
    let wave: Pending[] = Object.keys(read.manifest.dependencies).map((name) => ({ name, fromDir: packageDir, requester: read.manifest }));
    while (wave.length > 0) {
      const found = await Promise.all(wave.map(async (pending) => ({ pending, installed: await findInstalledPackage(pending.name, pending.fromDir, projectDir) })));
      const jobs: PackageJob[] = [];
      for (const { pending, installed } of found) {
        if (!installed) {
          const where = pending.requester.locate(['dependencies', pending.name]);
          diagnostics.push({
            ...located(pending.requester.file, where, 'error', 'npm-package-missing', `Package '${pending.name}' is not installed`),
            hint: `Run npm install in ${projectFile(dirname(join(projectDir, pending.requester.file))) || 'the project folder'}.`,
          });
          continue;
        }
        const outRelative = outputPathOf(rootModules, installed.path, pending.name);
        if (done.has(outRelative)) continue;
        done.add(outRelative);
        jobs.push({ pending, installed, outRelative });
      }
      const outcomes = await Promise.all(jobs.map((job) => runPackageJob(job, context)));
      wave = [];
      for (const [index, outcome] of outcomes.entries()) {
        const job = jobs[index];
        diagnostics.push(...outcome.diagnostics);
        if (!job || !outcome.built) continue;
        result.packages.push(outcome.built);
        const requester = outcome.manifest;
        if (outcome.miniprogramDir !== undefined && requester) {
          // Component libraries are copied as they are, so what they require must be built next to them.
          wave.push(...outcome.dependencies.map((name) => ({ name, fromDir: job.installed.real, requester })));
          scans.push({ dir: outcome.miniprogramDir, fromDir: job.installed.real });
        } else {
          bundled.set(job.outRelative, job.pending.name);
        }
      }
    }
    result.subpathFiles.push(...(await bundleSubpathRequests(scans, { projectDir, staging, rootModules, bundled, diagnostics })));
    result.packages.sort((a, b) => a.output.localeCompare(b.output));
    await rm(outDir, { recursive: true, force: true });
    await rename(staging, outDir);
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
  return result;
}

interface PackageJob {
  readonly pending: Pending;
  readonly installed: { readonly path: string; readonly real: string };
  /** Output folder relative to miniprogram_npm. */
  readonly outRelative: string;
}

interface PackageJobContext {
  readonly projectDir: string;
  readonly staging: string;
  readonly outDir: string;
  readonly rootModules: string;
  projectFile(absolute: string): string;
}

interface PackageJobOutcome {
  readonly diagnostics: Diagnostic[];
  readonly built?: BuiltNpmPackage;
  readonly manifest?: PackageManifest;
  readonly miniprogramDir?: string;
  readonly dependencies: string[];
}

async function runPackageJob(job: PackageJob, context: PackageJobContext): Promise<PackageJobOutcome> {
  const diagnostics: Diagnostic[] = [];
  const name = job.pending.name;
  const manifestFile = context.projectFile(join(job.installed.path, 'package.json'));
  try {
    const manifestRead = await readPackageManifest(join(job.installed.path, 'package.json'), manifestFile);
    if (!manifestRead?.ok) {
      const where = manifestRead?.ok === false ? manifestRead : { line: 1, column: 1 };
      diagnostics.push(located(manifestFile, where, 'error', 'npm-package-json-invalid', `${name}: unreadable package.json`));
      return { diagnostics, dependencies: [] };
    }
    const manifest = manifestRead.manifest;
    const outcome = await buildOnePackage(context.projectDir, name, job.installed.path, manifest, join(context.staging, job.outRelative), diagnostics);
    if (!outcome) return { diagnostics, dependencies: [] };
    const built: BuiltNpmPackage = {
      name,
      ...(manifest.version ? { version: manifest.version } : {}),
      kind: outcome.kind,
      source: context.projectFile(job.installed.path),
      output: context.projectFile(join(context.outDir, job.outRelative)),
    };
    return {
      diagnostics,
      built,
      manifest,
      ...(outcome.miniprogramDir !== undefined ? { miniprogramDir: outcome.miniprogramDir } : {}),
      dependencies: Object.keys(manifest.dependencies),
    };
  } catch (error) {
    // A file system failure in one package (permissions, a vanished file) must not stop the others.
    diagnostics.push(located(manifestFile, { line: 1, column: 1 }, 'error', 'npm-build-failed', `${name}: ${error instanceof Error ? error.message : String(error)}`));
    return { diagnostics, dependencies: [] };
  }
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
