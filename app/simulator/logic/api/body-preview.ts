/**
 * Bounded text previews of request and response bodies for the IDE's Network panel: text as it is (cut at
 * `limit` bytes of UTF-8), binary as `<N bytes binary>`, so a large download never floods the device link.
 */

export const BODY_PREVIEW_LIMIT = 64 * 1024;

export interface BodyPreview {
  readonly text: string;
  /** The whole body's size in bytes. */
  readonly size: number;
}

/** A request body as fetch gets it: string, bytes, or the multipart form of uploadFile. */
export function requestBodyPreview(body: unknown, limit = BODY_PREVIEW_LIMIT): BodyPreview | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return textPreview(new TextEncoder().encode(body), limit);
  const bytes = viewOf(body);
  if (bytes) return bytesPreview(bytes, undefined, limit);
  if (typeof FormData !== 'undefined' && body instanceof FormData) return formPreview(body, limit);
  return textPreview(new TextEncoder().encode(String(body)), limit);
}

/** A response body: decoded as UTF-8 when the content type or the bytes say it is text. */
export function bytesPreview(bytes: Uint8Array, contentType: string | undefined, limit = BODY_PREVIEW_LIMIT): BodyPreview {
  return looksTextual(bytes, contentType) ? textPreview(bytes, limit) : { text: `<${bytes.length} bytes binary>`, size: bytes.length };
}

function textPreview(bytes: Uint8Array, limit: number): BodyPreview {
  if (bytes.length <= limit) return { text: new TextDecoder().decode(bytes), size: bytes.length };
  // A cut inside a multi-byte character decodes to U+FFFD; dropping the trailing replacement keeps it clean.
  const head = new TextDecoder().decode(bytes.subarray(0, limit)).replace(/\uFFFD$/, '');
  return { text: `${head}\n… (${bytes.length - limit} more bytes, ${bytes.length} bytes in all)`, size: bytes.length };
}

function formPreview(form: FormData, limit: number): BodyPreview {
  const lines: string[] = [];
  let size = 0;
  form.forEach((value, key) => {
    if (typeof value === 'string') {
      lines.push(`${key}: ${value}`);
      size += new TextEncoder().encode(value).length;
    } else {
      const name = 'name' in value && typeof value.name === 'string' ? ` (${value.name})` : '';
      lines.push(`${key}: <${value.size} bytes file${name}>`);
      size += value.size;
    }
  });
  const text = textPreview(new TextEncoder().encode(`multipart/form-data\n${lines.join('\n')}`), limit).text;
  return { text, size };
}

function viewOf(body: unknown): Uint8Array | undefined {
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
  return undefined;
}

const TEXT_TYPES = /^(text\/|application\/(json|[\w.+-]*\+json|javascript|ecmascript|xml|[\w.+-]*\+xml|x-www-form-urlencoded|graphql))/i;

function looksTextual(bytes: Uint8Array, contentType: string | undefined): boolean {
  if (contentType && TEXT_TYPES.test(contentType.trim())) return true;
  if (contentType && !/^application\/octet-stream/i.test(contentType.trim()) && /^(image|audio|video|font)\/|^application\//i.test(contentType.trim())) return false;
  // No telling type: text when the first bytes are valid UTF-8 without control characters other than whitespace.
  const sample = bytes.subarray(0, 4096);
  for (const byte of sample) if (byte < 9 || (byte > 13 && byte < 32 && byte !== 27)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length < bytes.length ? trimPartial(sample) : sample);
    return true;
  } catch {
    return false;
  }
}

/** Drops an incomplete UTF-8 sequence at the end of a sample so a cut character is not mistaken for binary. */
function trimPartial(sample: Uint8Array): Uint8Array {
  let end = sample.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = sample[end - back]!;
    if ((byte & 0xc0) === 0x80) continue;
    if (byte >= 0xc0) end -= back;
    break;
  }
  return sample.subarray(0, end);
}
