/** Path arithmetic for project-relative, forward-slash paths (no Node `path` in the browser). */

export function dirnameOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

/** Joins and normalises `..` and `.`; returns null when the result would leave the project. */
export function joinPath(base: string, relative: string): string | null {
  const parts = base ? base.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

/**
 * Resolves a reference written in a mini-program file (`/components/x/x`, `../x/x`, `./x`) the way WeChat does:
 * a leading `/` is the mini-program root; anything else is relative to the referring file's folder.
 */
export function resolveReference(fromFile: string, reference: string, miniprogramRoot: string): string | null {
  if (reference.startsWith('/')) return joinPath(miniprogramRoot, reference.slice(1));
  return joinPath(dirnameOf(fromFile), reference);
}

/** `pages/index/index.wxml` → `pages/index/index` */
export function withoutExtension(path: string): string {
  const dot = path.lastIndexOf('.');
  return dot > path.lastIndexOf('/') ? path.slice(0, dot) : path;
}
