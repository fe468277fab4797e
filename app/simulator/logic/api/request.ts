/**
 * `wx.request` and its RequestTask: WeChat's data rules (query string for GET, JSON or form body otherwise),
 * dataType/responseType, timeout, abort, onHeadersReceived and chunked reads, over fetch.
 */
import type { WxHost } from '../wx-api';
import { ApiFailure, type ApiOptions } from '../wx-callbacks';
import { ListenerSet, type ApiMaker } from './api-maker';
import { bytesOf, toArrayBuffer } from './encoding';
import { cookiesOf, describeFetchError, isHttpUrl, NetworkReport, responseHeaders, transferLimit, type NetworkTransport } from './network-transport';

export const REQUEST_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'] as const;
export const DEFAULT_TIMEOUT_MS = 60000;

export interface PreparedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly body: string | ArrayBuffer | undefined;
}

/** Applies WeChat's rules for `data`, `header` and `method`; throws ApiFailure with WeChat's message on bad input. */
export function prepareRequest(o: ApiOptions): PreparedRequest {
  if (!isHttpUrl(o.url)) throw new ApiFailure(`request:fail invalid url "${String(o.url ?? '')}"`);
  const method = (typeof o.method === 'string' ? o.method : 'GET').toUpperCase();
  if (!(REQUEST_METHODS as readonly string[]).includes(method)) throw new ApiFailure(`request:fail parameter error: parameter.method should be one of ${REQUEST_METHODS.join(', ')}`);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries((o.header ?? {}) as Record<string, unknown>)) {
    // Browsers and WeChat alike refuse to let a page set Referer.
    if (key.toLowerCase() === 'referer' || value === undefined || value === null) continue;
    headers[key] = String(value);
  }
  const contentTypeKey = Object.keys(headers).find((k) => k.toLowerCase() === 'content-type');
  const contentType = contentTypeKey ? headers[contentTypeKey]! : 'application/json';
  let url = o.url;
  let body: string | ArrayBuffer | undefined;
  const data = o.data;
  if (data !== undefined && data !== null) {
    const bytes = bytesOf(data);
    if (method === 'GET') {
      const query = typeof data === 'string' ? data : bytes ? '' : toQueryString(data as Record<string, unknown>);
      if (query) url = appendQuery(url, query);
    } else if (bytes) {
      body = toArrayBuffer(bytes);
    } else if (typeof data === 'string') {
      body = data;
    } else if (/application\/x-www-form-urlencoded/i.test(contentType)) {
      body = toQueryString(data as Record<string, unknown>);
    } else {
      body = JSON.stringify(data);
    }
  }
  if (body !== undefined && !contentTypeKey) headers['content-type'] = 'application/json';
  return { method, url, headers, body };
}

export function toQueryString(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v))}`)
    .join('&');
}

function appendQuery(url: string, query: string): string {
  const hash = url.indexOf('#');
  const [base, fragment] = hash < 0 ? [url, ''] : [url.slice(0, hash), url.slice(hash)];
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${joiner}${query}${fragment}`;
}

/** app.json `networkTimeout.<api>` (ms) is the default timeout of each network API, 60 s without it. */
export function appNetworkTimeout(host: WxHost, apiName: string): number {
  const configured = (host.manifest?.appJson?.networkTimeout as Record<string, unknown> | undefined)?.[apiName];
  return typeof configured === 'number' && configured > 0 ? configured : DEFAULT_TIMEOUT_MS;
}

/** The Referer WeChat sends with every request; only the proxy can set it (browsers forbid the header). */
export function wechatReferer(host: WxHost): string {
  return `https://servicewechat.com/${host.manifest?.appId ?? 'touristappid'}/devtools/page-frame.html`;
}

/** Runs one fetch with WeChat's timeout and abort messages; shared by request, downloadFile and uploadFile. */
export class NetworkTask {
  private readonly controller = new AbortController();
  private abortedByUser = false;
  readonly headersReceived: ListenerSet<[{ header: Record<string, string>; statusCode: number; cookies: string[] }]>;

  constructor(
    readonly host: WxHost,
    readonly apiName: 'request' | 'uploadFile' | 'downloadFile',
  ) {
    this.headersReceived = new ListenerSet(host, `${apiName}Task.onHeadersReceived`);
  }

  abort(): void {
    this.abortedByUser = true;
    this.controller.abort();
  }

  get aborted(): boolean {
    return this.abortedByUser;
  }

  private timer: ReturnType<typeof setTimeout> | undefined;
  private timedOut = false;

  private releaseSlot: () => void = () => undefined;

  async fetch(transport: NetworkTransport, target: string, init: RequestInit, timeout: unknown): Promise<{ response: Response; header: Record<string, string>; report: NetworkReport }> {
    this.releaseSlot = await transferLimit(this.apiName).acquire();
    const report = new NetworkReport(this.host, init.method ?? 'GET', target, { api: this.apiName, headers: init.headers as Record<string, string> | undefined, body: init.body });
    if (this.abortedByUser) {
      this.releaseSlot();
      report.error('abort');
      throw new ApiFailure(`${this.apiName}:fail abort`);
    }
    const ms = typeof timeout === 'number' && timeout > 0 ? timeout : appNetworkTimeout(this.host, this.apiName);
    if (transport.proxied) init = { ...init, headers: { ...(init.headers as Record<string, string>), 'x-ministudio-referer': wechatReferer(this.host) } };
    // One timeout covers the whole exchange, headers and body, as in WeChat.
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
    }, ms);
    try {
      const response = await transport.fetchImpl(transport.httpUrl(target), { ...init, signal: this.controller.signal, redirect: 'follow' });
      const proxyError = transport.proxied ? response.headers.get('x-ministudio-proxy-error') : null;
      if (proxyError) throw new Error(proxyError);
      const header = responseHeaders(response, transport.proxied);
      report.headersReceived(header);
      this.headersReceived.emit({ header, statusCode: response.status, cookies: cookiesOf(header) });
      return { response, header, report };
    } catch (error) {
      clearTimeout(this.timer);
      this.releaseSlot();
      throw this.failure(report, error, target);
    }
  }

  /** Reads the body under the same timeout and abort; reports the outcome. */
  async readBody<T>(report: NetworkReport, status: number, read: () => Promise<T>): Promise<T> {
    try {
      const value = await read();
      report.response(status, value instanceof Uint8Array || typeof value === 'string' ? value : undefined);
      return value;
    } catch (error) {
      throw this.failure(report, error, '');
    } finally {
      clearTimeout(this.timer);
      this.releaseSlot();
    }
  }

  private failure(report: NetworkReport, error: unknown, target: string): ApiFailure {
    const message = this.timedOut ? 'timeout' : this.abortedByUser ? 'abort' : describeFetchError(error, target);
    report.error(message);
    return new ApiFailure(`${this.apiName}:fail ${message}`);
  }
}

export function createRequestApi(host: WxHost, api: ApiMaker, transport: NetworkTransport): Record<string, unknown> {
  const request = (options: ApiOptions = {}) => {
    const task = new NetworkTask(host, 'request');
    const chunks = new ListenerSet<[{ data: ArrayBuffer }]>(host, 'RequestTask.onChunkReceived');
    const run = api('request', async (o) => {
      const prepared = prepareRequest(o);
      const { response, header, report } = await task.fetch(transport, prepared.url, { method: prepared.method, headers: prepared.headers, ...(prepared.body === undefined ? {} : { body: prepared.body }) }, o.timeout);
      const bytes = await task.readBody(report, response.status, () => (o.enableChunked === true ? readChunked(response, chunks) : response.arrayBuffer().then((b) => new Uint8Array(b))));
      return { data: decodeResponse(bytes, o.dataType, o.responseType), statusCode: response.status, header, cookies: cookiesOf(header), profile: {} };
    });
    const settled = run(options);
    const requestTask = {
      abort: () => task.abort(),
      onHeadersReceived: task.headersReceived.on,
      offHeadersReceived: task.headersReceived.off,
      onChunkReceived: chunks.on,
      offChunkReceived: chunks.off,
    };
    // With callbacks WeChat returns the task; without, a Promise of the result.
    return settled ?? requestTask;
  };
  return { request };
}

async function readChunked(response: Response, chunks: ListenerSet<[{ data: ArrayBuffer }]>): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const parts: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    chunks.emit({ data: toArrayBuffer(value) });
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** `responseType: 'arraybuffer'` gives bytes; otherwise text, parsed as JSON when `dataType` is json and it parses. */
export function decodeResponse(bytes: Uint8Array, dataType: unknown, responseType: unknown): unknown {
  if (responseType === 'arraybuffer') return toArrayBuffer(bytes);
  const text = new TextDecoder().decode(bytes);
  if (dataType !== undefined && dataType !== 'json') return text;
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch {
    return text;
  }
}
