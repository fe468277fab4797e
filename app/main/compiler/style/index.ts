import { posix } from 'node:path';
import type { Diagnostic } from '../../../shared/diagnostic';
import type { DslProfile } from '../profiles';
import { normalizeRoot } from './import-path';
import { compileLess } from './preprocess-less';
import { compileSass } from './preprocess-sass';
import { locateThroughSourceMap, type PreprocessOutput } from './preprocess';
import { fillScopePlaceholders, scopeKey, type SelectorScope } from './selector-rewrite';
import { StyleCache, type CompiledStyleFile } from './style-cache';
import { compileStyleFile, type Locate, type StyleFileContext } from './wxss-file';

export { StyleCache } from './style-cache';
export { compileLess } from './preprocess-less';
export { compileSass } from './preprocess-sass';
export type { PreprocessInput, PreprocessOutput } from './preprocess';
export { HOST_ATTRIBUTE } from './selector-rewrite';

export type StyleIsolation = 'isolated' | 'apply-shared' | 'shared';

export interface CompileStyleInput {
  /** Project-relative source path. */
  file: string;
  source: string;
  /** Set for component styles; classes get `<scopeName>--` unless the isolation is `shared`. */
  scopeName?: string;
  /** Defaults to `isolated` (`apply-shared` with addGlobalClass) when scopeName is set, else `shared`. */
  isolation?: StyleIsolation;
  addGlobalClass?: boolean;
  externalClasses?: readonly string[];
  /** Reads a project-relative file, for @import; undefined when it does not exist. */
  readFile(path: string): Promise<string | undefined>;
  profile: DslProfile;
  /** Project-relative mini-program root that `/absolute` imports start from; '' (the project root) by default. */
  miniprogramRoot?: string;
  /** Share one across a build so shared imports are read and compiled once. */
  cache?: StyleCache;
}

export interface CompileStyleOutput {
  css: string;
  /** Project-relative files imported, directly or not, including missing ones (for the incremental graph). */
  dependencies: string[];
  diagnostics: Diagnostic[];
}

/** WXSS (or LESS/Sass) → the CSS the runtime loads. Never throws: problems are diagnostics. */
export async function compileStyle(input: CompileStyleInput): Promise<CompileStyleOutput> {
  try {
    return await compileStyleUnguarded(input);
  } catch (error) {
    // A bug of ours or of a preprocessor must cost one stylesheet, not the build.
    const message = `Internal error while compiling this style: ${error instanceof Error ? error.message : String(error)}`;
    return { css: '', dependencies: [], diagnostics: [{ file: input.file, line: 1, column: 1, severity: 'error', code: 'wxss-internal', message }] };
  }
}

async function compileStyleUnguarded(input: CompileStyleInput): Promise<CompileStyleOutput> {
  const cache = input.cache ?? new StyleCache();
  const scope = selectorScope(input);
  const miniprogramRoot = normalizeRoot(input.miniprogramRoot ?? '');
  const context: StyleFileContext = {
    scope,
    miniprogramRoot,
    styleExtension: input.profile.extensions.style,
    selectors: cache.selectors,
  };
  const variant = `${input.profile.name}|${miniprogramRoot}|${scopeKey(scope)}`;

  const preprocessed = await preprocess(input, miniprogramRoot);
  const dependencies = new Set<string>(preprocessed?.dependencies ?? []);
  const diagnostics: Diagnostic[] = [...(preprocessed?.diagnostics ?? [])];
  if (preprocessed && preprocessed.css === undefined) return { css: '', dependencies: [...dependencies], diagnostics };

  const locate: Locate | undefined = preprocessed?.map ? locateThroughSourceMap(preprocessed.map, input.file) : undefined;
  const source = preprocessed?.css ?? input.source;
  const rootFile = compileStyleFile(input.file, source, locate ? { ...context, locate } : context);
  diagnostics.push(...rootFile.diagnostics);

  const parts: string[] = [];
  const reported = new Set<string>([input.file]);
  const included = new Set<string>();
  const inline = async (file: string, compiled: CompiledStyleFile, chain: readonly string[]): Promise<void> => {
    for (const piece of compiled.pieces) {
      if (piece.kind === 'css') {
        parts.push(piece.text);
        continue;
      }
      const at = { file, line: piece.line, column: piece.column };
      if (chain.includes(piece.target)) {
        const cycle = [...chain.slice(chain.indexOf(piece.target)), piece.target].join(' → ');
        diagnostics.push({ ...at, severity: 'error', code: 'wxss-import-cycle', message: `@import cycle: ${cycle}` });
        continue;
      }
      // Like WeChat, a sheet imported twice into one page (a → b → d, a → c → d) is included once, the first time.
      if (included.has(piece.target)) continue;
      const text = await cache.read(piece.target, input.readFile);
      // Listed even when missing, so that creating the file triggers a rebuild of this style.
      dependencies.add(piece.target);
      if (text === undefined) {
        diagnostics.push({
          ...at,
          severity: 'error',
          code: 'wxss-import-missing',
          message: `@import '${piece.target}': file not found`,
          hint: `Paths are relative to ${posix.dirname(file)}/, or to the mini-program root when they start with /.`,
        });
        continue;
      }
      let imported = cache.compiledFile(piece.target, variant);
      if (!imported) {
        imported = compileStyleFile(piece.target, text, context);
        cache.storeCompiledFile(piece.target, variant, imported);
      }
      if (!reported.has(piece.target)) {
        reported.add(piece.target);
        diagnostics.push(...imported.diagnostics);
      }
      included.add(piece.target);
      if (piece.media !== '') parts.push(`@media ${piece.media} {\n`);
      await inline(piece.target, imported, [...chain, piece.target]);
      if (piece.media !== '') parts.push('\n}');
    }
  };
  await inline(input.file, rootFile, [input.file]);
  return { css: fillScopePlaceholders(parts.join(''), input.scopeName), dependencies: [...dependencies], diagnostics };
}

function selectorScope(input: CompileStyleInput): SelectorScope {
  const scoped = input.scopeName !== undefined && input.scopeName !== '';
  const isolation: StyleIsolation =
    input.isolation ?? (scoped ? (input.addGlobalClass ? 'apply-shared' : 'isolated') : 'shared');
  return {
    prefixClasses: scoped && isolation !== 'shared',
    hasHost: scoped,
    externalClasses: new Set(input.externalClasses ?? []),
  };
}

async function preprocess(input: CompileStyleInput, miniprogramRoot: string): Promise<PreprocessOutput | undefined> {
  const extension = posix.extname(input.file).toLowerCase();
  const request = { file: input.file, source: input.source, readFile: input.readFile, miniprogramRoot };
  if (extension === '.less') return compileLess(request);
  if (extension === '.scss' || extension === '.sass') return compileSass(request);
  return undefined;
}
