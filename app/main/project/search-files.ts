import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { UserFacingError, type SearchMatch } from '../../shared/contract';
import { IGNORED_NAMES } from './file-tree';

const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_MATCHES = 2000;
const SKIPPED = new Set([...IGNORED_NAMES, 'miniprogram_npm', 'dist', '.ministudio']);
const TEXT_EXTENSIONS = /\.(wxml|wxss|wxs|fxml|ftss|fts|js|ts|mjs|cjs|json|less|scss|sass|css|html|md|txt|sjs)$/i;

export interface SearchOptions {
  readonly query: string;
  readonly isRegex?: boolean;
  readonly matchCase?: boolean;
}

function matcher(options: SearchOptions): RegExp {
  const source = options.isRegex ? options.query : options.query.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, options.matchCase ? 'g' : 'gi');
  } catch (error) {
    throw new UserFacingError('search-invalid', `Invalid regular expression: ${(error as Error).message}`);
  }
}

/** Searches the project's text files line by line; bounded in file size and result count. */
export async function searchFiles(root: string, options: SearchOptions): Promise<{ matches: SearchMatch[]; truncated: boolean }> {
  if (!options.query) return { matches: [], truncated: false };
  const pattern = matcher(options);
  const matches: SearchMatch[] = [];
  let truncated = false;
  const walk = async (rel: string): Promise<void> => {
    const entries = await readdir(join(root, rel), { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (truncated) return;
      if (SKIPPED.has(entry.name)) continue;
      const path = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.isFile() || !TEXT_EXTENSIONS.test(entry.name)) continue;
      const absolute = join(root, path);
      if ((await stat(absolute)).size > MAX_FILE_BYTES) continue;
      const lines = (await readFile(absolute, 'utf8')).split(/\r?\n/);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        pattern.lastIndex = 0;
        const found = pattern.exec(line);
        if (!found) continue;
        matches.push({ path, line: i + 1, column: found.index + 1, length: Math.max(1, found[0].length), preview: line.slice(0, 400) });
        if (matches.length >= MAX_MATCHES) {
          truncated = true;
          return;
        }
      }
    }
  };
  await walk('');
  return { matches, truncated };
}
