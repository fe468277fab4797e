import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import type { WebSocket } from 'ws';
import { DEVICE_FRAME_LIMIT } from '../../shared/device-protocol';
import type { DeviceHub } from '../device/device-hub';

/** How often the server pings devices; one missed pong and the connection is dropped. */
const HEARTBEAT_MS = 30_000;

/** Accepts device WebSockets for the hub: one `DeviceSession` per socket, frames capped at `DEVICE_FRAME_LIMIT`. */
export class DeviceSocketServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: DEVICE_FRAME_LIMIT, perMessageDeflate: false });
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly hub: DeviceHub,
    /** Open sockets allowed at once; more are turned away with 503 (a connection flood must not exhaust us). */
    private readonly maxConnections = 256,
  ) {
    this.heartbeat = setInterval(() => this.checkAlive(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  /** Takes over an HTTP upgrade that the devserver already checked (path, Host, Origin). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (this.wss.clients.size >= this.maxConnections) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws, req.socket.remoteAddress));
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket, remoteAddress: string | undefined): void {
    this.alive.set(ws, true);
    const session = this.hub.attach(
      {
        send: (text) => {
          if (ws.readyState === ws.OPEN) ws.send(text);
        },
        // A close reason is limited to 123 bytes by the WebSocket protocol (ws throws beyond).
        close: (code, reason) => ws.close(code, Buffer.from(reason).subarray(0, 120).toString('utf8').replace(/\uFFFD$/, '')),
      },
      remoteAddress,
    );
    ws.on('pong', () => this.alive.set(ws, true));
    ws.on('message', (data, isBinary) => {
      if (isBinary) {
        session.receiveBinary();
        return;
      }
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : Buffer.from(data);
      session.receive(buffer.toString('utf8'), buffer.length);
    });
    // ws reports oversized or malformed frames here and then closes the socket itself (1009, 1007…).
    ws.on('error', () => undefined);
    ws.on('close', (code, reason) => session.transportClosed(code, reason.toString('utf8')));
  }

  private checkAlive(): void {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
