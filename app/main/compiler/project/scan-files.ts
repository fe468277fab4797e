import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Folders never part of a mini-program package. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', '.svn', '.hg', '.idea', '.vscode', '.ministudio']);

/**
 * Lists every file under `rootDir` as root-relative paths with forward slashes, reading folders in parallel.
 * Symbolic links are not followed (a link could lead out of the project), `skip` filters folders and files.
 */
export async function scanFiles(rootDir: string, skip: (relPath: string, isDir: boolean) => boolean): Promise<Set<string>> {
  const files = new Set<string>();
  const walk = async (rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(rel ? join(rootDir, rel) : rootDir, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing of it can be packaged
    }
    const subdirs: Promise<void>[] = [];
    for (const entry of entries) {
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (SKIPPED_DIRS.has(entry.name) || entry.name.startsWith('.') || skip(path, true)) continue;
        subdirs.push(walk(path));
      } else if (entry.isFile() && !skip(path, false)) {
        files.add(path);
      }
    }
    await Promise.all(subdirs);
  };
  await walk('');
  return files;
}

/** Whether `relPath` (a file) lies where `scanFiles` would not have looked, or is itself skipped. */
export function isOutsideScan(relPath: string, skip: (relPath: string, isDir: boolean) => boolean): boolean {
  const parts = relPath.split('/');
  for (let i = 0; i < parts.length - 1; i++) {
    const name = parts[i]!;
    if (SKIPPED_DIRS.has(name) || name.startsWith('.') || skip(parts.slice(0, i + 1).join('/'), true)) return true;
  }
  return skip(relPath, false);
}
