import type { ServerResponse } from 'node:http';

/** Headers every devserver response carries. The token travels in page URLs, so never leak it as a Referer. */
export function setCommonHeaders(res: ServerResponse): void {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cache-Control', 'no-cache');
}

/**
 * CSP of the runtime pages. Mini-programs load images, media and `wx.request` data from anywhere, so those
 * stay open; scripts come only from this server (plus blob: workers and eval for compiled templates).
 */
export function runtimeContentSecurityPolicy(frameAncestors: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'unsafe-eval' blob:",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline' blob:",
    "img-src 'self' data: blob: http: https:",
    "media-src 'self' data: blob: http: https:",
    "font-src 'self' data: http: https:",
    "connect-src 'self' ws: wss: http: https:",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors.join(' ')}`,
  ].join('; ');
}

/** Package files are data for the runtime; opened directly as a document they get no powers. */
export const PACKAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox";

/** Who may embed the simulator by default: itself, the browser host on loopback, the Electron workbench (ministudio:). */
export const DEFAULT_FRAME_ANCESTORS: readonly string[] = ["'self'", 'http://127.0.0.1:*', 'http://localhost:*', 'ministudio:'];
