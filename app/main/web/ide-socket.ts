/** The IDE contract over a WebSocket: the wire format both ends of the browser host speak. */
export type ClientMessage = { readonly type: 'request'; readonly id: number; readonly channel: string; readonly payload?: unknown };

export type ServerMessage =
  | { readonly type: 'response'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'response'; readonly id: number; readonly ok: false; readonly error: { code: string; message: string } }
  | { readonly type: 'event'; readonly channel: string; readonly payload: unknown };

/** Largest message accepted from the page (a file being saved is the biggest thing it sends). */
export const MAX_CLIENT_MESSAGE_BYTES = 32 * 1024 * 1024;

export function parseClientMessage(raw: string): ClientMessage | string {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return 'message is not valid JSON';
  }
  if (typeof value !== 'object' || value === null) return 'message must be an object';
  const m = value as Record<string, unknown>;
  if (m.type !== 'request') return `unknown message type: ${String(m.type).slice(0, 40)}`;
  if (typeof m.id !== 'number' || !Number.isSafeInteger(m.id)) return 'request id must be an integer';
  if (typeof m.channel !== 'string') return 'request channel must be a string';
  return { type: 'request', id: m.id, channel: m.channel, payload: m.payload };
}
