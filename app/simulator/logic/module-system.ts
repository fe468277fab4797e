/**
 * The CommonJS module system user code runs in. Each compiled script is
 * `define("<key>", function (require, module, exports) {…})`; we fetch it, evaluate it under its own URL (so
 * stack frames name it and its source map applies), and run factories on first `require`, as WeChat does.
 */
import type { ScriptEntry } from '../../shared/package-format';
import { SourceMapLookup, type RawSourceMap } from './source-map';
import type { SourceLocation } from '../protocol';

type Factory = (require: (request: string) => unknown, module: { exports: unknown }, exports: unknown) => void;

interface ModuleRecord {
  factory: Factory;
  module?: { exports: unknown };
}

export class ModuleSystem {
  private readonly factories = new Map<string, ModuleRecord>();
  /** Script URL → its entry, for stack mapping. */
  private readonly byUrl = new Map<string, ScriptEntry>();
  private readonly maps = new Map<string, Promise<SourceMapLookup | undefined>>();

  constructor(
    private readonly baseUrl: string,
    private readonly scripts: Readonly<Record<string, ScriptEntry>>,
  ) {}

  urlOf(file: string): string {
    return new URL(file, this.baseUrl).href;
  }

  /** Fetches and evaluates the `define` wrappers of these scripts; no user code runs yet. */
  async load(keys: readonly string[]): Promise<void> {
    const texts = await Promise.all(
      keys.map(async (key) => {
        const entry = this.scripts[key];
        if (!entry) throw new Error(`Script ${key} is not in the package manifest`);
        const url = this.urlOf(entry.file);
        const response = await fetch(url, { cache: 'no-cache' });
        if (!response.ok) throw new Error(`Cannot load ${url}: HTTP ${response.status}`);
        return { key, url, entry, text: await response.text() };
      }),
    );
    const scope = globalThis as unknown as { define?: (key: string, factory: Factory) => void };
    const previous = scope.define;
    scope.define = (key, factory) => {
      this.factories.set(key, { factory });
    };
    try {
      for (const { url, entry, text } of texts) {
        this.byUrl.set(url, entry);
        // Indirect eval keeps line numbers exact; sourceURL names the frames after the real file.
        (0, eval)(`${text}\n//# sourceURL=${url}`);
      }
    } finally {
      scope.define = previous;
    }
  }

  has(key: string): boolean {
    return this.factories.has(key);
  }

  /** Drops cached module instances so the next require runs factories again (hot reload relaunch). */
  resetInstances(): void {
    for (const record of this.factories.values()) delete record.module;
  }

  require(key: string): unknown {
    const record = this.factories.get(key);
    if (!record) throw new Error(`module "${key}" is not defined`);
    if (record.module) return record.module.exports;
    const module = { exports: {} as unknown };
    record.module = module;
    const localRequire = (request: string): unknown => this.require(this.resolve(key, request));
    try {
      record.factory.call(module.exports, localRequire, module, module.exports);
    } catch (error) {
      delete record.module;
      throw error;
    }
    return module.exports;
  }

  /** WeChat's rules: the compiler's static table first, then relative/absolute paths with the usual suffixes. */
  resolve(fromKey: string, request: string): string {
    const fromEntry = this.scripts[fromKey];
    const known = fromEntry?.requires?.[request];
    if (known) return known;
    const base = request.startsWith('/') ? request.slice(1) : joinPath(dirname(fromKey), request);
    const candidates = [base, `${base}.js`, `${base}.json`, `${base}/index.js`];
    for (const candidate of candidates) if (this.factories.has(candidate)) return candidate;
    throw new Error(`module "${request}" is not defined (required from ${fromKey})`);
  }

  /** Rewrites the frames of a stack that point into user scripts to original file:line:column. */
  async mapStack(stack: string): Promise<{ stack: string; location?: SourceLocation }> {
    let location: SourceLocation | undefined;
    const framePattern = /(https?:\/\/[^\s()]+?):(\d+):(\d+)/g;
    const replacements = new Map<string, string>();
    for (const match of stack.matchAll(framePattern)) {
      const [whole, url, lineText, columnText] = match;
      if (!url || replacements.has(whole)) continue;
      const entry = this.byUrl.get(url);
      if (!entry) continue;
      const line = Number(lineText);
      const column = Number(columnText);
      const lookup = entry.map ? await this.sourceMap(entry.map) : undefined;
      const original = lookup?.originalPositionFor(line, column);
      const file = original?.source ?? entry.source ?? scriptKeyOf(entry, this.scripts);
      const mapped = original ? { file, line: original.line, column: original.column } : { file, line, column };
      location ??= mapped;
      replacements.set(whole, `${mapped.file}:${mapped.line}:${mapped.column}`);
    }
    let mapped = stack;
    for (const [from, to] of replacements) mapped = mapped.split(from).join(to);
    return location ? { stack: mapped, location } : { stack: mapped };
  }

  private sourceMap(file: string): Promise<SourceMapLookup | undefined> {
    let pending = this.maps.get(file);
    if (!pending) {
      pending = fetch(this.urlOf(file))
        .then(async (response) => (response.ok ? new SourceMapLookup((await response.json()) as RawSourceMap) : undefined))
        .catch(() => undefined);
      this.maps.set(file, pending);
    }
    return pending;
  }
}

function scriptKeyOf(entry: ScriptEntry, scripts: Readonly<Record<string, ScriptEntry>>): string {
  for (const [key, value] of Object.entries(scripts)) if (value === entry) return key;
  return entry.file;
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

export function joinPath(base: string, relative: string): string {
  const parts = base ? base.split('/') : [];
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
