import type LessModule from 'less';
import { posix } from 'node:path';
import type { RawSourceMap } from 'source-map-js';
import type { Diagnostic } from '../../../shared/diagnostic';
import { positionAt } from '../../../shared/diagnostic';
import { findUnclosedBlockComment, joinImport, type PreprocessInput, type PreprocessOutput } from './preprocess';

let lessModule: Promise<typeof LessModule> | undefined;

/** Less is loaded on the first .less file: other projects and the CLI's start-up never pay for it. */
function loadLess(): Promise<typeof LessModule> {
  lessModule ??= import('less').then((m) => m.default);
  return lessModule;
}

/** LESS → CSS for `useCompilerPlugins: ["less"]`; imports are read through `readFile`, errors are located. */
export async function compileLess(input: PreprocessInput): Promise<PreprocessOutput> {
  const dependencies = new Set<string>();
  const guard = unclosedCommentDiagnostic(input.file, input.source);
  if (guard) return { css: undefined, dependencies: [], diagnostics: [guard] };
  const early: Diagnostic[] = [];
  const plugin: Less.Plugin = {
    install(lessStatic, pluginManager) {
      pluginManager.addFileManager(projectFileManager(lessStatic, input, dependencies, early));
    },
  };
  // An empty base path keeps map sources project-relative, as the file names we hand Less are.
  const sourceMap: Less.SourceMapOption & { disableSourcemapAnnotation: boolean } = {
    outputSourceFiles: false,
    disableSourcemapAnnotation: true,
    sourceMapBasepath: '',
  };
  try {
    const less = await loadLess();
    const output = await less.render(input.source, {
      filename: input.file,
      plugins: [plugin],
      javascriptEnabled: false,
      sourceMap,
    });
    return {
      css: output.css,
      map: toProjectMap(JSON.parse(output.map) as RawSourceMap),
      dependencies: [...dependencies],
      diagnostics: [],
    };
  } catch (error) {
    const diagnostics = early.length > 0 ? early : [lessDiagnostic(error, input.file)];
    return { css: undefined, dependencies: [...dependencies], diagnostics };
  }
}

function projectFileManager(
  lessStatic: LessStatic,
  input: PreprocessInput,
  dependencies: Set<string>,
  early: Diagnostic[],
): Less.FileManager {
  const manager = new lessStatic.FileManager();
  manager.supports = () => true;
  manager.supportsSync = () => false;
  manager.loadFile = async (request, currentDirectory) => {
    const from = posix.join(currentDirectory || posix.dirname(input.file), '_');
    const path = joinImport(from, request, input.miniprogramRoot);
    const candidates = path === undefined ? [] : posix.extname(path) === '' ? [`${path}.less`, path] : [path];
    for (const candidate of candidates) {
      const contents = await input.readFile(candidate);
      if (contents !== undefined) {
        dependencies.add(candidate);
        const guard = unclosedCommentDiagnostic(candidate, contents);
        if (guard) {
          early.push(guard);
          throw new Error(guard.message);
        }
        return { filename: candidate, contents };
      }
    }
    throw Object.assign(new Error(`'${request}' wasn't found (looked for ${candidates.join(', ') || 'nothing'})`), {
      type: 'File',
    });
  };
  return manager;
}

/** Less names sources after the file paths it was given, which are already project-relative. */
function toProjectMap(map: RawSourceMap): RawSourceMap {
  return { ...map, sources: map.sources.map((source) => source.replace(/^\.\//, '')) };
}

function unclosedCommentDiagnostic(file: string, text: string): Diagnostic | undefined {
  const offset = findUnclosedBlockComment(text);
  if (offset === undefined) return undefined;
  return { file, ...positionAt(text, offset), severity: 'error', code: 'less-error', message: 'Unclosed comment', hint: 'Close it with */.' };
}

function lessDiagnostic(error: unknown, file: string): Diagnostic {
  const e = error as Partial<Less.RenderError> & { message?: string };
  return {
    file: typeof e.filename === 'string' && e.filename !== '' && e.filename !== 'input' ? e.filename : file,
    line: typeof e.line === 'number' ? e.line : 1,
    // Less columns are 0-based.
    column: typeof e.column === 'number' ? e.column + 1 : 1,
    severity: 'error',
    code: 'less-error',
    message: `${e.type ? `${e.type}: ` : ''}${e.message ?? String(error)}`,
  };
}
