import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentTypeOf } from './mime-types';
import { resolveInside } from './safe-path';

/** Files above this size are streamed with a weak (size+mtime) ETag instead of hashed in memory. */
const HASH_LIMIT = 8 * 1024 * 1024;

/** Sends `encodedPath` from under `root` (GET/HEAD), with an ETag so `no-cache` revalidation is cheap. */
export async function serveFileFrom(
  req: IncomingMessage,
  res: ServerResponse,
  root: string,
  encodedPath: string,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<void> {
  const resolved = await resolveInside(root, encodedPath);
  if (!resolved.ok) {
    sendText(res, resolved.error === 'forbidden' ? 403 : 404, resolved.error === 'forbidden' ? 'Forbidden' : 'Not found');
    return;
  }
  const file = resolved.value;
  let info;
  try {
    info = await stat(file);
  } catch {
    sendText(res, 404, 'Not found');
    return;
  }
  for (const [name, value] of Object.entries(extraHeaders)) res.setHeader(name, value);
  res.setHeader('Content-Type', contentTypeOf(file));
  if (info.size > HASH_LIMIT) {
    const etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
    if (matchesEtag(req, etag)) return notModified(res, etag);
    res.setHeader('ETag', etag);
    res.setHeader('Content-Length', String(info.size));
    res.writeHead(200);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
    return;
  }
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    sendText(res, 404, 'Not found');
    return;
  }
  const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  if (matchesEtag(req, etag)) return notModified(res, etag);
  res.setHeader('ETag', etag);
  res.setHeader('Content-Length', String(body.length));
  res.writeHead(200);
  res.end(req.method === 'HEAD' ? undefined : body);
}

export function sendText(res: ServerResponse, status: number, text: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  res.end(text);
}

function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((candidate) => {
    const c = candidate.trim();
    return c === '*' || c.replace(/^W\//, '') === bare;
  });
}

function notModified(res: ServerResponse, etag: string): void {
  res.removeHeader('Content-Type');
  res.setHeader('ETag', etag);
  res.writeHead(304);
  res.end();
}
