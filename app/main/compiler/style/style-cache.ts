import type { Diagnostic } from '../../../shared/diagnostic';
import type { SelectorMemo } from './selector-rewrite';

/** One stylesheet after rewriting, cut at its `@import`s so that inlining is string concatenation. */
export interface CompiledStyleFile {
  readonly pieces: readonly StylePiece[];
  readonly diagnostics: readonly Diagnostic[];
}

export type StylePiece =
  | { readonly kind: 'css'; readonly text: string }
  | {
      readonly kind: 'import';
      /** Project-relative path of the imported file. */
      readonly target: string;
      /** Where the `@import` is, in the importing file. */
      readonly line: number;
      readonly column: number;
      readonly media: string;
    };

/**
 * What the style compiler reuses across the files of one build: file reads, compiled imports (per scope) and
 * rewritten selectors. Share one across a build; after a file changes, `invalidate` it (or start a new cache).
 */
export class StyleCache {
  readonly selectors: SelectorMemo = new Map();
  private readonly sources = new Map<string, Promise<string | undefined>>();
  private readonly compiled = new Map<string, CompiledStyleFile>();

  read(path: string, readFile: (path: string) => Promise<string | undefined>): Promise<string | undefined> {
    let pending = this.sources.get(path);
    if (!pending) {
      pending = readFile(path).catch(() => undefined);
      this.sources.set(path, pending);
    }
    return pending;
  }

  compiledFile(path: string, variant: string): CompiledStyleFile | undefined {
    return this.compiled.get(`${path}\0${variant}`);
  }

  storeCompiledFile(path: string, variant: string, file: CompiledStyleFile): void {
    this.compiled.set(`${path}\0${variant}`, file);
  }

  /** Forgets a file's content and every compiled form of it. */
  invalidate(path: string): void {
    this.sources.delete(path);
    const prefix = `${path}\0`;
    for (const key of this.compiled.keys()) if (key.startsWith(prefix)) this.compiled.delete(key);
  }
}
