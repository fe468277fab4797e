import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { ServerResponse } from 'node:http';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file under `root` a URL path names, or null: refuses anything that would leave `root` (`..`, encoded or
 * not, NUL bytes) and anything that is not a regular file (no folder listings).
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<{ file: string; size: number } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relativePath = normalize(decoded).replace(/^([/\\])+/, '');
  if (relativePath.split(/[/\\]/).includes('..')) return null;
  const file = join(root, relativePath);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  const st = await stat(file).catch(() => null);
  return st?.isFile() ? { file, size: st.size } : null;
}

/** Sends a file from `root` for a URL path, or returns false when there is none (see resolveStaticFile). */
export async function sendStaticFile(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string> = {}): Promise<boolean> {
  const found = await resolveStaticFile(root, urlPath);
  if (!found) return false;
  res.writeHead(200, { 'Content-Type': mimeType(found.file), 'Content-Length': String(found.size), ...headers });
  createReadStream(found.file).pipe(res);
  return true;
}
