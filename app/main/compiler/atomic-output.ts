import { copyFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let tempCounter = 0;

/**
 * A temp name next to `path` (same folder, so the rename cannot cross file systems), unique per process and
 * call; dot-prefixed so file watchers and listings pass over it.
 */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}-${(tempCounter++).toString(36)}.tmp`);
}

/**
 * Puts a file in place through a temp file and a rename, so a device fetching it during a rebuild reads the old
 * bytes or the new ones, never half a file. No fsync: this is about readers now, not surviving a power cut.
 */
export function replaceFileSync(path: string, fill: (temp: string) => void): void {
  const temp = tempPathFor(path);
  try {
    fill(temp);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

export function writeFileAtomicSync(path: string, data: string | Uint8Array): void {
  replaceFileSync(path, (temp) => writeFileSync(temp, data));
}

export function copyFileAtomicSync(source: string, path: string): void {
  replaceFileSync(path, (temp) => copyFileSync(source, temp));
}
