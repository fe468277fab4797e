import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';

/** What WeChat's own compiler said about one file. */
export interface OracleVerdict {
  readonly accepted: boolean;
  /** wcc/wcsc's stderr when it rejected the file. */
  readonly message: string;
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
    return this.run(this.wcsc, root, ['-db', '-pc', '1', ...files.map((f) => `./${f}`)]);
  }

  dispose(): void {
    rmSync(this.argsDir, { recursive: true, force: true });
  }

  private run(tool: string, cwd: string, args: readonly string[]): OracleVerdict {
    const argsFile = join(this.argsDir, 'args');
    writeFileSync(argsFile, args.join('\n') + '\n');
    const result = spawnSync(tool, ['--config-path', argsFile], { cwd, maxBuffer: 256 * 1024 * 1024 });
    if (result.error) throw result.error;
    return { accepted: result.status === 0, message: result.status === 0 ? '' : result.stderr.toString().trim() };
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
