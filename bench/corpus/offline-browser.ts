/**
 * One headless Debian Chromium for the whole run, with no way out to the network: every non-loopback
 * request goes to a dead proxy on 127.0.0.1 (Chromium sends loopback addresses direct), and host names
 * other than localhost do not resolve. The runtime fetches from its logic Worker straight to the target
 * (`directTransport` in app/simulator/logic/api/network-transport.ts; the devserver has no outbound proxy),
 * so wx.request to the internet fails as `request:fail`, as on a phone without network.
 */
import { chromium, type Browser } from 'playwright-core';

/** Port 9 ("discard") on loopback: nothing listens there, connections are refused at once. */
const DEAD_PROXY = 'http://127.0.0.1:9';

export function launchOfflineBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--proxy-server=${DEAD_PROXY}`,
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
    ],
  });
}

/**
 * True for a request that would leave the machine: any non-loopback address, and the devserver's outbound
 * proxy (`/__proxy?url=…`, network-transport.ts `proxyVia`), which would fetch the target from Node.
 */
export function isOutboundUrl(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return true;
  }
  if (url.protocol === 'data:' || url.protocol === 'blob:' || url.protocol === 'about:') return false;
  const loopback = url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]';
  return !loopback || url.pathname.startsWith('/__proxy');
}
