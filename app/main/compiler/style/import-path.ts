import { posix } from 'node:path';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';

export interface ImportRequest {
  /** Path as written, without quotes or `url()`. */
  readonly path: string;
  /** Media query list after the path (`@import "a.wxss" screen;`), or '' when there is none. */
  readonly media: string;
}

const IMPORT_PARAMS = /^\s*(?:url\(\s*(["']?)(.*?)\1\s*\)|(["'])(.*?)\3|([^\s"'();]+))\s*(.*?)\s*$/s;
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;

/** Reads the params of an `@import` at-rule: `"a.wxss"`, `'a'`, `url(a.wxss)`, with optional media. */
export function parseImportParams(params: string): ImportRequest | undefined {
  const match = IMPORT_PARAMS.exec(params);
  if (!match) return undefined;
  const path = match[2] ?? match[4] ?? match[5] ?? '';
  if (path === '') return undefined;
  return { path, media: match[6] ?? '' };
}

export function isRemoteImport(path: string): boolean {
  return REMOTE.test(path);
}

/**
 * Project-relative path of an imported style. Relative paths start from the importing file's folder; `/a.wxss`
 * starts from the mini-program root. A path without extension gets the profile's style extension.
 */
export function resolveImportPath(
  fromFile: string,
  request: string,
  miniprogramRoot: string,
  styleExtension: string,
): Result<string, string> {
  const root = normalizeRoot(miniprogramRoot);
  const joined = request.startsWith('/')
    ? posix.join(root, request.slice(1))
    : posix.join(posix.dirname(fromFile), request);
  const resolved = posix.normalize(joined);
  if (resolved.startsWith('../') || resolved === '..' || (root !== '' && !resolved.startsWith(`${root}/`))) {
    return err(`'${request}' points outside the mini-program root`);
  }
  return ok(posix.extname(resolved) === '' ? `${resolved}${styleExtension}` : resolved);
}

/** `''` for the project root, else the folder without leading `./` or trailing slash. */
export function normalizeRoot(miniprogramRoot: string): string {
  const normalized = posix.normalize(miniprogramRoot.replace(/\\/g, '/')).replace(/\/+$/, '');
  return normalized === '.' ? '' : normalized.replace(/^\.\//, '');
}
