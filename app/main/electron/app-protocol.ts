import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { mimeType, resolveStaticFile } from '../web/static-files';
import { APP_SCHEME } from '../../shared/electron-ipc';

export const WORKBENCH_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data: blob: http://127.0.0.1:*",
  "worker-src 'self' blob:",
  "connect-src 'self' ws://127.0.0.1:* http://127.0.0.1:*",
  'frame-src http://127.0.0.1:*',
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** Must run before app `ready`: our scheme behaves like https (Workers, fetch, storage) and bypasses nothing. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/** Serves out/web under ministudio://workbench/ with the workbench CSP; nothing outside that folder. */
export function serveAppScheme(protocol: Pick<Protocol, 'handle'>, webRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const path = url.pathname === '/' ? '/renderer/index.html' : url.pathname;
    const found = await resolveStaticFile(webRoot, path);
    if (!found) return new Response('Not found', { status: 404 });
    return new Response(await readFile(found.file), {
      headers: { 'Content-Type': mimeType(found.file), 'Content-Security-Policy': WORKBENCH_CSP, 'X-Content-Type-Options': 'nosniff' },
    });
  });
}
