/** Text ⇄ bytes for the encodings WeChat's file and network APIs accept, without Node's Buffer (this runs in a Worker). */

export type FileEncoding = 'utf8' | 'utf-8' | 'ascii' | 'base64' | 'binary' | 'hex' | 'latin1' | 'ucs2' | 'ucs-2' | 'utf16le' | 'utf-16le';

const ENCODINGS = new Set<string>(['utf8', 'utf-8', 'ascii', 'base64', 'binary', 'hex', 'latin1', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le']);

export function isEncoding(value: unknown): value is FileEncoding {
  return typeof value === 'string' && ENCODINGS.has(value.toLowerCase());
}

export function encodeText(text: string, encoding: FileEncoding = 'utf8'): Uint8Array {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return base64ToBytes(text);
    case 'hex': {
      if (text.length % 2 !== 0 || /[^0-9a-f]/i.test(text)) throw new Error('hex encode error');
      const bytes = new Uint8Array(text.length / 2);
      for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
      return bytes;
    }
    case 'binary':
    case 'latin1':
    case 'ascii':
      return Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le': {
      const bytes = new Uint8Array(text.length * 2);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        bytes[i * 2] = code & 0xff;
        bytes[i * 2 + 1] = code >> 8;
      }
      return bytes;
    }
    default:
      return new TextEncoder().encode(text);
  }
}

export function decodeBytes(bytes: Uint8Array, encoding: FileEncoding = 'utf8'): string {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return bytesToBase64(bytes);
    case 'hex':
      return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    case 'binary':
    case 'latin1':
      return latin1(bytes);
    case 'ascii':
      return latin1(bytes.map((b) => b & 0x7f));
    case 'ucs2':
    case 'ucs-2':
    case 'utf16le':
    case 'utf-16le': {
      let text = '';
      for (let i = 0; i + 1 < bytes.length; i += 2) text += String.fromCharCode(bytes[i]! | (bytes[i + 1]! << 8));
      return text;
    }
    default:
      return new TextDecoder().decode(bytes);
  }
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

export function bytesToBase64(bytes: Uint8Array): string {
  return btoa(latin1(bytes));
}

export function base64ToBytes(text: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(text.replace(/[\s]/g, ''));
  } catch {
    throw new Error('base64 encode error');
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** ArrayBuffer, typed array or DataView → its bytes (a copy, so later changes by the caller do not leak in). */
export function bytesOf(data: unknown): Uint8Array | undefined {
  if (data instanceof ArrayBuffer) return new Uint8Array(data.slice(0));
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  return undefined;
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}
