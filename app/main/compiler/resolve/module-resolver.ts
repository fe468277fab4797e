import { posix } from 'node:path';

/**
 * WeChat's resolution rules for `require()` and `usingComponents`, as pure functions over the set of files in
 * the mini-program root (paths relative to it, forward slashes). No file system access: the compiler keeps
 * the set current from its scan and the watcher, so resolving is cheap enough to redo on every change.
 */
export interface ResolverContext {
  readonly files: ReadonlySet<string>;
  /** app.json `resolveAlias`: `"@utils/*": "/utils/*"` or exact keys. */
  readonly aliases: Readonly<Record<string, string>>;
  /** Template/script extensions of both profiles; a component exists when one of its files does. */
  readonly componentExtensions: readonly string[];
}

const SCRIPT_SUFFIXES = ['', '.js', '.ts', '.json', '/index.js', '/index.ts'];

/** Normalises `a/./b/../c` → `a/c`; returns undefined when the path climbs above the root. */
export function normalizeInRoot(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/** Script key of a source file: TypeScript sources are keyed by their compiled `.js` name. */
export function scriptKeyOf(file: string): string {
  return file.endsWith('.ts') && !file.endsWith('.d.ts') ? `${file.slice(0, -3)}.js` : file;
}

/** Resolves a `require(request)` made by `fromFile`; returns the script key or undefined. */
export function resolveRequire(ctx: ResolverContext, fromFile: string, request: string): string | undefined {
  for (const base of candidateBases(ctx, posix.dirname(fromFile), request)) {
    const hit = tryScript(ctx, base);
    if (hit) return hit;
  }
  return undefined;
}

/** Resolves a `usingComponents` value written in `fromJson`; returns the component module path or undefined. */
export function resolveComponent(ctx: ResolverContext, fromJson: string, request: string): string | undefined {
  const cleaned = request.replace(/\.(json|js|ts|wxml|fxml)$/, '');
  for (const base of candidateBases(ctx, posix.dirname(fromJson), cleaned)) {
    if (componentExists(ctx, base)) return base;
    if (componentExists(ctx, `${base}/index`)) return `${base}/index`;
  }
  return undefined;
}

function componentExists(ctx: ResolverContext, modulePath: string): boolean {
  if (modulePath === '') return false;
  return ctx.componentExtensions.some((ext) => ctx.files.has(modulePath + ext));
}

function tryScript(ctx: ResolverContext, base: string): string | undefined {
  for (const suffix of SCRIPT_SUFFIXES) {
    const candidate = base + suffix;
    if (candidate === '' || candidate.endsWith('/')) continue;
    if (ctx.files.has(candidate) && !candidate.endsWith('.d.ts')) return scriptKeyOf(candidate);
    // `require('./util.js')` of a TypeScript source
    if (candidate.endsWith('.js') && ctx.files.has(`${candidate.slice(0, -3)}.ts`)) return candidate;
  }
  return undefined;
}

/** Where to look, in WeChat's order: alias, relative or root-absolute, then `miniprogram_npm` up the tree. */
function* candidateBases(ctx: ResolverContext, fromDir: string, request: string): Generator<string> {
  const aliased = applyAlias(ctx.aliases, request);
  if (aliased !== undefined) {
    const p = normalizeInRoot(aliased);
    if (p !== undefined) yield p;
    return;
  }
  if (request.startsWith('/')) {
    const p = normalizeInRoot(request);
    if (p !== undefined) yield p;
    return;
  }
  if (request.startsWith('./') || request.startsWith('../')) {
    const p = normalizeInRoot(`${fromDir}/${request}`);
    if (p !== undefined) yield p;
    return;
  }
  // a bare request: WeChat tries it relative to the file first (legacy), then npm packages up the tree
  const relative = normalizeInRoot(`${fromDir}/${request}`);
  if (relative !== undefined) yield relative;
  let dir = fromDir === '.' ? '' : fromDir;
  for (;;) {
    const p = normalizeInRoot(`${dir}/miniprogram_npm/${request}`);
    if (p !== undefined) yield p;
    if (dir === '') break;
    const parent = posix.dirname(dir);
    dir = parent === '.' ? '' : parent;
  }
}

function applyAlias(aliases: Readonly<Record<string, string>>, request: string): string | undefined {
  for (const [key, target] of Object.entries(aliases)) {
    if (key.endsWith('/*')) {
      const prefix = key.slice(0, -1);
      if (request.startsWith(prefix)) return target.replace(/\*$/, '') + request.slice(prefix.length);
    } else if (request === key) return target;
  }
  return undefined;
}
