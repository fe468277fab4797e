/** Conversions shared by the FileSystemManager methods: encodings, written data, read results, failures. */
import { ApiFailure } from '../wx-callbacks';
import { bytesOf, decodeBytes, encodeText, isEncoding, toArrayBuffer, type FileEncoding } from './encoding';
import { FsError } from './virtual-fs';

export function encodingOf(value: unknown): FileEncoding | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (!isEncoding(value)) throw new FsError(`Invalid argument: unknown encoding "${String(value)}"`);
  return value;
}

export function dataBytes(data: unknown, encoding: unknown): Uint8Array {
  if (typeof data === 'string') return encodeText(data, encodingOf(encoding) ?? 'utf8');
  const bytes = bytesOf(data);
  if (!bytes) throw new FsError('Invalid argument: data should be a String or an ArrayBuffer');
  return bytes;
}

export function readResult(bytes: Uint8Array, encoding: unknown): string | ArrayBuffer {
  const chosen = encodingOf(encoding);
  return chosen ? decodeBytes(bytes, chosen) : toArrayBuffer(bytes);
}

export function failure(name: string, error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  if (error instanceof Error) return new ApiFailure(`${name}:fail ${error.message}`);
  return new ApiFailure(`${name}:fail ${String(error)}`);
}
