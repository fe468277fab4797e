import { posix } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import type { Diagnostic } from '../../../shared/diagnostic';
import { normalizeRoot } from './import-path';
import type { Locate } from './wxss-file';

/** Input of the LESS and Sass wrappers (`useCompilerPlugins: ["less"]`, `["sass"]`). */
export interface PreprocessInput {
  /** Project-relative path of the `.less` / `.scss` / `.sass` file. */
  readonly file: string;
  readonly source: string;
  /** Reads a project-relative file; undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  /** Project-relative mini-program root that `/absolute` imports start from ('' by default). */
  readonly miniprogramRoot?: string;
}

export interface PreprocessOutput {
  /** Plain CSS (WXSS), or undefined when the file could not be compiled (see diagnostics). */
  readonly css: string | undefined;
  /** Source map from `css` back to the project files, `sources` being project-relative paths. */
  readonly map?: RawSourceMap;
  /** Project-relative files the preprocessor imported. */
  readonly dependencies: string[];
  readonly diagnostics: Diagnostic[];
}

/** The project-relative path an import of `request` from `fromFile` names (no extension guessing). */
export function joinImport(fromFile: string, request: string, miniprogramRoot: string | undefined): string | undefined {
  const root = normalizeRoot(miniprogramRoot ?? '');
  const joined = posix.normalize(
    request.startsWith('/') ? posix.join(root, request.slice(1)) : posix.join(posix.dirname(fromFile), request),
  );
  if (joined === '..' || joined.startsWith('../')) return undefined;
  return joined;
}

/** Maps positions in preprocessed CSS back to the line and column in the user's LESS/Sass file. */
export function locateThroughSourceMap(map: RawSourceMap, fallbackFile: string): Locate {
  const consumer = new SourceMapConsumer(map);
  return (line, column) => {
    const original = consumer.originalPositionFor({ line, column: column - 1 });
    if (original.source === null || original.line === null) return { file: fallbackFile, line, column };
    return { file: original.source, line: original.line, column: (original.column ?? 0) + 1 };
  };
}

/**
 * Offset of a block comment that never closes, skipping strings, `url(…)` and `//` line comments; undefined when
 * every comment closes. Less 4 loops forever on one inside a custom property value, so we check first.
 */
export function findUnclosedBlockComment(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (char === '"' || char === "'") {
      i = endOfString(text, i);
    } else if (char === '/' && text[i + 1] === '/') {
      const newline = text.indexOf('\n', i);
      if (newline < 0) return undefined;
      i = newline;
    } else if (char === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) return i;
      i = end + 1;
    } else if ((char === 'u' || char === 'U') && /^url\(/i.test(text.slice(i, i + 4)) && !/[\w-]/.test(text[i - 1] ?? '')) {
      const close = text.indexOf(')', i);
      if (close < 0) return undefined;
      i = close;
    }
  }
  return undefined;
}

function endOfString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote || text[i] === '\n') return i;
  }
  return text.length;
}
