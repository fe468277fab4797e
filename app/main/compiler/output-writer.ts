import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { copyFileSync, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ZipFile } from 'yazl';
import { yieldToEventLoop } from './source-store';

/** One file of the package: text the compiler produced, or a static file copied from the project. */
export type OutputContent = { readonly text: string } | { readonly copyFrom: string };

/**
 * Writes package files into the output folder, skipping those whose content did not change since the last
 * write, and remembers what it wrote so a rebuild can report exactly which outputs changed.
 */
export class OutputWriter {
  private readonly written = new Map<string, { text?: string; stamp?: string; size: number }>();

  constructor(readonly outDir: string) {}

  private readonly madeDirs = new Set<string>();
  private trashCount = 0;
  private readonly trash: string[] = [];

  /** Deletes old output folders set aside by `reset`, after the writes so the two do not compete for the disk. */
  emptyTrash(): Promise<void> {
    const all = this.trash.splice(0).map((t) => rm(t, { recursive: true, force: true }).catch(() => undefined));
    return Promise.all(all).then(() => undefined);
  }

  /** Empties the output folder: the old one is moved aside and deleted in the background. */
  async reset(): Promise<void> {
    this.written.clear();
    this.madeDirs.clear();
    const trash = join(dirname(this.outDir), `.${basename(this.outDir)}.old-${process.pid}-${this.trashCount++}`);
    const moved = await rename(this.outDir, trash).then(() => true, () => false);
    if (moved) this.trash.push(trash);
    else await rm(this.outDir, { recursive: true, force: true });
    await mkdir(this.outDir, { recursive: true });
  }

  /** Writes the files that differ; returns the output paths that changed. */
  async writeAll(files: ReadonlyMap<string, OutputContent>, keep: readonly string[] = []): Promise<string[]> {
    const changed: string[] = [];
    const dirs = new Set<string>();
    const jobs: (() => void)[] = [];
    for (const [path, content] of files) {
      const prev = this.written.get(path);
      if ('text' in content) {
        if (prev?.text === content.text) continue;
        this.written.set(path, { text: content.text, size: Buffer.byteLength(content.text) });
        jobs.push(() => writeFileSync(join(this.outDir, path), content.text));
      } else {
        const st = await stat(content.copyFrom).catch(() => undefined);
        if (!st) continue;
        const stamp = `${st.size}:${st.mtimeMs}`;
        if (prev?.stamp === stamp) continue;
        this.written.set(path, { stamp, size: st.size });
        jobs.push(() => copyFileSync(content.copyFrom, join(this.outDir, path)));
      }
      dirs.add(dirname(join(this.outDir, path)));
      changed.push(path);
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
    for (const path of [...this.written.keys()]) {
      if (!files.has(path) && !keep.includes(path)) {
        this.written.delete(path);
        await rm(join(this.outDir, path), { force: true });
        changed.push(path);
      }
    }
    return changed;
  }

  /** Writes one text file unconditionally (the manifest: its buildId always changes). */
  async writeText(path: string, text: string): Promise<void> {
    this.written.set(path, { text, size: Buffer.byteLength(text) });
    await mkdir(dirname(join(this.outDir, path)), { recursive: true });
    await writeFile(join(this.outDir, path), text);
  }

  size(path: string): number {
    return this.written.get(path)?.size ?? 0;
  }

  /** Zips the given package files (as written) into `zipPath` inside the output folder. */
  async zip(zipPath: string, paths: readonly string[]): Promise<void> {
    const zip = new ZipFile();
    const mtime = new Date(0); // stable bytes for the same content
    for (const p of [...paths].sort()) {
      const text = this.written.get(p)?.text;
      // text is zipped from memory; images, fonts and media are already compressed: store them
      if (text !== undefined) zip.addBuffer(Buffer.from(text), p, { mtime });
      else zip.addFile(join(this.outDir, p), p, { mtime, compressionLevel: 0 });
    }
    const target = join(this.outDir, zipPath);
    await mkdir(dirname(target), { recursive: true });
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(target);
      out.on('close', () => resolve());
      out.on('error', reject);
      zip.outputStream.on('error', reject).pipe(out);
      zip.end();
    });
  }
}

