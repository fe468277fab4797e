import { applyEdits, modify, parse, type ParseError } from 'jsonc-parser';
import { UserFacingError } from '../../shared/contract';

/** The four files of a new page (or component), named after its last path segment. */
export function pageFiles(pagePath: string, kind: 'page' | 'component'): { path: string; content: string }[] {
  const name = pagePath.split('/').pop()!;
  const script =
    kind === 'page'
      ? `Page({\n  data: {},\n\n  onLoad(query) {},\n\n  onShow() {},\n});\n`
      : `Component({\n  properties: {},\n\n  data: {},\n\n  methods: {},\n});\n`;
  const json = kind === 'page' ? `{\n  "usingComponents": {}\n}\n` : `{\n  "component": true,\n  "usingComponents": {}\n}\n`;
  return [
    { path: `${pagePath}.wxml`, content: `<view class="${name}">\n  <text>${pagePath}</text>\n</view>\n` },
    { path: `${pagePath}.wxss`, content: `.${name} {\n  padding: 32rpx;\n}\n` },
    { path: `${pagePath}.js`, content: script },
    { path: `${pagePath}.json`, content: json },
  ];
}

/** A page path as app.json wants it: forward slashes, no extension, no leading slash, safe characters only. */
export function normalisePagePath(input: string): string {
  const path = input.trim().replace(/\\/g, '/').replace(/^\/+/, '').replace(/\.(wxml|js|ts|json|wxss)$/, '');
  if (!/^[\w-]+(\/[\w-]+)*$/.test(path)) throw new UserFacingError('page-path-invalid', `'${input}' is not a page path; use letters, digits, - and _, like pages/detail/detail.`);
  return path;
}

/**
 * Adds `pagePath` to app.json: to the `pages` of the subpackage whose root contains it (relative to that root),
 * else to the main `pages`. Keeps the file's formatting and comments. Returns the new text, or the same text
 * when the page is already listed.
 */
export function registerPage(appJson: string, pagePath: string): string {
  const errors: ParseError[] = [];
  const app = parse(appJson, errors, { allowTrailingComma: true }) as { pages?: unknown; subpackages?: unknown; subPackages?: unknown } | undefined;
  if (errors.length > 0 || typeof app !== 'object' || app === null) throw new UserFacingError('app-json-invalid', 'app.json is not valid JSON; fix it before adding a page.');
  const formatting = { formattingOptions: { insertSpaces: true, tabSize: 2, eol: '\n' } };
  const subKey = Array.isArray(app.subpackages) ? 'subpackages' : Array.isArray(app.subPackages) ? 'subPackages' : null;
  if (subKey) {
    const subs = app[subKey] as { root?: unknown; pages?: unknown }[];
    const index = subs.findIndex((s) => typeof s.root === 'string' && pagePath.startsWith(`${s.root.replace(/\/+$/, '')}/`));
    if (index >= 0) {
      const sub = subs[index]!;
      const relative = pagePath.slice(String(sub.root).replace(/\/+$/, '').length + 1);
      const pages = Array.isArray(sub.pages) ? sub.pages : [];
      if (pages.includes(relative)) return appJson;
      return applyEdits(appJson, modify(appJson, [subKey, index, 'pages', pages.length], relative, formatting));
    }
  }
  const pages = Array.isArray(app.pages) ? app.pages : [];
  if (pages.includes(pagePath)) return appJson;
  return applyEdits(appJson, modify(appJson, ['pages', pages.length], pagePath, formatting));
}
