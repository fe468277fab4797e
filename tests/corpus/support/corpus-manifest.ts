import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CorpusApp {
  readonly name: string;
  readonly spec: string;
  /** Repo-relative folder holding app.json. */
  readonly dir: string;
  readonly pages: number;
}

export interface CorpusLibrary {
  readonly name: string;
  readonly spec: string;
  readonly tagPrefix: string;
  /** Repo-relative `miniprogram` folder of the package. */
  readonly dir: string;
}

/** What scripts/corpus-fetch.mjs writes to .corpus/manifest.json. */
export interface CorpusManifest {
  readonly apps: readonly CorpusApp[];
  readonly libraries: readonly CorpusLibrary[];
  readonly gallery: { readonly dir: string };
  readonly oracle: { readonly spec: string; readonly wcc: string; readonly wcsc: string };
}

/** `.corpus/` in the repo, or `MINISTUDIO_CORPUS_DIR` (e.g. a CI cache; scripts/corpus-fetch.mjs honours it too). */
export const corpusDir = process.env['MINISTUDIO_CORPUS_DIR'] ? resolve(process.env['MINISTUDIO_CORPUS_DIR']) : join(repoRoot, '.corpus');
const manifestPath = join(corpusDir, 'manifest.json');

/** Message for `test(name, { skip })` when the corpus is not fetched (CI without network for third-party code). */
export const CORPUS_MISSING = 'corpus not fetched: run `npm run corpus:fetch` to get .corpus/ (third-party apps, libraries, wcc/wcsc)';

/** The fetched corpus, or undefined when .corpus/ is absent. */
export function loadCorpus(): CorpusManifest | undefined {
  if (!existsSync(manifestPath)) return undefined;
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as CorpusManifest;
}

/** Files under `dir` ending with `extension`, relative to `dir`, posix separators, sorted; skips node_modules. */
export function listFiles(dir: string, extension: string): string[] {
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const name of readdirSync(current)) {
      const full = join(current, name);
      if (statSync(full).isDirectory()) {
        if (name !== 'node_modules') walk(full);
      } else if (name.endsWith(extension)) {
        found.push(relative(dir, full).split('\\').join('/'));
      }
    }
  };
  walk(dir);
  return found.sort();
}
