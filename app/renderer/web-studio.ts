import type { EventChannel, EventChannels, RequestChannel, RequestOf, ResponseOf, StudioApi } from '../shared/contract';

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };
type ServerMessage =
  | { type: 'response'; id: number; ok: true; value: unknown }
  | { type: 'response'; id: number; ok: false; error: { code: string; message: string } }
  | { type: 'event'; channel: string; payload: unknown };

/** An error from a service, with its stable code. */
export class StudioRequestError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `window.studio` for the browser host: the IDE contract over the host's WebSocket. The socket URL carries the
 * launch token the page itself was opened with. Requests made while (re)connecting wait for the socket.
 */
export function createWebStudio(location: Location): StudioApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const socketUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ide?token=${encodeURIComponent(token)}`;
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<void>;

  function connect(attempt = 0): void {
    socket = new WebSocket(socketUrl);
    opened = new Promise((resolve, reject) => {
      socket.addEventListener('open', () => resolve(), { once: true });
      socket.addEventListener('error', () => reject(new Error('Cannot reach Mini Studio: is it still running?')), { once: true });
    });
    opened.catch(() => undefined);
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as ServerMessage;
      if (message.type === 'event') {
        listeners.get(message.channel)?.forEach((listener) => listener(message.payload));
        return;
      }
      const waiting = pending.get(message.id);
      if (!waiting) return;
      pending.delete(message.id);
      if (message.ok) waiting.resolve(message.value);
      else waiting.reject(new StudioRequestError(message.error.code, message.error.message));
    });
    socket.addEventListener('close', () => {
      for (const waiting of pending.values()) waiting.reject(new Error('Lost the connection to Mini Studio.'));
      pending.clear();
      setTimeout(() => connect(attempt + 1), Math.min(5000, 250 * 2 ** attempt));
    });
  }
  connect();

  return {
    async invoke<C extends RequestChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
      await opened;
      const id = nextId++;
      return new Promise<ResponseOf<C>>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        socket.send(JSON.stringify({ type: 'request', id, channel, payload: request }));
      });
    },
    on<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): () => void {
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const wrapped = listener as (payload: unknown) => void;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}
