/**
 * How the logic layer reaches the network. A phone has no same-origin rule, a browser has; so requests can go
 * through the devserver's proxy (see `proxyVia`), or straight to the server when no proxy is configured.
 * Every request is reported to the host for the IDE's Network panel.
 */
import type { WxHost } from '../wx-api';
import { bytesPreview, requestBodyPreview } from './body-preview';

export interface NetworkTransport {
  /** The URL to fetch for a mini-program URL (the proxy's, or the URL itself). */
  httpUrl(target: string): string;
  /** The URL to open a WebSocket to. */
  socketUrl(target: string): string;
  readonly fetchImpl: typeof fetch;
  readonly WebSocketImpl: typeof WebSocket | undefined;
  /** True when responses come from the proxy, which returns the target's headers in `x-ministudio-headers`. */
  readonly proxied: boolean;
}

/** Straight to the server: cross-origin servers must allow CORS, as in a web page. */
export function directTransport(fetchImpl: typeof fetch = globalFetch, WebSocketImpl: typeof WebSocket | undefined = globalThis.WebSocket): NetworkTransport {
  return { httpUrl: (url) => url, socketUrl: (url) => url, fetchImpl, WebSocketImpl, proxied: false };
}

/**
 * Through the devserver: `<origin>/__proxy?url=<target>` with the original method, headers and body, and
 * `ws(s)://<host>/__proxy/ws?url=<target>` for sockets. The proxy answers with the target's status and body and
 * puts the target's response headers, JSON-encoded, in `x-ministudio-headers` (so Set-Cookie survives).
 * Requests carry `x-ministudio-referer`, which the proxy sends to the target as `Referer` (as WeChat does);
 * when the proxy cannot reach the target it answers 502 with the reason in `x-ministudio-proxy-error`.
 */
export function proxyVia(origin: string, fetchImpl: typeof fetch = globalFetch, WebSocketImpl: typeof WebSocket | undefined = globalThis.WebSocket): NetworkTransport {
  const base = origin.replace(/\/$/, '');
  const wsBase = base.replace(/^http/, 'ws');
  return {
    httpUrl: (url) => `${base}/__proxy?url=${encodeURIComponent(url)}`,
    socketUrl: (url) => `${wsBase}/__proxy/ws?url=${encodeURIComponent(url)}`,
    fetchImpl,
    WebSocketImpl,
    proxied: true,
  };
}

/** fetch must be called on the global scope: a Worker's fetch called as `transport.fetchImpl()` is an illegal invocation. */
const globalFetch: typeof fetch = (input, init) => fetch(input, init);

let nextNetworkId = 1;

export type NetworkApiName = 'request' | 'uploadFile' | 'downloadFile' | 'connectSocket';

export interface ReportedRequest {
  readonly api: NetworkApiName;
  readonly headers?: Readonly<Record<string, string>>;
  /** What fetch sends: string, bytes or FormData; previewed, never sent whole. */
  readonly body?: unknown;
}

/** One line in the Network panel: `request` when it starts, then `response` or `error`. */
export class NetworkReport {
  readonly id = nextNetworkId++;
  private readonly started = Date.now();
  private readonly api: NetworkApiName;
  private headers: Record<string, string> | undefined;

  constructor(
    private readonly host: WxHost,
    private readonly method: string,
    private readonly url: string,
    request: ReportedRequest = { api: 'request' },
  ) {
    this.api = request.api;
    const body = requestBodyPreview(request.body);
    host.post({
      kind: 'network',
      id: this.id,
      phase: 'request',
      api: this.api,
      method,
      url,
      ...(request.headers ? { requestHeaders: withoutInternal(request.headers) } : {}),
      ...(body ? { requestBody: body.text, requestSize: body.size } : {}),
    });
  }

  /** The response headers, once they arrive; sent with the outcome. */
  headersReceived(headers: Record<string, string>): void {
    this.headers = headers;
  }

  /** `body`: the response bytes (or text) as read, previewed by its content type. */
  response(status: number, body?: Uint8Array | string): void {
    const contentType = this.headers ? Object.entries(this.headers).find(([key]) => key.toLowerCase() === 'content-type')?.[1] : undefined;
    const preview = body === undefined ? undefined : typeof body === 'string' ? requestBodyPreview(body) : bytesPreview(body, contentType);
    this.host.post({
      kind: 'network',
      id: this.id,
      phase: 'response',
      api: this.api,
      method: this.method,
      url: this.url,
      status,
      duration: Date.now() - this.started,
      ...(this.headers ? { responseHeaders: this.headers } : {}),
      ...(preview ? { responseBody: preview.text, size: preview.size } : {}),
    });
  }

  error(message: string): void {
    this.host.post({ kind: 'network', id: this.id, phase: 'error', api: this.api, method: this.method, url: this.url, duration: Date.now() - this.started, error: message, ...(this.headers ? { responseHeaders: this.headers } : {}) });
  }
}

/** Our proxy's own headers are plumbing, not what the mini-program sent. */
function withoutInternal(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([key]) => !key.toLowerCase().startsWith('x-ministudio-')));
}

/** Response headers as WeChat gives them: a plain object; through the proxy, the target's own headers. */
export function responseHeaders(response: Response, proxied: boolean): Record<string, string> {
  if (proxied) {
    const encoded = response.headers.get('x-ministudio-headers');
    if (encoded) {
      try {
        return JSON.parse(encoded) as Record<string, string>;
      } catch {
        // fall through to the visible headers
      }
    }
  }
  const header: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    header[key] = value;
  });
  return header;
}

export function cookiesOf(header: Record<string, string>): string[] {
  const entry = Object.entries(header).find(([key]) => key.toLowerCase() === 'set-cookie');
  return entry ? entry[1].split(/,(?=\s*[^;,=\s]+=)/).map((c) => c.trim()) : [];
}

/** What `fetch` threw, in WeChat's words where there are some. */
export function describeFetchError(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  if (/Failed to fetch|NetworkError|fetch failed|Load failed/i.test(message)) {
    return `${message}${cause} (${url} could not be reached, or the server does not allow cross-origin requests from the simulator)`;
  }
  return `${message}${cause}`;
}

export function isHttpUrl(url: unknown): url is string {
  return typeof url === 'string' && /^https?:\/\/[^/\s]+/i.test(url);
}

/** WeChat runs at most 10 requests (and 10 uploads, 10 downloads) at once; later ones wait for a free slot. */
export const MAX_CONCURRENT_TRANSFERS = 10;

export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  /** Resolves with a release function once a slot is free. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      const start = () => {
        this.running++;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.running--;
          this.waiting.shift()?.();
        });
      };
      if (this.running < this.limit) start();
      else this.waiting.push(start);
    });
  }
}

const limits = new Map<string, ConcurrencyLimit>();

export function transferLimit(apiName: string): ConcurrencyLimit {
  let limit = limits.get(apiName);
  if (!limit) limits.set(apiName, (limit = new ConcurrencyLimit(MAX_CONCURRENT_TRANSFERS)));
  return limit;
}
