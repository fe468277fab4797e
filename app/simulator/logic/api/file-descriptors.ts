/** The file-descriptor half of FileSystemManager (open/read/write/fstat/ftruncate/close) over the VirtualFs. */
import { FsError, type FsStats, type VirtualFs } from './virtual-fs';

const FLAGS = new Set(['a', 'ax', 'a+', 'ax+', 'as', 'as+', 'r', 'r+', 'w', 'wx', 'w+', 'wx+']);

interface OpenFile {
  readonly path: string;
  readonly readable: boolean;
  readonly writable: boolean;
  readonly append: boolean;
  position: number;
}

export class FileDescriptors {
  private readonly open = new Map<string, OpenFile>();
  private next = 1;

  constructor(private readonly fs: VirtualFs) {}

  openFile(filePath: unknown, flag: unknown = 'r'): string {
    const mode = typeof flag === 'string' ? flag : 'r';
    if (!FLAGS.has(mode)) throw new FsError(`Invalid argument: unknown flag "${mode}"`);
    const exists = typeof filePath === 'string' && this.fs.exists(filePath);
    if (mode.includes('x') && exists) throw new FsError(`file already exists ${String(filePath)}`);
    if (mode.startsWith('r')) this.fs.stat(filePath);
    else if (mode.startsWith('w') || !exists) this.fs.writeFile(filePath, new Uint8Array(0));
    const fd = String(this.next++);
    this.open.set(fd, { path: String(filePath), readable: mode.startsWith('r') || mode.includes('+'), writable: mode !== 'r', append: mode.startsWith('a'), position: 0 });
    return fd;
  }

  private get(fd: unknown): OpenFile {
    const file = typeof fd === 'string' ? this.open.get(fd) : undefined;
    if (!file) throw new FsError('bad file descriptor');
    return file;
  }

  /** Reads into `target[offset…offset+length)` from `position` (the current position when not a number). */
  read(fd: unknown, target: unknown, offset = 0, length = 0, position?: unknown): { bytesRead: number; arrayBuffer: ArrayBuffer } {
    const file = this.get(fd);
    if (!file.readable) throw new FsError('permission denied: the file was not opened for reading');
    if (!(target instanceof ArrayBuffer)) throw new FsError('Invalid argument: arrayBuffer should be an ArrayBuffer');
    if (offset < 0 || length < 0 || offset + length > target.byteLength) throw new FsError('Invalid argument: offset or length is out of range');
    const from = typeof position === 'number' ? position : file.position;
    const data = this.fs.readFile(file.path);
    const chunk = data.subarray(Math.min(from, data.length), Math.min(from + length, data.length));
    new Uint8Array(target).set(chunk, offset);
    if (typeof position !== 'number') file.position = from + chunk.length;
    return { bytesRead: chunk.length, arrayBuffer: target };
  }

  write(fd: unknown, data: Uint8Array, position?: unknown): { bytesWritten: number } {
    const file = this.get(fd);
    if (!file.writable) throw new FsError('permission denied: the file was not opened for writing');
    const size = this.fs.readFile(file.path).length;
    const at = file.append ? size : typeof position === 'number' ? position : file.position;
    this.fs.writeAt(file.path, data, at);
    if (typeof position !== 'number' || file.append) file.position = at + data.length;
    return { bytesWritten: data.length };
  }

  fstat(fd: unknown): FsStats {
    return this.fs.stat(this.get(fd).path);
  }

  ftruncate(fd: unknown, length = 0): void {
    const file = this.get(fd);
    if (!file.writable) throw new FsError('permission denied: the file was not opened for writing');
    this.fs.truncate(file.path, length);
  }

  close(fd: unknown): void {
    this.get(fd);
    this.open.delete(String(fd));
  }
}
