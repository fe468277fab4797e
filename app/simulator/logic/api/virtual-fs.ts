/**
 * The per-project file system behind `wx.getFileSystemManager()`, kept in the Worker: `wxfile://usr/…` is the
 * user data directory (writable, 200 MB like WeChat), `wxfile://tmp_…` are temporary files that downloads and
 * choosers create (readable, removable). Errors carry WeChat's messages; the manager prefixes the API name.
 */

export const USER_DATA_PATH = 'wxfile://usr';
export const USER_DATA_LIMIT_BYTES = 200 * 1024 * 1024;

const SCHEMES = ['wxfile://', 'http://'];
const USR = 'usr';

export class FsError extends Error {}

interface FileNode {
  readonly kind: 'file';
  data: Uint8Array;
  modified: number;
}

interface DirNode {
  readonly kind: 'dir';
  modified: number;
}

type FsNode = FileNode | DirNode;

export interface FsStats {
  readonly mode: number;
  readonly size: number;
  readonly lastAccessedTime: number;
  readonly lastModifiedTime: number;
  isDirectory(): boolean;
  isFile(): boolean;
}

/** The user directory as plain data, for persistence: paths (`usr/…`) with file bytes or null for folders. */
export type FsSnapshot = readonly { readonly path: string; readonly data: Uint8Array | null; readonly modified: number }[];

export class VirtualFs {
  private readonly nodes = new Map<string, FsNode>([[USR, { kind: 'dir', modified: now() }]]);
  private tempCounter = 0;
  private readonly changeListeners = new Set<() => void>();
  private changing = false;

  constructor(private readonly clock: () => number = now) {}

  private put(path: string, node: FsNode): void {
    this.nodes.set(path, node);
    this.changed(path);
  }

  private drop(path: string): void {
    if (this.nodes.delete(path)) this.changed(path);
  }

  /** Listeners hear about user-directory changes once per microtask, after the call that made them. */
  private changed(path: string): void {
    if (this.changing || !(path === USR || path.startsWith(`${USR}/`))) return;
    this.changing = true;
    queueMicrotask(() => {
      this.changing = false;
      for (const listener of [...this.changeListeners]) listener();
    });
  }

  /** Called (once per microtask) after the user directory changed. */
  onChange(listener: () => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  snapshot(): FsSnapshot {
    return [...this.nodes]
      .filter(([path]) => path === USR || path.startsWith(`${USR}/`))
      .map(([path, node]) => ({ path, data: node.kind === 'file' ? node.data.slice() : null, modified: node.modified }));
  }

  /** Adds what a snapshot holds and the user directory lacks (files written since boot win). */
  restore(snapshot: FsSnapshot): void {
    for (const entry of [...snapshot].sort((a, b) => a.path.length - b.path.length)) {
      if (entry.path !== USR && !entry.path.startsWith(`${USR}/`)) continue;
      if (this.nodes.has(entry.path)) continue;
      const parent = this.nodes.get(dirname(entry.path));
      if (parent?.kind !== 'dir') continue;
      this.put(entry.path, entry.data ? { kind: 'file', data: entry.data.slice(), modified: entry.modified } : { kind: 'dir', modified: entry.modified });
    }
  }

  /** `wxfile://usr/a/../b.txt` → `usr/b.txt`; anything outside our two areas is refused. */
  resolve(path: unknown): string {
    if (typeof path !== 'string' || path === '') throw new FsError('Invalid argument: path should be a non-empty String');
    const scheme = SCHEMES.find((s) => path.startsWith(s));
    if (!scheme) throw new FsError(`permission denied, open ${path}: only ${USER_DATA_PATH}/… and wxfile://tmp_… paths are files in the simulator`);
    const parts: string[] = [];
    for (const part of path.slice(scheme.length).split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') {
        if (parts.length === 0) throw new FsError(`permission denied, open ${path}`);
        parts.pop();
      } else parts.push(part);
    }
    const head = parts[0];
    if (head !== USR && !(head?.startsWith('tmp_') && parts.length === 1)) throw new FsError(`permission denied, open ${path}`);
    return parts.join('/');
  }

  private node(path: string, original: string, op: string): FsNode {
    const node = this.nodes.get(path);
    if (!node) throw new FsError(`no such file or directory, ${op} ${original}`);
    return node;
  }

  private file(path: string, original: string, op: string): FileNode {
    const node = this.node(path, original, op);
    if (node.kind !== 'file') throw new FsError(`illegal operation on a directory, ${op} ${original}`);
    return node;
  }

  private writable(path: string, original: string): void {
    if (path !== USR && !path.startsWith(`${USR}/`)) throw new FsError(`permission denied, open ${original}`);
  }

  private parentMustBeDir(path: string, original: string, op: string): void {
    const parent = dirname(path);
    const node = this.nodes.get(parent);
    if (!node) throw new FsError(`no such file or directory, ${op} ${original}`);
    if (node.kind !== 'dir') throw new FsError(`not a directory, ${op} ${original}`);
  }

  usedBytes(): number {
    let total = 0;
    for (const [path, node] of this.nodes) if (node.kind === 'file' && path.startsWith(`${USR}/`)) total += node.data.length;
    return total;
  }

  private checkSpace(path: string, newSize: number): void {
    const existing = this.nodes.get(path);
    const current = existing?.kind === 'file' ? existing.data.length : 0;
    if (this.usedBytes() - current + newSize > USER_DATA_LIMIT_BYTES) throw new FsError('the maximum size of the file storage limit is exceeded');
  }

  access(original: unknown): void {
    this.node(this.resolve(original), String(original), 'access');
  }

  exists(original: string): boolean {
    try {
      return this.nodes.has(this.resolve(original));
    } catch {
      return false;
    }
  }

  readFile(original: unknown, position = 0, length?: number): Uint8Array {
    const node = this.file(this.resolve(original), String(original), 'open');
    if (position < 0 || position > node.data.length || (length !== undefined && (length < 0 || position + length > node.data.length))) {
      throw new FsError('Invalid argument: position or length is out of range');
    }
    return node.data.slice(position, length === undefined ? undefined : position + length);
  }

  writeFile(original: unknown, data: Uint8Array, append = false): void {
    const path = this.resolve(original);
    this.writable(path, String(original));
    this.parentMustBeDir(path, String(original), 'open');
    const existing = this.nodes.get(path);
    if (existing?.kind === 'dir') throw new FsError(`illegal operation on a directory, open ${String(original)}`);
    if (append && !existing) throw new FsError(`no such file or directory, open ${String(original)}`);
    const next = append && existing ? concat(existing.data, data) : data.slice();
    this.checkSpace(path, next.length);
    this.put(path, { kind: 'file', data: next, modified: this.clock() });
  }

  /** Writes `data` at `position` of an existing user file, growing it as needed (file-descriptor writes). */
  writeAt(original: unknown, data: Uint8Array, position: number): void {
    const path = this.resolve(original);
    this.writable(path, String(original));
    const node = this.file(path, String(original), 'write');
    const size = Math.max(node.data.length, position + data.length);
    this.checkSpace(path, size);
    const next = new Uint8Array(size);
    next.set(node.data);
    next.set(data, position);
    node.data = next;
    node.modified = this.clock();
    this.changed(path);
  }

  truncate(original: unknown, length = 0): void {
    const path = this.resolve(original);
    this.writable(path, String(original));
    const node = this.file(path, String(original), 'open');
    const next = new Uint8Array(Math.max(0, length));
    next.set(node.data.subarray(0, next.length));
    node.data = next;
    node.modified = this.clock();
    this.changed(path);
  }

  mkdir(original: unknown, recursive = false): void {
    const path = this.resolve(original);
    this.writable(path, String(original));
    if (this.nodes.has(path)) throw new FsError(`file already exists ${String(original)}`);
    if (recursive) {
      const parts = path.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const sub = parts.slice(0, i).join('/');
        const node = this.nodes.get(sub);
        if (node?.kind === 'file') throw new FsError(`not a directory, mkdir ${String(original)}`);
        if (!node) this.put(sub, { kind: 'dir', modified: this.clock() });
      }
      return;
    }
    this.parentMustBeDir(path, String(original), 'mkdir');
    this.put(path, { kind: 'dir', modified: this.clock() });
  }

  readdir(original: unknown): string[] {
    const path = this.resolve(original);
    const node = this.node(path, String(original), 'open');
    if (node.kind !== 'dir') throw new FsError(`not a directory ${String(original)}`);
    return this.children(path).map((child) => child.slice(path.length + 1));
  }

  private children(path: string): string[] {
    const prefix = `${path}/`;
    return [...this.nodes.keys()].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('/')).sort();
  }

  private descendants(path: string): string[] {
    const prefix = `${path}/`;
    return [...this.nodes.keys()].filter((key) => key.startsWith(prefix)).sort();
  }

  rmdir(original: unknown, recursive = false): void {
    const path = this.resolve(original);
    this.writable(path, String(original));
    const node = this.node(path, String(original), 'rmdir');
    if (node.kind !== 'dir') throw new FsError(`not a directory ${String(original)}`);
    if (path === USR) throw new FsError(`permission denied, rmdir ${String(original)}`);
    const inside = this.descendants(path);
    if (inside.length && !recursive) throw new FsError(`directory not empty ${String(original)}`);
    for (const key of inside) this.drop(key);
    this.drop(path);
  }

  unlink(original: unknown): void {
    const path = this.resolve(original);
    const node = this.node(path, String(original), 'unlink');
    if (node.kind === 'dir') throw new FsError(`operation not permitted, unlink ${String(original)}`);
    this.drop(path);
  }

  copyFile(source: unknown, destination: unknown): void {
    const data = this.file(this.resolve(source), String(source), 'copyFile').data;
    this.writeFile(destination, data);
  }

  rename(oldOriginal: unknown, newOriginal: unknown): void {
    const from = this.resolve(oldOriginal);
    const to = this.resolve(newOriginal);
    this.writable(to, String(newOriginal));
    const node = this.node(from, String(oldOriginal), 'rename');
    if (from === USR) throw new FsError(`permission denied, rename ${String(oldOriginal)}`);
    this.parentMustBeDir(to, String(newOriginal), 'rename');
    if (to === from || to.startsWith(`${from}/`)) throw new FsError(`Invalid argument, rename ${String(oldOriginal)} -> ${String(newOriginal)}`);
    const target = this.nodes.get(to);
    if (target?.kind === 'dir' && (node.kind !== 'dir' || this.children(to).length)) throw new FsError(`directory not empty ${String(newOriginal)}`);
    const moved = node.kind === 'dir' ? this.descendants(from) : [];
    this.drop(from);
    this.put(to, node);
    for (const key of moved) {
      const child = this.nodes.get(key)!;
      this.drop(key);
      this.put(to + key.slice(from.length), child);
    }
  }

  stat(original: unknown): FsStats {
    return this.statOf(this.node(this.resolve(original), String(original), 'stat'));
  }

  /** `stat` with `recursive: true`: the directory and everything under it, paths relative to it. */
  statRecursive(original: unknown): { path: string; stats: FsStats }[] {
    const path = this.resolve(original);
    const node = this.node(path, String(original), 'stat');
    const result = [{ path: '/', stats: this.statOf(node) }];
    if (node.kind === 'dir') for (const key of this.descendants(path)) result.push({ path: key.slice(path.length), stats: this.statOf(this.nodes.get(key)!) });
    return result;
  }

  private statOf(node: FsNode): FsStats {
    const isDir = node.kind === 'dir';
    return {
      mode: isDir ? 0o40777 : 0o100666,
      size: node.kind === 'file' ? node.data.length : 0,
      lastAccessedTime: Math.floor(node.modified / 1000),
      lastModifiedTime: Math.floor(node.modified / 1000),
      isDirectory: () => isDir,
      isFile: () => !isDir,
    };
  }

  /** A new temporary file (downloads, chooser results); returns its `wxfile://tmp_…` path. */
  createTempFile(data: Uint8Array, extension = ''): string {
    const suffix = extension && !extension.startsWith('.') ? `.${extension}` : extension;
    const name = `tmp_${this.clock().toString(36)}${(++this.tempCounter).toString(36)}${suffix}`;
    this.put(name, { kind: 'file', data: data.slice(), modified: this.clock() });
    return `wxfile://${name}`;
  }
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function now(): number {
  return Date.now();
}
