import { realpath, stat } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/**
 * Node's lookup: `node_modules/<name>` in the folder and each parent, never above the project. `path` is where it
 * was found (it decides the output place), `real` the folder behind any symlink (its own dependencies start there).
 */
export async function findInstalledPackage(
  name: string,
  fromDir: string,
  projectDir: string,
): Promise<{ path: string; real: string } | undefined> {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (await isFile(join(candidate, 'package.json'))) {
      return { path: candidate, real: await realpath(candidate).catch(() => candidate) };
    }
    if (dir === projectDir || dirname(dir) === dir || relative(projectDir, dir).startsWith('..')) return undefined;
  }
}

/** `node_modules/a/node_modules/b` → `a/miniprogram_npm/b`, so nested versions stay private to their user. */
export function outputPathOf(rootModules: string, installed: string, name: string): string {
  const rel = relative(rootModules, installed).split(sep).join('/');
  if (rel.startsWith('..') || rel === '') return name;
  return rel.replaceAll('/node_modules/', '/miniprogram_npm/');
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

export async function isFile(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isFile(), () => false);
}
