/** Shared plumbing of the API families: WeChat's callback/Promise convention bound to one host. */
import type { WxHost } from '../wx-api';
import { asyncApi, type ApiImpl, type ApiOptions } from '../wx-callbacks';

export type AsyncApi = (options?: ApiOptions) => Promise<unknown> | undefined;
export type ApiMaker = (name: string, impl: ApiImpl) => AsyncApi;

export function apiMaker(host: WxHost): ApiMaker {
  const onCallbackError = (error: unknown) => void host.reportError(error, 'error', 'wx API callback');
  return (name, impl) => asyncApi(name, impl, onCallbackError);
}

/** Calls a user listener, reporting (not throwing) what it throws, as WeChat does for `wx.on*` callbacks. */
export function callListener(host: WxHost, where: string, listener: (...args: never[]) => unknown, ...args: unknown[]): void {
  try {
    (listener as (...a: unknown[]) => unknown)(...args);
  } catch (error) {
    void host.reportError(error, 'error', where);
  }
}

/** A set of `wx.onX` listeners with its `wx.offX` (no argument removes them all, as in WeChat). */
export class ListenerSet<A extends unknown[]> {
  private readonly listeners = new Set<(...args: A) => void>();

  constructor(
    private readonly host: WxHost,
    private readonly name: string,
  ) {}

  readonly on = (listener: unknown): void => {
    if (typeof listener === 'function') this.listeners.add(listener as (...args: A) => void);
  };

  readonly off = (listener?: unknown): void => {
    if (listener === undefined) this.listeners.clear();
    else this.listeners.delete(listener as (...args: A) => void);
  };

  get size(): number {
    return this.listeners.size;
  }

  emit(...args: A): void {
    for (const listener of [...this.listeners]) callListener(this.host, `wx.${this.name} listener`, listener, ...args);
  }
}

/** A one-line notice in the IDE console that a call was answered by the simulator, not by WeChat. */
export function simulatedNotice(host: WxHost, api: string, what: string): void {
  host.post({ kind: 'log', level: 'info', args: [`[simulator] wx.${api}: ${what}`] });
}

export function stringOption(options: ApiOptions, key: string, fallback = ''): string {
  const value = options[key];
  return typeof value === 'string' ? value : fallback;
}
