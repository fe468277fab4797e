/** Update, log and realtime-log managers: the simulator has no update channel, and logs go to the IDE console. */
import type { WxHost } from '../wx-api';
import { callListener } from './api-maker';

type Level = 'debug' | 'info' | 'log' | 'warn' | 'error';

export function createManagersApi(host: WxHost): Record<string, unknown> {
  const log = (level: Level, tag: string, args: unknown[]) => host.post({ kind: 'log', level, args: [tag, ...args.map(plain)] });
  let updateManager: Record<string, unknown> | undefined;
  let realtime: Record<string, unknown> | undefined;

  const getUpdateManager = () =>
    (updateManager ??= {
      onCheckForUpdate: (listener: unknown) => {
        if (typeof listener === 'function') setTimeout(() => callListener(host, 'UpdateManager.onCheckForUpdate', listener as () => void, { hasUpdate: false }), 0);
      },
      // Never called: a simulator has no newer version to download.
      onUpdateReady: () => undefined,
      onUpdateFailed: () => undefined,
      applyUpdate: () => log('info', '[UpdateManager]', ['applyUpdate: there is no update in the simulator']),
    });

  const getLogManager = (options?: { level?: number }) => {
    const minimum = options?.level === 1 ? 1 : 0;
    const entry = (level: Level, rank: number) => (...args: unknown[]) => {
      if (rank >= minimum) log(level, '[LogManager]', args);
    };
    return { debug: entry('debug', 0), log: entry('log', 0), info: entry('info', 1), warn: entry('warn', 1) };
  };

  const getRealtimeLogManager = () => {
    if (realtime) return realtime;
    const filters: string[] = [];
    const make = (tag: string): Record<string, unknown> => {
      const prefix = () => `[RealtimeLog${tag ? `:${tag}` : ''}${filters.length ? ` ${filters.join(',')}` : ''}]`;
      return {
        debug: (...args: unknown[]) => log('debug', prefix(), args),
        info: (...args: unknown[]) => log('info', prefix(), args),
        warn: (...args: unknown[]) => log('warn', prefix(), args),
        error: (...args: unknown[]) => log('error', prefix(), args),
        setFilterMsg: (msg: unknown) => {
          filters.splice(0, filters.length, String(msg));
        },
        addFilterMsg: (msg: unknown) => {
          filters.push(String(msg));
        },
        getCurrentState: () => ({ size: 0, maxSize: 5 * 1024, logCount: 0, maxLogCount: 200 }),
      };
    };
    const manager = make('');
    manager.in = () => manager;
    manager.tag = (name: unknown) => make(String(name));
    return (realtime = manager);
  };

  return { getUpdateManager, getLogManager, getRealtimeLogManager };
}

/** Log arguments cross postMessage: keep JSON-able data, describe the rest. */
function plain(value: unknown): unknown {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return value;
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}
