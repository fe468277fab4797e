/**
 * Forwards the Worker's console to the host (and so to the IDE's console panel), keeping the original output.
 * Each entry carries where user code called console.* (source-mapped), so the panel can link to the line.
 */
import type { SourceLocation, WorkerToHost } from '../protocol';

const LEVELS = ['log', 'info', 'warn', 'error', 'debug'] as const;

/** Maps a stack to its first frame in a user script, original file:line:column (module-system.ts mapStack). */
export type CallerLocator = (stack: string) => Promise<SourceLocation | undefined>;

export function bridgeConsole(post: (message: WorkerToHost) => void, locate?: CallerLocator): void {
  // Mapping is async (source maps load on first use); the chain keeps entries in the order they were logged.
  let chain: Promise<void> = Promise.resolve();
  for (const level of LEVELS) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      original(...args);
      const entry = { kind: 'log' as const, level, args: args.map((a) => toCloneable(a)) };
      const stack = locate ? new Error().stack : undefined;
      if (!locate || !stack) {
        chain = chain.then(() => post(entry));
        return;
      }
      chain = chain.then(async () => {
        const source = await locate(stack).catch(() => undefined);
        post(source ? { ...entry, source } : entry);
      });
    };
  }
}

/** Console arguments cross a postMessage: keep plain data, describe the rest. */
export function toCloneable(value: unknown, depth = 0): unknown {
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
