import { parse } from 'jsonc-parser';

/** The page paths an app.json declares, main package first, then subpackage pages with their root. */
export function pagesOfAppJson(text: string): string[] {
  const json: unknown = parse(text, [], { allowTrailingComma: true });
  if (typeof json !== 'object' || json === null) return [];
  const app = json as { pages?: unknown; subpackages?: unknown; subPackages?: unknown };
  const pages = Array.isArray(app.pages) ? app.pages.filter((p): p is string => typeof p === 'string') : [];
  const subpackages = app.subpackages ?? app.subPackages;
  if (Array.isArray(subpackages)) {
    for (const sub of subpackages) {
      const root = typeof sub?.root === 'string' ? sub.root.replace(/\/+$/, '') : '';
      if (!root || !Array.isArray(sub.pages)) continue;
      for (const page of sub.pages) if (typeof page === 'string') pages.push(`${root}/${page}`);
    }
  }
  return pages;
}
