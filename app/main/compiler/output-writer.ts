import { mkdir, rename, rm } from 'node:fs/promises';
import { createWriteStream, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyFileAtomicSync, tempPathFor, writeFileAtomicSync } from './atomic-output';
import { yieldToEventLoop } from './source-store';

/** Marks a folder as a build output, so a build interrupted before its manifest can still be replaced. */
const OUTPUT_MARKER = '.ministudio-output';

/** One file of the package: text the compiler produced, or a static file copied from the project. */
export type OutputContent = { readonly text: string } | { readonly bytes: Uint8Array } | { readonly copyFrom: string };

/**
 * Writes package files into the output folder, skipping those whose content did not change since the last
 * write, and remembers what it wrote so a rebuild can report exactly which outputs changed. Every file is
 * replaced atomically (temp file + rename): devices fetch from this folder while it is being rebuilt.
 */
export class OutputWriter {
  private readonly written = new Map<string, { text?: string; bytes?: Uint8Array; stamp?: string; size: number }>();
  private readonly madeDirs = new Set<string>();
  /** Files found in the output folder by `reset`: reused when identical, deleted when no longer produced. */
  private leftover = new Set<string>();

  constructor(readonly outDir: string) {}

  /** Starts a full build: forgets what was written and takes stock of what an earlier build left in the folder. */
  async reset(): Promise<void> {
    this.written.clear();
    this.madeDirs.clear();
    await mkdir(this.outDir, { recursive: true });
    const found = listFiles(this.outDir, '');
    const ours = found.includes(OUTPUT_MARKER) || isPackageManifest(readIfExists(join(this.outDir, 'manifest.json')));
    if (found.length > 0 && !ours) {
      // never clean a folder we did not write: `--out ~` must not cost anyone their home directory
      throw new Error(`the output folder ${this.outDir} is not empty and holds no Mini Studio package; choose an empty folder`);
    }
    writeFileAtomicSync(join(this.outDir, OUTPUT_MARKER), 'Written by Mini Studio; the next build may replace everything here.\n');
    this.leftover = new Set(found.filter((f) => f !== OUTPUT_MARKER));
    for (const file of this.leftover) this.madeDirs.add(dirname(join(this.outDir, file)));
  }

  /**
   * Writes the files that differ; returns the output paths that changed. After a `reset`, every file counts as
   * changed, but one already on disk with the same bytes (an earlier build's) is not rewritten.
   */
  async writeAll(files: ReadonlyMap<string, OutputContent>, keep: readonly string[] = []): Promise<string[]> {
    const changed = await this.writeSome(files);
    changed.push(...(await this.removeAllBut(files, keep)));
    return changed;
  }

  /**
   * Writes the files that differ, like `writeAll`, without deleting anything: a build writes what is ready while
   * the rest still compiles, then calls `writeAll` with everything (files already written are skipped at once).
   */
  async writeSome(files: ReadonlyMap<string, OutputContent>): Promise<string[]> {
    const changed: string[] = [];
    const dirs = new Set<string>();
    const jobs: (() => void)[] = [];
    for (const [path, content] of files) {
      const prev = this.written.get(path);
      // the same text, or the very same bytes, as written last time: nothing to do
      if (prev !== undefined && (('text' in content && prev.text === content.text) || ('bytes' in content && prev.bytes === content.bytes))) continue;
      const target = join(this.outDir, path);
      const onDisk = prev === undefined && this.leftover.delete(path);
      if ('text' in content) {
        if (prev?.text === content.text) continue;
        this.written.set(path, { text: content.text, size: Buffer.byteLength(content.text) });
        changed.push(path);
        if (onDisk && readIfExists(target) === content.text) continue;
        // a path with no file yet has no reader yet either (only the manifest written last names it): write it
        // in place, sparing the temp file and the rename; an existing file is replaced atomically
        const fresh = prev === undefined && !onDisk;
        jobs.push(fresh ? () => writeFileSync(target, content.text) : () => writeFileAtomicSync(target, content.text));
      } else if ('bytes' in content) {
        const same = (a: Uint8Array | undefined, b: Uint8Array) => a !== undefined && (a === b || Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b));
        if (same(prev?.bytes, content.bytes)) continue;
        this.written.set(path, { bytes: content.bytes, size: content.bytes.byteLength });
        changed.push(path);
        if (onDisk && same(readBytesIfExists(target), content.bytes)) continue;
        const fresh = prev === undefined && !onDisk;
        jobs.push(fresh ? () => writeFileSync(target, content.bytes) : () => writeFileAtomicSync(target, content.bytes));
      } else {
        const st = statIfExists(content.copyFrom);
        if (!st) continue;
        const stamp = `${st.size}:${st.mtimeMs}`;
        if (prev?.stamp === stamp) continue;
        this.written.set(path, { stamp, size: st.size });
        changed.push(path);
        const old = onDisk ? statIfExists(target) : undefined;
        if (old && old.size === st.size && old.mtimeMs >= st.mtimeMs) continue;
        jobs.push(() => copyFileAtomicSync(content.copyFrom, target));
      }
      dirs.add(dirname(target));
    }
    // synchronous writes in slices, for the same reason as SourceStore.scan
    for (const d of dirs) {
      if (this.madeDirs.has(d)) continue;
      mkdirSync(d, { recursive: true });
      this.madeDirs.add(d);
    }
    for (let i = 0; i < jobs.length; i += 200) {
      for (const job of jobs.slice(i, i + 200)) job();
      await yieldToEventLoop();
    }
    return changed;
  }

  /** Deletes what this writer wrote, or an earlier build left, that is neither in `files` nor in `keep`. */
  private async removeAllBut(files: ReadonlyMap<string, OutputContent>, keep: readonly string[]): Promise<string[]> {
    const changed: string[] = [];
    for (const path of [...this.written.keys()]) {
      if (!files.has(path) && !keep.includes(path)) {
        this.written.delete(path);
        await rm(join(this.outDir, path), { force: true });
        changed.push(path);
      }
    }
    // what an earlier build wrote and this one did not produce is stale
    for (const path of this.leftover) if (!keep.includes(path)) rmSync(join(this.outDir, path), { force: true });
    this.leftover.clear();
    return changed;
  }

  /** Writes one text file unconditionally (the manifest: its buildId always changes). */
  async writeText(path: string, text: string): Promise<void> {
    this.written.set(path, { text, size: Buffer.byteLength(text) });
    await mkdir(dirname(join(this.outDir, path)), { recursive: true });
    writeFileAtomicSync(join(this.outDir, path), text);
  }

  size(path: string): number {
    return this.written.get(path)?.size ?? 0;
  }

  /** Zips the given package files (as written) into `zipPath` inside the output folder. */
  async zip(zipPath: string, paths: readonly string[]): Promise<void> {
    const { ZipFile } = await import('yazl'); // only full builds that want zips pay for loading it
    const zip = new ZipFile();
    const mtime = new Date(0); // stable bytes for the same content
    for (const p of [...paths].sort()) {
      const entry = this.written.get(p);
      // compiled files are zipped from memory; images, fonts and media are already compressed: store them
      if (entry?.text !== undefined) zip.addBuffer(Buffer.from(entry.text), p, { mtime });
      else if (entry?.bytes !== undefined) zip.addBuffer(Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength), p, { mtime });
      else zip.addFile(join(this.outDir, p), p, { mtime, compressionLevel: 0 });
    }
    const target = join(this.outDir, zipPath);
    await mkdir(dirname(target), { recursive: true });
    const temp = tempPathFor(target);
    try {
      await new Promise<void>((resolve, reject) => {
        const out = createWriteStream(temp);
        out.on('close', () => resolve());
        out.on('error', reject);
        zip.outputStream.on('error', reject).pipe(out);
        zip.end();
      });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}


function listFiles(root: string, rel: string): string[] {
  let entries;
  try {
    entries = readdirSync(rel ? join(root, rel) : root, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? listFiles(root, path) : [path];
  });
}

function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function readBytesIfExists(path: string): Uint8Array | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

function statIfExists(path: string): { size: number; mtimeMs: number } | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function isPackageManifest(text: string | undefined): boolean {
  if (text === undefined) return false;
  try {
    const value = JSON.parse(text) as { format?: unknown; packages?: unknown };
    return typeof value.format === 'number' && Array.isArray(value.packages);
  } catch {
    return false;
  }
}
