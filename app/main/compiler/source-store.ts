import { readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isOutsideScan, scanFiles } from './project/scan-files';

/** Extensions read as text and compiled; everything else is an asset or ignored. */
export const TEXT_EXTENSIONS = ['.json', '.wxml', '.fxml', '.wxs', '.fts', '.wxss', '.ftss', '.less', '.scss', '.sass', '.js', '.ts'];

/**
 * The mini-program's files as the compiler sees them: the set of root-relative paths and the text of every
 * source, read once in parallel and then only re-read when the watcher says a file changed.
 */
export class SourceStore {
  files = new Set<string>();
  private readonly texts = new Map<string, string>();
  /** size, mtime and inode of non-text files as last refreshed: how `isStale` tells a later change. */
  private readonly stamps = new Map<string, string>();
  private skip: (relPath: string, isDir: boolean) => boolean = () => false;

  constructor(private readonly rootDir: string) {}

  /** Lists and reads every file; `onListed` sees the list before the reading starts. */
  async scan(skip: (relPath: string, isDir: boolean) => boolean, onListed?: (files: ReadonlySet<string>) => void): Promise<void> {
    this.skip = skip;
    this.files = await scanFiles(this.rootDir, skip);
    onListed?.(this.files);
    this.texts.clear();
    this.stamps.clear();
    // Synchronous reads in slices: with libuv's 4 threads, thousands of small async reads are ~8x slower; the
    // event loop gets a turn between slices.
    const wanted = [...this.files].filter(isTextSource);
    for (let i = 0; i < wanted.length; i += 200) {
      for (const rel of wanted.slice(i, i + 200)) {
        const text = readTextSync(join(this.rootDir, rel));
        if (text === undefined) this.files.delete(rel);
        else this.texts.set(rel, text);
      }
      await yieldToEventLoop();
    }
  }

  /** Re-reads one root-relative path; returns false when it no longer exists. */
  async refresh(rel: string): Promise<boolean> {
    if (isOutsideScan(rel, this.skip)) return false; // ignored (packOptions.ignore, node_modules, dot folders)
    if (!isTextSource(rel)) {
      const st = await statIfAny(join(this.rootDir, rel));
      const exists = st?.isFile() ?? false;
      if (exists) {
        this.files.add(rel);
        this.stamps.set(rel, stampOf(st!));
      } else {
        this.files.delete(rel);
        this.stamps.delete(rel);
      }
      return exists;
    }
    const text = await readText(join(this.rootDir, rel));
    if (text === undefined) {
      this.files.delete(rel);
      this.texts.delete(rel);
      return false;
    }
    this.files.add(rel);
    this.texts.set(rel, text);
    return true;
  }

  /**
   * Whether the file on disk is no longer what the last scan or refresh read: a change the watcher did not
   * report (chokidar drops a second change of one file within 50 ms). Ignored paths and folders never are.
   */
  async isStale(rel: string): Promise<boolean> {
    if (isOutsideScan(rel, this.skip)) return false;
    if (isTextSource(rel)) return (await readText(join(this.rootDir, rel))) !== this.texts.get(rel);
    const st = await statIfAny(join(this.rootDir, rel));
    if (st?.isDirectory()) return false;
    const exists = st?.isFile() ?? false;
    if (exists !== this.files.has(rel)) return true;
    const known = this.stamps.get(rel);
    return exists && known !== undefined && known !== stampOf(st!);
  }

  text(rel: string): string | undefined {
    return this.texts.get(rel);
  }

  absolute(rel: string): string {
    return join(this.rootDir, rel);
  }
}

export function isTextSource(rel: string): boolean {
  const dot = rel.lastIndexOf('.');
  return dot > rel.lastIndexOf('/') && TEXT_EXTENSIONS.includes(rel.slice(dot));
}

function readTextSync(path: string): string | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

function statIfAny(path: string): Promise<Stats | undefined> {
  return stat(path).catch(() => undefined);
}

/** A rename over the file changes the inode; an in-place write changes mtime (and usually size). */
function stampOf(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

async function readText(path: string): Promise<string | undefined> {
  try {
    const text = await readFile(path, 'utf8');
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    return undefined;
  }
}

