import { realpath } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostic } from '../../../shared/diagnostic';
import { buildNpmTarget, type NpmTargetResult } from './build-target';
import { findNpmTargets } from './npm-targets';

export type { BuiltNpmPackage, NpmPackageKind, NpmTargetResult } from './build-target';
export type { NpmBuildTarget } from './npm-targets';

export interface BuildNpmResult {
  readonly targets: NpmTargetResult[];
  /** Located problems (missing packages, missing `miniprogram` folders, bundling errors); never thrown. */
  readonly diagnostics: Diagnostic[];
}

/**
 * "Build npm", as WeChat DevTools does it: for each configured package.json, every dependency installed in
 * `node_modules` lands in `miniprogram_npm/<name>`: a mini-program package's `miniprogram` folder is copied (and its
 * own dependencies built too), any other package is bundled from its main file into one CommonJS `index.js`.
 */
export async function buildNpm(projectDir: string): Promise<BuildNpmResult> {
  // One spelling of the project path, so that symlinked temp folders do not confuse nesting.
  const root = await realpath(resolve(projectDir)).catch(() => resolve(projectDir));
  const { targets, diagnostics } = await findNpmTargets(root);
  const results: NpmTargetResult[] = [];
  for (const target of targets) {
    try {
      results.push(await buildNpmTarget(root, target, diagnostics));
    } catch (error) {
      // e.g. miniprogram_npm cannot be replaced (permissions, a file held open): report it, keep the other targets.
      const message = `Build npm failed for ${target.packageJson}: ${error instanceof Error ? error.message : String(error)}`;
      diagnostics.push({ file: target.packageJson, line: 1, column: 1, severity: 'error', code: 'npm-build-failed', message });
    }
  }
  return { targets: results, diagnostics };
}
