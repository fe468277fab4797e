import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { appRoot } from '../app-root';

/** Path of the Electron binary when the electron package has one installed, else null (no download possible here). */
export function findElectronBinary(): string | null {
  try {
    const require = createRequire(join(appRoot(), 'package.json'));
    const binary = require('electron') as unknown;
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

export function hasDisplay(): boolean {
  if (process.platform === 'win32' || process.platform === 'darwin') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

/** Opens a URL in the user's browser, when there is a screen to show it on; never fails the launch. */
export function openInBrowser(url: string): void {
  if (!hasDisplay() || process.env.CI || process.env.MINISTUDIO_NO_BROWSER) return;
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args as string[], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No browser launcher: the printed URL is enough.
  }
}
