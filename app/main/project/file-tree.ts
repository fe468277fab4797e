import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FileEntry } from '../../shared/contract';

/** Folders the explorer never descends into. */
export const IGNORED_NAMES: ReadonlySet<string> = new Set(['.git', 'node_modules', '.DS_Store', '.svn', '.hg']);
const MAX_ENTRIES = 20_000;

function compareEntries(a: FileEntry, b: FileEntry): number {
  if (a.kind !== b.kind) return a.kind === 'directory' ? -1 : 1;
  return a.name.localeCompare(b.name, 'en');
}

/** Reads the project's file tree (sorted: folders first, then by name), bounded so a huge folder cannot hang the IDE. */
export async function readFileTree(root: string, name: string): Promise<FileEntry> {
  let budget = MAX_ENTRIES;
  async function walk(dir: string, relPath: string, entryName: string): Promise<FileEntry> {
    const dirents = await readdir(dir, { withFileTypes: true });
    const children: FileEntry[] = [];
    for (const d of dirents) {
      if (IGNORED_NAMES.has(d.name) || budget <= 0) continue;
      budget--;
      const childPath = relPath ? `${relPath}/${d.name}` : d.name;
      if (d.isDirectory()) children.push(await walk(join(dir, d.name), childPath, d.name));
      else if (d.isFile() || d.isSymbolicLink()) children.push({ path: childPath, name: d.name, kind: 'file' });
    }
    children.sort(compareEntries);
    return { path: relPath, name: entryName, kind: 'directory', children };
  }
  return walk(root, '', name);
}
