import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Where `scripts/npm-fixture-fetch.mjs` installs the real packages the Build npm tests use. */
export const FIXTURE_MODULES = join(new URL('../../../..', import.meta.url).pathname, '.corpus', 'npm-fixture', 'node_modules');

export interface NpmProject {
  readonly dir: string;
  dispose(): Promise<void>;
}

/** A mini-program project folder in a fresh temp dir. */
export async function createNpmProject(files: Readonly<Record<string, string>>): Promise<NpmProject> {
  const dir = await mkdtemp(join(tmpdir(), 'ministudio-npm-'));
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return { dir, dispose: () => rm(dir, { recursive: true, force: true }) };
}

/** Runs a built CommonJS file the way the mini-program runtime would: only the given modules can be required. */
export function evaluateCommonJs(code: string, modules: Readonly<Record<string, unknown>> = {}): unknown {
  const module = { exports: {} as unknown };
  const requireGiven = (request: string): unknown => {
    if (!(request in modules)) throw new Error(`unexpected require('${request}')`);
    return modules[request];
  };
  new Function('module', 'exports', 'require', code)(module, module.exports, requireGiven);
  return module.exports;
}
