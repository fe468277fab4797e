import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { runInNewContext } from 'node:vm';

/** What WeChat's own compiler said about one file. */
export interface OracleVerdict {
  readonly accepted: boolean;
  /** wcc/wcsc's stderr when it rejected the file. */
  readonly message: string;
  /** What the tool printed (the compiled JS) when it accepted the file. */
  readonly output: string;
}

/**
 * WeChat's official wcc (WXML) and wcsc (WXSS), called the way WeChat DevTools calls them: arguments in a
 * `--config-path` file, one per line, with `./`-prefixed paths relative to the working directory.
 */
export class WechatOracle {
  private readonly argsDir = mkdtempSync(join(tmpdir(), 'ministudio-oracle-'));

  constructor(
    private readonly wcc: string,
    private readonly wcsc: string,
  ) {}

  /** Compiles one WXML file (path relative to `root`) as a component, like `wcc -d -cc`, with the WXS it loads. */
  wxml(root: string, file: string): OracleVerdict {
    const scripts = scriptClosure(root, file);
    return this.run(this.wcc, root, ['-d', '-cc', '0', `./${file}`, ...scripts.map((f) => `./${f}`), '-gn', '$gwx']);
  }

  /** Compiles one WXSS file with the files it @imports (wcsc rejects an import it was not given). */
  wxss(root: string, file: string): OracleVerdict {
    const files = styleImportClosure(root, file);
    return this.run(this.wcsc, root, ['-pc', '1', ...files.map((f) => `./${f}`)]);
  }

  dispose(): void {
    rmSync(this.argsDir, { recursive: true, force: true });
  }

  private run(tool: string, cwd: string, args: readonly string[]): OracleVerdict {
    const argsFile = join(this.argsDir, 'args');
    writeFileSync(argsFile, args.join('\n') + '\n');
    const result = spawnSync(tool, ['--config-path', argsFile], { cwd, maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw result.error;
    const accepted = result.status === 0;
    return { accepted, message: accepted ? '' : result.stderr.toString().trim(), output: accepted ? result.stdout.toString() : '' };
  }
}

const STYLE_IMPORT = /@import\s+(?:url\(\s*)?["']([^"']+)["']/g;
const WXS_SOURCE = /<wxs\b[^>]*?\bsrc\s*=\s*["']([^"']+)["']/g;
const WXS_REQUIRE = /\brequire\s*\(\s*["']([^"']+)["']\s*\)/g;

/** `file` followed by every style file it imports, directly or not, that exists under `root`. */
export function styleImportClosure(root: string, file: string): string[] {
  return closure(root, file, () => STYLE_IMPORT);
}

/** The WXS files a WXML file loads with `<wxs src>`, and those they `require`, that exist under `root`. */
export function scriptClosure(root: string, file: string): string[] {
  return closure(root, file, (current) => (current === file ? WXS_SOURCE : WXS_REQUIRE)).slice(1);
}

function closure(root: string, file: string, referencePattern: (current: string) => RegExp): string[] {
  const seen = new Set<string>([file]);
  const queue = [file];
  while (queue.length > 0) {
    const current = queue.shift()!;
    const text = readFileSync(join(root, current), 'utf8');
    for (const match of text.matchAll(referencePattern(current))) {
      const target = match[1]!;
      const resolved = target.startsWith('/') ? posix.normalize(target.slice(1)) : posix.join(posix.dirname(current), target);
      if (!seen.has(resolved) && existsSync(join(root, resolved))) {
        seen.add(resolved);
        queue.push(resolved);
      }
    }
  }
  return [...seen];
}

/**
 * The CSS wcsc produced for `file`, from its output (`key=value` pairs, each value a JS string body holding
 * `setCssToHead([...])`): strings, `[0, n]` for n rpx, `[1]` for the class prefix. Debug pseudo-declarations
 * (`wxcs_*`) are left in; callers skip them.
 */
export function wcscCss(output: string, file: string): string | undefined {
  const parts = output.split('=');
  const index = parts.indexOf(`./${file}`);
  const value = index < 0 ? undefined : parts[index + 1];
  if (value === undefined) return undefined;
  const source = runInNewContext(`"${value.replace(/"/g, '\\"')}"`) as string;
  let pieces: unknown[] = [];
  const capture = (value: unknown[]): (() => void) => {
    pieces = value;
    return () => undefined;
  };
  runInNewContext(source, { setCssToHead: capture, __wxAppCode__: {} });
  return pieces
    .map((piece) => {
      if (typeof piece === 'string') return piece;
      if (Array.isArray(piece) && piece[0] === 0) return `${String(piece[1])}rpx`;
      return '';
    })
    .join('');
}
