import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../../../shared/diagnostic';
import { positionAt } from '../../../shared/diagnostic';
import { bundlePackage } from './bundle-package';
import { findInstalledPackage, outputPathOf } from './installed-package';

/** A folder of code whose bare requests are looked up in node_modules from `fromDir`. */
export interface SubpathScan {
  readonly dir: string;
  readonly fromDir: string;
}

export interface SubpathContext {
  readonly projectDir: string;
  readonly staging: string;
  readonly rootModules: string;
  /** Output path (relative to miniprogram_npm) → package name, for every package bundled from its main. */
  readonly bundled: ReadonlyMap<string, string>;
  readonly diagnostics: Diagnostic[];
}

interface FoundRequest {
  readonly request: string;
  readonly name: string;
  readonly subpath: string;
  readonly fromDir: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// `require('x/y')`, `import('x/y')`, `from 'x/y'`, `import 'x/y'` where x is a bare (optionally scoped) name.
const SUBPATH_REQUEST =
  /(?:\brequire\s*\(\s*|\bimport\s*\(\s*|\bfrom\s+|\bimport\s+)(['"])((?:@[\w-][\w.-]*\/)?[\w-][\w.-]*\/[^'"\s]+)\1/g;
const SCANNED_FILE = /\.(?:js|mjs|cjs|ts|wxs)$/;
const SKIPPED_FOLDERS = new Set(['node_modules', 'miniprogram_npm']);

/**
 * A bundled package only has `index.js`, but code often requires a file inside it (`dayjs/plugin/utc`,
 * `dayjs/locale/zh-cn`). Each such request found in the project or in a copied component library is bundled to
 * `miniprogram_npm/<name>/<subpath>.js`, keeping `require('<name>')` external so it shares the package's main.
 */
export async function bundleSubpathRequests(scans: readonly SubpathScan[], context: SubpathContext): Promise<string[]> {
  const written: string[] = [];
  const seen = new Set<string>();
  for (const scan of scans) {
    for (const found of await findSubpathRequests(scan, context.projectDir)) {
      const installed = await findInstalledPackage(found.name, found.fromDir, context.projectDir);
      if (!installed) continue;
      const out = outputPathOf(context.rootModules, installed.path, found.name);
      if (!context.bundled.has(out)) continue;
      const file = found.subpath.endsWith('.js') ? found.subpath : `${found.subpath}.js`;
      const target = `${out}/${file}`;
      if (file === 'index.js' || seen.has(target)) continue;
      seen.add(target);
      const result = await bundlePackage({
        projectDir: context.projectDir,
        entry: { request: found.request, resolveDir: found.fromDir },
        keepExternal: found.name,
        outfile: join(context.staging, target),
        packageName: found.name,
        manifestFile: found.file,
      });
      // Problems esbuild pins on its generated entry belong to the line that asked for the file.
      for (const d of result.diagnostics) {
        context.diagnostics.push(d.file === '<stdin>' ? { ...d, file: found.file, line: found.line, column: found.column } : d);
      }
      if (result.ok) written.push(target);
    }
  }
  return written;
}

async function findSubpathRequests(scan: SubpathScan, projectDir: string): Promise<FoundRequest[]> {
  const found: FoundRequest[] = [];
  for (const path of await listCodeFiles(scan.dir)) {
    const text = await readFile(path, 'utf8').catch(() => '');
    if (!text.includes('/')) continue;
    for (const match of text.matchAll(SUBPATH_REQUEST)) {
      const request = match[2] ?? '';
      const parts = request.split('/');
      const nameLength = request.startsWith('@') ? 2 : 1;
      const name = parts.slice(0, nameLength).join('/');
      const subpath = parts.slice(nameLength).join('/');
      if (subpath === '') continue;
      const at = positionAt(text, (match.index ?? 0) + match[0].indexOf(request));
      const file = relative(projectDir, path).split(sep).join('/');
      found.push({ request, name, subpath, fromDir: scan.fromDir, file, ...at });
    }
  }
  return found;
}

async function listCodeFiles(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(path);
      } else if (SCANNED_FILE.test(entry.name)) {
        files.push(path);
      }
    }
  };
  await walk(dir);
  return files;
}
