import { posix } from 'node:path';
import type * as Sass from 'sass';
import type { RawSourceMap } from 'source-map-js';
import type { Diagnostic } from '../../../shared/diagnostic';
import { normalizeRoot } from './import-path';
import type { PreprocessInput, PreprocessOutput } from './preprocess';

// Our own URL scheme, rooted at the mini-program root so `/common/x` means what it means in WeChat.
const SCHEME = 'miniprogram:';

let sassModule: Promise<typeof Sass> | undefined;

/** Sass takes about a second to load: only projects with Sass files pay for it, once, and no CLI start-up does. */
function loadSass(): Promise<typeof Sass> {
  sassModule ??= import('sass');
  return sassModule;
}

/** Sass/SCSS → CSS for `useCompilerPlugins: ["sass"]`; imports are read through `readFile`, errors are located. */
export async function compileSass(input: PreprocessInput): Promise<PreprocessOutput> {
  const sass = await loadSass();
  const space = urlSpace(input.miniprogramRoot ?? '', input.file);
  const dependencies = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  const contents = new Map<string, string>();

  const importer: Sass.Importer<'async'> = {
    async canonicalize(request) {
      const base = request.startsWith(SCHEME) ? space.toPath(new URL(request)) : undefined;
      if (base === undefined) return null;
      for (const candidate of sassCandidates(base)) {
        const text = await input.readFile(candidate);
        if (text !== undefined) {
          contents.set(candidate, text);
          return space.toUrl(candidate);
        }
      }
      return null;
    },
    load(url) {
      const path = space.toPath(url);
      const text = path === undefined ? undefined : contents.get(path);
      if (path === undefined || text === undefined) return null;
      dependencies.add(path);
      const extension = posix.extname(path);
      return { contents: text, syntax: extension === '.sass' ? 'indented' : extension === '.css' ? 'css' : 'scss' };
    },
  };

  try {
    const result = await sass.compileStringAsync(input.source, {
      url: space.toUrl(input.file),
      syntax: input.file.endsWith('.sass') ? 'indented' : 'scss',
      importer,
      style: 'expanded',
      sourceMap: true,
      // Mini-program projects use @import everywhere; its deprecation is Sass's roadmap, not the user's bug.
      silenceDeprecations: ['import', 'global-builtin'],
      logger: {
        warn(message, { span, deprecation }) {
          if (deprecation) return;
          diagnostics.push({ ...spanLocation(span, input.file, space), severity: 'warning', code: 'sass-warning', message });
        },
        debug() {},
      },
    });
    const map = result.sourceMap as RawSourceMap | undefined;
    return {
      css: result.css,
      ...(map ? { map: { ...map, sources: map.sources.map((s) => space.toPath(new URL(s)) ?? s) } } : {}),
      dependencies: [...dependencies],
      diagnostics,
    };
  } catch (error) {
    const exception = error instanceof sass.Exception ? error : undefined;
    diagnostics.push({
      ...spanLocation(exception?.span, input.file, space),
      severity: 'error',
      code: 'sass-error',
      message: exception?.sassMessage ?? (error instanceof Error ? error.message : String(error)),
    });
    return { css: undefined, dependencies: [...dependencies], diagnostics };
  }
}

interface UrlSpace {
  toUrl(path: string): URL;
  toPath(url: URL): string | undefined;
}

function urlSpace(miniprogramRoot: string, file: string): UrlSpace {
  const configured = normalizeRoot(miniprogramRoot);
  // A file outside the configured root (unusual) gets the project root as its space.
  const root = configured === '' || file.startsWith(`${configured}/`) ? configured : '';
  return {
    toUrl: (path) => new URL(`${SCHEME}///${encodeURI(root === '' ? path : path.slice(root.length + 1))}`),
    toPath: (url) => {
      if (url.protocol !== SCHEME) return undefined;
      const inner = posix.normalize(decodeURI(url.pathname).replace(/^\/+/, ''));
      if (inner.startsWith('../')) return undefined;
      return root === '' ? inner : `${root}/${inner}`;
    },
  };
}

/** Sass's own lookup order: exact, partial `_name`, the two syntaxes, plain CSS/WXSS, then `index` files. */
function sassCandidates(path: string): string[] {
  const extension = posix.extname(path);
  const dir = posix.dirname(path);
  const base = posix.basename(path);
  const partial = (name: string): string => (dir === '.' ? `_${name}` : `${dir}/_${name}`);
  if (['.scss', '.sass', '.css', '.wxss', '.ftss'].includes(extension)) return [path, partial(base)];
  const named = (stem: string, stemDir: string): string[] => {
    const join = (name: string): string => (stemDir === '.' ? name : `${stemDir}/${name}`);
    return [join(`${stem}.scss`), join(`${stem}.sass`), join(`_${stem}.scss`), join(`_${stem}.sass`), join(`${stem}.css`)];
  };
  return [...named(base, dir), ...named('index', path)];
}

function spanLocation(
  span: Sass.SourceSpan | undefined,
  fallbackFile: string,
  space: UrlSpace,
): { file: string; line: number; column: number } {
  if (!span) return { file: fallbackFile, line: 1, column: 1 };
  const file = span.url ? (space.toPath(span.url) ?? fallbackFile) : fallbackFile;
  // Sass spans are 0-based.
  return { file, line: span.start.line + 1, column: span.start.column + 1 };
}
