/**
 * The simulator's network report as a device `network` message, cut to fit its 256 KB limit: the body preview
 * to a JSON-encoded budget (escapes can make text grow sixfold), headers to a count and a total length.
 */
import type { NetworkMessage } from '../../shared/device-protocol';
import type { SimulatorEvents } from './simulator-api';

/** UTF-8 bytes of the body as it stands in the message's JSON; with headers, url and error it stays under 256 KB. */
export const NETWORK_BODY_BUDGET = 160 * 1024;
export const NETWORK_HEADER_BUDGET = 48 * 1024;
/** The schema's own bounds (device-protocol-schema.ts). */
const BODY_MAX_CHARS = 128 * 1024;
const HEADER_MAX_COUNT = 200;
const HEADER_VALUE_MAX = 8192;

export function toNetworkMessage(e: SimulatorEvents['network'], time: number): NetworkMessage {
  const isRequest = e.phase === 'request';
  const headers = isRequest ? e.requestHeaders : e.responseHeaders;
  const body = isRequest ? e.requestBody : e.responseBody;
  const size = isRequest ? e.requestSize : e.size;
  return {
    type: 'network',
    id: String(e.id),
    phase: e.phase === 'error' ? 'fail' : e.phase,
    api: e.api ?? 'request',
    url: e.url.slice(0, 2048),
    method: e.method.slice(0, 16),
    ...(e.status !== undefined ? { status: e.status } : {}),
    ...(headers ? { [isRequest ? 'requestHeaders' : 'responseHeaders']: boundedHeaders(headers) } : {}),
    ...(body !== undefined ? { body: boundedBody(body) } : {}),
    ...(size !== undefined ? { size } : {}),
    ...(e.duration !== undefined ? { duration: e.duration } : {}),
    ...(e.error !== undefined ? { errorMessage: e.error.slice(0, 4096) } : {}),
    time,
  };
}

/** At most 200 headers and NETWORK_HEADER_BUDGET characters in all; a long value is cut, not dropped. */
export function boundedHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  let budget = NETWORK_HEADER_BUDGET;
  for (const [name, value] of Object.entries(headers).slice(0, HEADER_MAX_COUNT)) {
    if (budget <= 0) break;
    const key = name.slice(0, 256);
    const kept = value.slice(0, Math.min(HEADER_VALUE_MAX, Math.max(0, budget - key.length)));
    out[key] = kept;
    budget -= key.length + kept.length;
  }
  return out;
}

export function boundedBody(body: string): string {
  let text = body.slice(0, BODY_MAX_CHARS);
  let bytes = encodedBytes(text);
  if (bytes <= NETWORK_BODY_BUDGET && text.length === body.length) return text;
  while (bytes > NETWORK_BODY_BUDGET) {
    text = text.slice(0, Math.floor((text.length * NETWORK_BODY_BUDGET) / bytes * 0.95));
    bytes = encodedBytes(text);
  }
  return `${text}\n… (cut to fit the device protocol)`;
}

function encodedBytes(text: string): number {
  return new TextEncoder().encode(JSON.stringify(text)).length;
}
