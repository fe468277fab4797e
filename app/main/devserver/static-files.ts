import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseByteRange } from './byte-range';
import { contentTypeOf } from './mime-types';
import { resolveInside } from './safe-path';

/** Files above this size are streamed with a weak (size+mtime) ETag instead of hashed in memory. */
const HASH_LIMIT = 8 * 1024 * 1024;

/** Sends `encodedPath` from under `root` (GET/HEAD), with an ETag so `no-cache` revalidation is cheap, and byte ranges. */
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
  res.setHeader('Accept-Ranges', 'bytes');
  let body: Buffer | undefined;
  let etag: string;
  if (info.size > HASH_LIMIT) {
    etag = `W/"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}"`;
  } else {
    try {
      body = await readFile(file);
    } catch {
      sendText(res, 404, 'Not found');
      return;
    }
    etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
  }
  if (matchesEtag(req, etag)) return notModified(res, etag);
  res.setHeader('ETag', etag);
  const size = body?.length ?? info.size;
  // If-Range: the client's copy is stale, so its range would mix two versions; send it all.
  const ifRange = req.headers['if-range'];
  const range = ifRange !== undefined && ifRange !== etag ? ({ kind: 'whole' } as const) : parseByteRange(req.headers.range, size);
  if (range.kind === 'unsatisfiable') {
    res.setHeader('Content-Range', `bytes */${size}`);
    sendText(res, 416, 'Range not satisfiable');
    return;
  }
  const start = range.kind === 'part' ? range.start : 0;
  const end = range.kind === 'part' ? range.end : size - 1;
  if (range.kind === 'part') res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
  res.setHeader('Content-Length', String(Math.max(0, end - start + 1)));
  res.writeHead(range.kind === 'part' ? 206 : 200);
  if (req.method === 'HEAD' || size === 0) {
    res.end();
    return;
  }
  if (body) {
    res.end(range.kind === 'part' ? body.subarray(start, end + 1) : body);
    return;
  }
  const stream = createReadStream(file, { start, end });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
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
