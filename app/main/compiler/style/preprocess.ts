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
