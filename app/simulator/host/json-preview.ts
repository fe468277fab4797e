/**
 * Turns any value a mini-program logs or stores into plain JSON for the device protocol: bounded in depth,
 * keys, items and string length, cycles cut, and values JSON cannot carry (undefined, functions, NaN,
 * bigint, symbols, Dates, Errors, Maps…) shown as readable strings.
 */
import type { JsonValue } from '../../shared/device-protocol';

export interface PreviewLimits {
  readonly maxDepth: number;
  readonly maxKeys: number;
  readonly maxItems: number;
  readonly maxString: number;
}

export const LOG_PREVIEW: PreviewLimits = { maxDepth: 6, maxKeys: 100, maxItems: 100, maxString: 10_000 };
export const DATA_PREVIEW: PreviewLimits = { maxDepth: 48, maxKeys: 2000, maxItems: 5000, maxString: 100_000 };

export function toJsonPreview(value: unknown, limits: PreviewLimits = LOG_PREVIEW): JsonValue {
  const seen = new Set<object>();
  const walk = (v: unknown, depth: number): JsonValue => {
    switch (typeof v) {
      case 'string':
        return v.length > limits.maxString ? `${v.slice(0, limits.maxString)}… (${v.length} characters)` : v;
      case 'number':
        return Number.isFinite(v) ? v : String(v);
      case 'boolean':
        return v;
      case 'undefined':
        return 'undefined';
      case 'bigint':
        return `${v}n`;
      case 'symbol':
        return v.toString();
      case 'function':
        return `[Function ${v.name || '(anonymous)'}]`;
      default:
        break;
    }
    if (v === null) return null;
    const object = v as object;
    if (object instanceof Date) return Number.isNaN(object.getTime()) ? 'Invalid Date' : object.toISOString();
    if (object instanceof Error) return `${object.name}: ${object.message}`;
    if (object instanceof RegExp) return String(object);
    if (seen.has(object)) return '[Circular]';
    if (depth >= limits.maxDepth) return Array.isArray(object) ? `[Array(${object.length})]` : '[Object]';
    seen.add(object);
    try {
      if (Array.isArray(object)) {
        const items = object.slice(0, limits.maxItems).map((item) => walk(item, depth + 1));
        if (object.length > limits.maxItems) items.push(`… ${object.length - limits.maxItems} more`);
        return items;
      }
      if (object instanceof Map) return walk(Object.fromEntries([...object.entries()].map(([k, val]) => [String(k), val])), depth);
      if (object instanceof Set) return walk([...object], depth);
      if (ArrayBuffer.isView(object) || object instanceof ArrayBuffer) return `[${object.constructor.name} ${object.byteLength} bytes]`;
      const out: Record<string, JsonValue> = {};
      const keys = Object.keys(object);
      for (const key of keys.slice(0, limits.maxKeys)) {
        let item: unknown;
        try {
          item = (object as Record<string, unknown>)[key];
        } catch {
          item = '[getter threw]';
        }
        out[key] = walk(item, depth + 1);
      }
      if (keys.length > limits.maxKeys) out['…'] = `${keys.length - limits.maxKeys} more keys`;
      return out;
    } finally {
      seen.delete(object);
    }
  };
  try {
    return walk(value, 0);
  } catch {
    return '[value that cannot be previewed]'; // e.g. a revoked Proxy
  }
}
