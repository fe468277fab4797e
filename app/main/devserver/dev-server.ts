import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { DEVICE_SOCKET_PATH } from '../../shared/device-protocol';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { DeviceHub } from '../device/device-hub';
import { DeviceSocketServer } from './device-socket';
import { DEFAULT_FRAME_ANCESTORS, PACKAGE_CONTENT_SECURITY_POLICY, runtimeContentSecurityPolicy, setCommonHeaders } from './security-headers';
import { sendText, serveFileFrom } from './static-files';

export interface DevServerOptions {
  readonly hub: DeviceHub;
  /** The built web runtime (vite's out/web). */
  readonly webRoot: string;
  /** Interface to bind; 127.0.0.1 unless devices on the LAN must reach it. */
  readonly host?: string;
  /** 0 picks a free port. */
  readonly port?: number;
  /** CSP `frame-ancestors` of the runtime pages: who may embed the simulator. */
  readonly frameAncestors?: readonly string[];
  /** Device sockets open at once (default 256). */
  readonly maxConnections?: number;
}

/** Where a project's compiled package is served. Both URLs are paths on the devserver's origin. */
export interface PackageMount {
  readonly projectId: string;
  /** `/pkg/<unguessable key>/`, ends with a slash. */
  readonly baseUrl: string;
  readonly manifestUrl: string;
}

export interface DevServer {
  readonly host: string;
  readonly port: number;
  /** `http://127.0.0.1:<port>` (the bound address; for a wildcard bind, the loopback one). */
  readonly origin: string;
  /** Serves `outDir` under a fresh per-session path (replacing an earlier mount of the project). */
  mountPackage(projectId: string, outDir: string): PackageMount;
  unmountPackage(projectId: string): void;
  close(): Promise<void>;
}

const PACKAGE_PREFIX = '/pkg/';
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

/** Starts the devserver: web runtime at `/`, packages at `/pkg/<key>/`, device WebSocket at `/device`. */
export async function startDevServer(options: DevServerOptions): Promise<Result<DevServer, string>> {
  const host = options.host ?? '127.0.0.1';
  const frameAncestors = options.frameAncestors ?? DEFAULT_FRAME_ANCESTORS;
  const mounts = new Map<string, { projectId: string; outDir: string }>();
  const keysByProject = new Map<string, string>();
  const sockets = new DeviceSocketServer(options.hub, options.maxConnections);
  const loopbackOnly = LOOPBACK_HOSTS.has(host);

  // Only loopback names may address a loopback-bound server: a DNS-rebinding page would send its own Host.
  const hostAllowed = (req: IncomingMessage): boolean => {
    if (!loopbackOnly) return true;
    const header = req.headers.host;
    if (!header) return false;
    const name = header.startsWith('[') ? header.slice(0, header.indexOf(']') + 1) : header.split(':')[0]!;
    return LOOPBACK_HOSTS.has(name.toLowerCase());
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    setCommonHeaders(res);
    if (!hostAllowed(req)) return sendText(res, 421, 'Misdirected request: unexpected Host header');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method not allowed');
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0]!;
    if (!rawPath.startsWith('/')) return sendText(res, 400, 'Bad request');
    if (rawPath.startsWith(PACKAGE_PREFIX)) {
      const rest = rawPath.slice(PACKAGE_PREFIX.length);
      const slash = rest.indexOf('/');
      const mount = slash > 0 ? mounts.get(rest.slice(0, slash)) : undefined;
      if (!mount) return sendText(res, 404, 'Not found');
      return serveFileFrom(req, res, mount.outDir, rest.slice(slash + 1), {
        'Content-Security-Policy': PACKAGE_CONTENT_SECURITY_POLICY,
        'Cross-Origin-Resource-Policy': 'same-origin',
      });
    }
    if (rawPath === DEVICE_SOCKET_PATH) return sendText(res, 426, 'Upgrade to WebSocket');
    const headers = { 'Content-Security-Policy': runtimeContentSecurityPolicy(frameAncestors) };
    // Browsers ask for a favicon on their own; answer empty rather than log a 404 in the simulator's console.
    if (rawPath === '/favicon.ico' && !existsSync(join(options.webRoot, 'favicon.ico'))) {
      res.writeHead(204);
      res.end();
      return;
    }
    return serveFileFrom(req, res, options.webRoot, rawPath.slice(1), headers);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendText(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '').split('?', 1)[0];
    const origin = req.headers.origin;
    // Browsers always send Origin; it must be this server. Native apps send none.
    const originOk = origin === undefined || origin === `http://${req.headers.host ?? ''}` || origin === `https://${req.headers.host ?? ''}`;
    if (path !== DEVICE_SOCKET_PATH || !hostAllowed(req) || !originOk) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head);
  });

  const listening = await new Promise<Result<AddressInfo, string>>((resolve) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      if (error.code === 'EADDRINUSE') resolve(err(`port ${options.port} on ${host} is already in use; pick another with --port, or leave it out for a free one`));
      else if (error.code === 'EADDRNOTAVAIL') resolve(err(`cannot bind ${host}: no such address on this machine`));
      else if (error.code === 'ENOTFOUND') resolve(err(`cannot bind ${host}: no such host name; use an address such as 127.0.0.1 or 0.0.0.0`));
      else if (error.code === 'EACCES') resolve(err(`not allowed to listen on ${host}:${options.port}; use a port above 1023`));
      else resolve(err(`cannot listen on ${host}:${options.port ?? 0}: ${error.message}`));
    };
    server.once('error', onError);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', onError);
      resolve(ok(server.address() as AddressInfo));
    });
  });
  if (!listening.ok) {
    sockets.close();
    return listening;
  }
  const port = listening.value.port;
  const originHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;

  return ok({
    host,
    port,
    origin: `http://${originHost}:${port}`,
    mountPackage(projectId, outDir) {
      const previous = keysByProject.get(projectId);
      if (previous !== undefined) mounts.delete(previous);
      const key = randomBytes(16).toString('base64url');
      mounts.set(key, { projectId, outDir });
      keysByProject.set(projectId, key);
      const baseUrl = `${PACKAGE_PREFIX}${key}/`;
      return { projectId, baseUrl, manifestUrl: `${baseUrl}manifest.json` };
    },
    unmountPackage(projectId) {
      const key = keysByProject.get(projectId);
      if (key !== undefined) mounts.delete(key);
      keysByProject.delete(projectId);
    },
    close() {
      options.hub.closeAll();
      sockets.close();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  });
}
