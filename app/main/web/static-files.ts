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
 * Sends a file from `root` for a URL path, or returns false when there is none. Refuses anything that would leave
 * `root` (`..`, encoded or not) and never lists folders.
 */
export async function sendStaticFile(root: string, urlPath: string, res: ServerResponse, headers: Record<string, string> = {}): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  if (decoded.includes('\0')) return false;
  const relativePath = normalize(decoded).replace(/^([/\\])+/, '');
  if (relativePath.split(/[/\\]/).includes('..')) return false;
  const file = join(root, relativePath);
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const st = await stat(file).catch(() => null);
  if (!st?.isFile()) return false;
  res.writeHead(200, { 'Content-Type': mimeType(file), 'Content-Length': String(st.size), ...headers });
  createReadStream(file).pipe(res);
  return true;
}
