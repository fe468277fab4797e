import { Script } from 'node:vm';
import type * as Esbuild from 'esbuild';
import type { Message } from 'esbuild';
import { positionAt, type Diagnostic } from '../../../shared/diagnostic';

export interface CompiledScript {
  /** The wrapped module, without the `sourceMappingURL` line (the writer adds it, knowing the output path). */
  readonly code: string;
  /** Source map JSON; `sources` is the project-relative source file. */
  readonly map: string;
  /** Static `require("…")` requests in the module, in order of appearance, without duplicates. */
  readonly requests: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * One script → one CommonJS module wrapped for the runtime (docs/package-format.md). The wrapper takes the whole
 * first line so the source map only shifts by one line.
 */
export async function compileScript(
  key: string,
  file: string,
  source: string,
  /** The project's tsconfig.json `compilerOptions` (esbuild reads decorators, class fields, JSX from it). */
  tsCompilerOptions?: Readonly<Record<string, unknown>>,
): Promise<CompiledScript> {
  const head = `define(${JSON.stringify(key)}, function (require, module, exports) {\n`;
  const tail = '\n});\n';
  if (file.endsWith('.json')) return compileJsonModule(head, tail, file, source);
  if (isPlainCommonJs(file, source)) {
    // already CommonJS and syntactically valid: esbuild would only reprint it, at ~1 ms per file of IPC
    return { code: head + source + tail, map: identityMap(file, source, 1), requests: findRequests(withoutComments(source)), diagnostics: [] };
  }
  try {
    const { transform } = await loadEsbuild();
    const result = await transform(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      sourcemap: 'external',
      sourcefile: file,
      sourcesContent: true,
      logLevel: 'silent',
      ...(tsCompilerOptions ? { tsconfigRaw: { compilerOptions: tsCompilerOptions } } : {}),
    });
    const map = JSON.parse(result.map) as { mappings: string };
    map.mappings = `;${map.mappings}`;
    const diagnostics = result.warnings.map((w) => messageToDiagnostic(file, w, 'warning'));
    return { code: head + result.code + tail, map: JSON.stringify(map), requests: findRequests(result.code), diagnostics };
  } catch (error) {
    const messages = (error as { errors?: Message[] }).errors ?? [];
    const diagnostics = messages.length
      ? messages.map((m) => messageToDiagnostic(file, m, 'error'))
      : [{ file, line: 1, column: 1, severity: 'error' as const, code: 'js-syntax', message: String(error) }];
    const first = diagnostics[0]!;
    const thrown = `${first.message} (${file}:${first.line}:${first.column})`;
    const body = `throw new SyntaxError(${JSON.stringify(thrown)});`;
    return { code: head + body + tail, map: identityMap(file, source, 1), requests: [], diagnostics };
  }
}

let esbuild: Promise<typeof Esbuild> | undefined;

/** esbuild is loaded on the first TS/ESM file: plain CommonJS projects never pay for it. */
function loadEsbuild(): Promise<typeof Esbuild> {
  esbuild ??= import('esbuild');
  return esbuild;
}

function compileJsonModule(head: string, tail: string, file: string, source: string): CompiledScript {
  try {
    const value: unknown = JSON.parse(source);
    return { code: `${head}module.exports = ${JSON.stringify(value)};${tail}`, map: identityMap(file, source, 1), requests: [], diagnostics: [] };
  } catch (error) {
    const offset = /position (\d+)/.exec(String(error))?.[1];
    const at = positionAt(source, Number(offset ?? 0));
    const message = `invalid JSON: ${error instanceof Error ? error.message : String(error)}`;
    return {
      code: `${head}throw new SyntaxError(${JSON.stringify(`${message} (${file})`)});${tail}`,
      map: identityMap(file, source, 1),
      requests: [],
      diagnostics: [{ file, ...at, severity: 'error', code: 'json-syntax', message }],
    };
  }
}

function messageToDiagnostic(file: string, m: Message, severity: 'error' | 'warning'): Diagnostic {
  const line = m.location?.line ?? 1;
  const column = (m.location?.column ?? 0) + 1;
  return {
    file,
    line,
    column,
    endLine: line,
    endColumn: column + Math.max(m.location?.length ?? 1, 1),
    severity,
    code: severity === 'error' ? 'js-syntax' : 'js-warning',
    message: m.text,
  };
}

/** Line-for-line map for output whose body starts on line `firstLine + 1` (0-based line offset `firstLine`). */
function identityMap(file: string, source: string, firstLine: number): string {
  let lines = 1;
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) lines++;
  const mappings = ';'.repeat(firstLine) + ['AAAA', ...Array<string>(lines - 1).fill('AACA')].join(';');
  return JSON.stringify({ version: 3, sources: [file], sourcesContent: [source], names: [], mappings });
}

const REQUIRE_CALL = /(?<![\w$.])require\(\s*("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')\s*\)/g;

function findRequests(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(REQUIRE_CALL)) {
    const literal = m[1]!;
    try {
      found.add(literal.startsWith('"') ? (JSON.parse(literal) as string) : literal.slice(1, -1));
    } catch {
      // an escape we cannot read statically: the runtime resolves it
    }
  }
  return [...found];
}

/** A `.js` file with no ESM syntax that V8 parses as a function body (parsing only; nothing runs). */
function isPlainCommonJs(file: string, source: string): boolean {
  if (!file.endsWith('.js') || /\b(?:import|export)\b/.test(source)) return false;
  try {
    // a function declaration never called is only pre-parsed (a syntax check); a parenthesised one is compiled
    new Script(`function check(require, module, exports) {${source}\n}`, { filename: file });
    return true;
  } catch {
    return false; // esbuild reports the error with its location
  }
}

const STRING_OR_COMMENT = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;

/** Blanks comments so a commented-out `require('x')` is not taken for a dependency. */
function withoutComments(source: string): string {
  return source.replace(STRING_OR_COMMENT, (m) => (m.startsWith('//') || m.startsWith('/*') ? ' ' : m));
}
