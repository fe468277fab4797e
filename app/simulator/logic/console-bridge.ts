/** Forwards the Worker's console to the host (and so to the IDE's console panel), keeping the original output. */
import type { WorkerToHost } from '../protocol';

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

export function bridgeConsole(post: (message: WorkerToHost) => void): void {
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      post({ kind: 'log', level, args: args.map(toCloneable) });
    };
  }
}

/** Console arguments cross a postMessage: keep plain data, describe the rest. */
function toCloneable(value: unknown, depth = 0): unknown {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return value;
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`;
  if (typeof value === 'symbol') return value.toString();
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (depth > 6) return '[…]';
  if (Array.isArray(value)) return value.slice(0, 1000).map((v) => toCloneable(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  const result: Record<string, unknown> = {};
  let count = 0;
  for (const key of Object.keys(value as object)) {
    if (key.startsWith('_$') || count++ > 200) continue;
    result[key] = toCloneable((value as Record<string, unknown>)[key], depth + 1);
  }
  return result;
}
