/**
 * `wxfile://…` paths made loadable by the views: a view cannot read the Worker's virtual file system, so an
 * attribute naming a file is sent as a blob: URL of its bytes (same origin, so the view iframes load it).
 */
import type { VirtualFs } from './virtual-fs';

const FILE_PATH = /^(?:wxfile:\/\/|http:\/\/(?:tmp|usr)\/)/;

interface CachedUrl {
  readonly url: string;
  readonly modified: number;
  readonly size: number;
}

export class FileUrls {
  private readonly cache = new Map<string, CachedUrl>();

  constructor(private readonly fs: VirtualFs) {}

  static isFilePath(value: unknown): value is string {
    return typeof value === 'string' && FILE_PATH.test(value);
  }

  /** A blob: URL for a file path that exists; undefined for anything else. */
  urlOf(path: string, mimeType = mimeTypeOf(path)): string | undefined {
    let stats;
    try {
      stats = this.fs.stat(path);
    } catch {
      return undefined;
    }
    if (!stats.isFile()) return undefined;
    const key = this.fs.resolve(path);
    const cached = this.cache.get(key);
    if (cached && cached.modified === stats.lastModifiedTime && cached.size === stats.size) return cached.url;
    if (cached) URL.revokeObjectURL(cached.url);
    const bytes = this.fs.readFile(path);
    const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], mimeType ? { type: mimeType } : {}));
    this.cache.set(key, { url, modified: stats.lastModifiedTime, size: stats.size });
    return url;
  }
}

let active: FileUrls | undefined;

/** The file system whose paths the render backend translates (the one `wx` uses). */
export function useFileUrls(urls: FileUrls): void {
  active = urls;
}

/** What the view receives for an attribute value: file paths become blob: URLs, the rest is unchanged. */
export function viewValueOf(value: unknown): unknown {
  if (!active || !FileUrls.isFilePath(value)) return value;
  return active.urlOf(value) ?? value;
}

export function mimeTypeOf(path: string): string {
  const extension = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? '';
  return MIME_TYPES[extension] ?? '';
}

const MIME_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  svg: 'image/svg+xml',
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  wav: 'audio/wav',
  pdf: 'application/pdf',
  txt: 'text/plain',
};
