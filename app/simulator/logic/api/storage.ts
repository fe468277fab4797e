/**
 * Storage as WeChat keeps it: any JSON value per key, sync and async forms, 1 MB per key and 10 MB in all.
 * The Worker holds the synchronous mirror (`host.storage`, JSON text per key); the host persists every change.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import type { ApiMaker } from './api-maker';

export const STORAGE_ITEM_LIMIT_BYTES = 1024 * 1024;
export const STORAGE_TOTAL_LIMIT_BYTES = 10 * 1024 * 1024;

const encoder = new TextEncoder();
const byteLength = (text: string) => encoder.encode(text).length;

export function createStorageApi(host: WxHost, api: ApiMaker): Record<string, unknown> {
  const usedBytes = (except?: string) => {
    let bytes = 0;
    for (const [key, value] of host.storage) if (key !== except) bytes += byteLength(key) + byteLength(value);
    return bytes;
  };

  const checkKey = (name: string, key: unknown): string => {
    if (typeof key !== 'string') throw new ApiFailure(`${name}:fail parameter error: parameter.key should be String instead of ${typeName(key)};`);
    if (key === '') throw new ApiFailure(`${name}:fail parameter error: parameter.key should not be empty;`);
    return key;
  };

  const set = (name: string, key: unknown, data: unknown) => {
    const validKey = checkKey(name, key);
    if (data === undefined) throw new ApiFailure(`${name}:fail parameter error: parameter.data should not be undefined;`);
    let encoded: string;
    try {
      encoded = JSON.stringify(data);
    } catch (error) {
      throw new ApiFailure(`${name}:fail data cannot be serialised: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (encoded === undefined) throw new ApiFailure(`${name}:fail data of type ${typeName(data)} cannot be stored`);
    const itemBytes = byteLength(encoded);
    if (itemBytes > STORAGE_ITEM_LIMIT_BYTES) throw new ApiFailure(`${name}:fail exceed storage item max length (${itemBytes} bytes, the limit is 1 MB per key)`);
    if (usedBytes(validKey) + byteLength(validKey) + itemBytes > STORAGE_TOTAL_LIMIT_BYTES) throw new ApiFailure(`${name}:fail exceed storage max size 10MB`);
    host.storage.set(validKey, encoded);
    host.post({ kind: 'storage', key: validKey, value: encoded });
  };

  const read = (key: string): unknown => {
    const encoded = host.storage.get(key);
    if (encoded === undefined) return undefined;
    try {
      return JSON.parse(encoded) as unknown;
    } catch {
      return encoded;
    }
  };

  const remove = (name: string, key: unknown) => {
    const validKey = checkKey(name, key);
    if (!host.storage.delete(validKey)) return;
    host.post({ kind: 'storage', key: validKey, value: null });
  };

  const clear = () => {
    host.storage.clear();
    host.post({ kind: 'storage-clear' });
  };

  const info = () => ({
    keys: [...host.storage.keys()],
    currentSize: Math.ceil(usedBytes() / 1024),
    limitSize: STORAGE_TOTAL_LIMIT_BYTES / 1024,
  });

  /** Sync forms throw what the async forms pass to `fail`, as an Error whose message is the errMsg. */
  const sync = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ApiFailure) throw new Error(error.message, { cause: error });
      throw error;
    }
  };

  const batchItems = (name: string, list: unknown): { key: string; value: unknown }[] => {
    if (!Array.isArray(list)) throw new ApiFailure(`${name}:fail parameter error: parameter.kvList should be Array instead of ${typeName(list)};`);
    return list.map((item: unknown) => {
      const entry = (item ?? {}) as { key?: unknown; value?: unknown };
      return { key: checkKey(name, entry.key), value: entry.value };
    });
  };

  return {
    setStorageSync: (key: unknown, data: unknown) => sync(() => set('setStorageSync', key, data)),
    getStorageSync: (key: unknown) => sync(() => read(checkKey('getStorageSync', key)) ?? ''),
    removeStorageSync: (key: unknown) => sync(() => remove('removeStorageSync', key)),
    clearStorageSync: () => clear(),
    getStorageInfoSync: () => info(),
    batchSetStorageSync: (kvList: unknown) => sync(() => batchItems('batchSetStorageSync', kvList).forEach(({ key, value }) => set('batchSetStorageSync', key, value))),
    batchGetStorageSync: (keyList: unknown) => sync(() => stringList('batchGetStorageSync', keyList).map((key) => read(key) ?? '')),
    setStorage: api('setStorage', (o) => set('setStorage', o.key, o.data)),
    getStorage: api('getStorage', (o) => {
      const data = read(checkKey('getStorage', o.key));
      if (data === undefined) throw new ApiFailure('getStorage:fail data not found');
      return { data };
    }),
    removeStorage: api('removeStorage', (o) => remove('removeStorage', o.key)),
    clearStorage: api('clearStorage', () => clear()),
    getStorageInfo: api('getStorageInfo', () => info()),
    batchSetStorage: api('batchSetStorage', (o: ApiOptions) => batchItems('batchSetStorage', o.kvList).forEach(({ key, value }) => set('batchSetStorage', key, value))),
    batchGetStorage: api('batchGetStorage', (o: ApiOptions) => ({ dataList: stringList('batchGetStorage', o.keyList).map((key) => read(key) ?? '') })),
  };
}

function stringList(name: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new ApiFailure(`${name}:fail parameter error: parameter.keyList should be Array of String;`);
  return value as string[];
}

export function typeName(value: unknown): string {
  if (value === null) return 'Null';
  if (Array.isArray(value)) return 'Array';
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}
