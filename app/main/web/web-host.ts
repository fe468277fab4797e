import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createRequestHandlers, dispatchRequest, forwardEvents, type IdeServices } from '../ide/handlers';
import { MAX_CLIENT_MESSAGE_BYTES, parseClientMessage, type ServerMessage } from './ide-socket';
import { sendStaticFile } from './static-files';
import { cookieValue, newLaunchToken, tokenMatches } from './token';

export interface WebHostOptions {
  readonly services: IdeServices;
  /** The Vite build output (out/web). */
  readonly webRoot: string;
  readonly port?: number;
  readonly host?: string;
  /** Fixed token for tests; a random one per launch otherwise. */
  readonly token?: string;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob: http://127.0.0.1:* http://localhost:*",
  "worker-src 'self' blob:",
  "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*",
  'frame-src http://127.0.0.1:* http://localhost:*',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The browser host: serves the workbench and speaks the IDE contract over a WebSocket, on 127.0.0.1 only.
 * Every request needs the per-launch token — in the URL for the page and the socket, or in the cookie the
 * page gets for its own assets. Without it nothing is served and no request runs.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newLaunchToken();
  const host = options.host ?? '127.0.0.1';
  const handlers = createRequestHandlers(options.services);
  let cookieName = 'ms_token';

  const server = createServer((req, res) => {
    handleHttp(req, res).catch((error: unknown) => {
      console.error('[web-host]', error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal error');
    });
  });

  async function handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const fromQuery = url.searchParams.get('token');
    const authorised = tokenMatches(token, fromQuery) || tokenMatches(token, cookieValue(req.headers.cookie, cookieName));
    if (!authorised) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end('Forbidden: this Mini Studio window needs the token printed when it started (…/?token=…).');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const headers: Record<string, string> = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-cache',
    };
    if (fromQuery) headers['Set-Cookie'] = `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    const path = url.pathname === '/' || url.pathname === '/index.html' ? '/renderer/index.html' : url.pathname;
    if (await sendStaticFile(options.webRoot, path, res, headers)) return;
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`Not found: ${url.pathname}`);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const origin = req.headers.origin;
    const sameOrigin = origin === undefined || origin === `http://${req.headers.host}`;
    if (url.pathname !== '/ide' || !tokenMatches(token, url.searchParams.get('token')) || !sameOrigin) {
      socket.end('HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nForbidden: missing or wrong token\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws));
  });

  const sockets = new Set<WebSocket>();
  function send(ws: WebSocket, message: ServerMessage): void {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  }
  const stopEvents = forwardEvents(options.services, (channel, payload) => {
    for (const ws of sockets) send(ws, { type: 'event', channel, payload });
  });

  function serveSocket(ws: WebSocket): void {
    sockets.add(ws);
    ws.on('close', () => sockets.delete(ws));
    ws.on('error', () => sockets.delete(ws));
    ws.on('message', (data, isBinary) => {
      const message = isBinary ? 'binary messages are not accepted' : parseClientMessage(data.toString());
      if (typeof message === 'string') {
        send(ws, { type: 'response', id: -1, ok: false, error: { code: 'bad-message', message } });
        return;
      }
      void dispatchRequest(handlers, message.channel, message.payload).then((result) =>
        send(ws, result.ok ? { type: 'response', id: message.id, ok: true, value: result.value } : { type: 'response', id: message.id, ok: false, error: result.error }),
      );
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  cookieName = `ms_token_${port}`;
  const url = `http://${host}:${port}/?token=${token}`;
  return {
    url,
    port,
    token,
    async close() {
      stopEvents();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
