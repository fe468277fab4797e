import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';

/**
 * Turns the URL path below a mount point (`pages/index/index.css`, still percent-encoded) into a file inside
 * `root`, or refuses. Refused: malformed escapes, NUL, backslashes, `.`/`..` segments (also encoded),
 * absolute and drive paths, dotfiles, and anything whose real path (after symlinks) leaves the real root.
 * Directories are served as their `index.html` only, never listed.
 */
export async function resolveInside(root: string, encodedPath: string): Promise<Result<string, 'forbidden' | 'not-found'>> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encodedPath);
  } catch {
    return err('forbidden');
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return err('forbidden');
  if (decoded.startsWith('/') || /^[a-zA-Z]:/.test(decoded) || isAbsolute(decoded)) return err('forbidden');
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return err('forbidden');
  // Dotfiles (.git, .env…) are never part of a runtime or a package.
  if (segments.some((s) => s.startsWith('.'))) return err('not-found');
  const wantsDirectory = decoded === '' || decoded.endsWith('/');
  let realRoot: string;
  try {
    realRoot = await realpath(root);
  } catch {
    return err('not-found');
  }
  let target = join(realRoot, ...segments.filter((s) => s !== ''));
  try {
    let info = await stat(target);
    if (info.isDirectory()) {
      target = join(target, 'index.html');
      info = await stat(target);
    } else if (wantsDirectory) {
      return err('not-found');
    }
    if (!info.isFile()) return err('not-found');
    const real = await realpath(target);
    const rel = relative(realRoot, real);
    if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) return err('forbidden');
    return ok(real);
  } catch {
    return err('not-found');
  }
}
