import { readdir, readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { findNodeAtLocation, parse, parseTree } from 'jsonc-parser';
import type { Diagnostic } from '../../../shared/diagnostic';
import { positionAt } from '../../../shared/diagnostic';
import { asRecord, readProjectConfig } from '../project/project-config';

/** One "package.json → miniprogram_npm" pair, as WeChat DevTools' Build npm sees them. */
export interface NpmBuildTarget {
  /** Project-relative path of the package.json whose `dependencies` are built. */
  readonly packageJson: string;
  /** Project-relative folder that receives `miniprogram_npm/` ('' for the project root). */
  readonly distDir: string;
}

export interface NpmTargets {
  readonly targets: NpmBuildTarget[];
  readonly diagnostics: Diagnostic[];
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'miniprogram_npm']);

/**
 * Which package.json files to build, and where to. By default every package.json inside the mini-program root
 * gets a `miniprogram_npm` next to it (falling back to the project's own package.json for a project whose root
 * has none); with `setting.packNpmManually`, the pairs of `setting.packNpmRelationList`.
 */
export async function findNpmTargets(projectDir: string): Promise<NpmTargets> {
  const publicText = await readText(join(projectDir, 'project.config.json'));
  const privateText = await readText(join(projectDir, 'project.private.config.json'));
  const { config, diagnostics } = readProjectConfig(publicText, privateText);
  if (config.setting.packNpmManually === true) {
    return { targets: manualTargets(config.setting.packNpmRelationList, publicText ?? '', diagnostics), diagnostics };
  }
  const root = config.miniprogramRoot;
  // Cloud functions have their own package.json, installed on the server: never built into miniprogram_npm.
  const cloud = projectPath(asRecord(parse(publicText ?? '{}')).cloudfunctionRoot);
  const found = (await findPackageJsonFiles(projectDir, root)).filter(
    (file) => cloud === undefined || cloud === '' || !file.startsWith(`${cloud}/`),
  );
  if (found.length === 0 && root !== '' && (await exists(join(projectDir, 'package.json')))) {
    found.push('package.json');
  }
  if (found.length === 0) {
    diagnostics.push({
      file: 'project.config.json',
      line: 1,
      column: 1,
      severity: 'error',
      code: 'npm-no-package-json',
      message: `No package.json in the mini-program root ${root === '' ? '(the project folder)' : `'${root}'`}`,
      hint: 'Run `npm init -y` and `npm install <package>` there, or set setting.packNpmRelationList.',
    });
  }
  const targets = found.map((packageJson) => ({
    packageJson,
    distDir: packageJson === 'package.json' ? root : posix.dirname(packageJson).replace(/^\.$/, ''),
  }));
  return { targets, diagnostics };
}

function manualTargets(list: unknown, configText: string, diagnostics: Diagnostic[]): NpmBuildTarget[] {
  const tree = parseTree(configText);
  const at = (path: (string | number)[]): { line: number; column: number } => {
    const node = tree ? findNodeAtLocation(tree, path) : undefined;
    return positionAt(configText, node?.offset ?? 0);
  };
  const report = (path: (string | number)[], message: string): void => {
    diagnostics.push({ file: 'project.config.json', ...at(path), severity: 'error', code: 'npm-relation-invalid', message });
  };
  if (!Array.isArray(list) || list.length === 0) {
    report(['setting', 'packNpmManually'], 'packNpmManually is set but setting.packNpmRelationList is empty');
    return [];
  }
  const targets: NpmBuildTarget[] = [];
  list.forEach((entry, index) => {
    const relation = asRecord(entry);
    const packageJson = projectPath(relation.packageJsonPath);
    const distDir = projectPath(relation.miniprogramNpmDistDir);
    if (packageJson === undefined) {
      report(['setting', 'packNpmRelationList', index], 'packageJsonPath must be a path inside the project');
    } else if (distDir === undefined) {
      report(['setting', 'packNpmRelationList', index], 'miniprogramNpmDistDir must be a path inside the project');
    } else {
      targets.push({ packageJson: packageJson.endsWith('package.json') ? packageJson : posix.join(packageJson, 'package.json'), distDir });
    }
  });
  return targets;
}

/** A project-relative path from a config value (`./miniprogram/`), or undefined if absent or escaping. */
function projectPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const normalized = posix.normalize(value.replace(/\\/g, '/')).replace(/\/+$/, '');
  if (normalized.startsWith('/') || normalized === '..' || normalized.startsWith('../')) return undefined;
  return normalized === '.' ? '' : normalized;
}

async function findPackageJsonFiles(projectDir: string, root: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(projectDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(path);
      } else if (entry.name === 'package.json') {
        found.push(path);
      }
    }
  };
  await walk(root);
  return found.sort();
}

async function readText(path: string): Promise<string | undefined> {
  return readFile(path, 'utf8').catch(() => undefined);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
