import type { Diagnostic } from '../../../shared/diagnostic';
import { locateJsonValue, type ValidatedJson } from '../json/validate-json';
import { normalizeInRoot } from '../resolve/module-resolver';
import type { AppModel } from './app-model';
import { asRecord } from './project-config';

const TAB_ICON_EXTENSIONS = /\.(png|jpe?g)$/i;

/**
 * app.json rules WeChat enforces beyond the schema: tab pages must be pages of the main package, tab icons must
 * exist (png/jpg), app.js and referenced files (sitemap) must exist.
 */
export function checkAppJson(app: ValidatedJson, model: AppModel, files: ReadonlySet<string>, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (path: (string | number)[]) => ({ file, ...locateJsonValue(app, path) });
  const mainPages = new Set(model.parts[0]?.pages ?? []);
  const list = Array.isArray(asRecord(app.value.tabBar).list) ? (asRecord(app.value.tabBar).list as unknown[]) : [];
  list.forEach((raw, i) => {
    const item = asRecord(raw);
    if (typeof item.pagePath === 'string' && !mainPages.has(normalizeInRoot(item.pagePath) ?? '')) {
      out.push({
        ...at(['tabBar', 'list', i, 'pagePath']),
        severity: 'error',
        code: 'tabbar-page-unknown',
        message: `tabBar page '${item.pagePath}' is not a page of the main package`,
        hint: 'list it in app.json "pages"',
      });
    }
    for (const key of ['iconPath', 'selectedIconPath']) {
      const icon = item[key];
      if (typeof icon !== 'string' || icon === '') continue;
      const path = normalizeInRoot(icon);
      if (path === undefined || !files.has(path)) {
        out.push({ ...at(['tabBar', 'list', i, key]), severity: 'error', code: 'tabbar-icon-missing', message: `tabBar icon '${icon}' not found` });
      } else if (!TAB_ICON_EXTENSIONS.test(path)) {
        out.push({ ...at(['tabBar', 'list', i, key]), severity: 'warning', code: 'tabbar-icon-format', message: `tabBar icon '${icon}' should be a .png or .jpg` });
      }
    }
  });
  if (!files.has('app.js') && !files.has('app.ts')) {
    out.push({ file: file.replace(/app\.json$/, 'app.js'), line: 1, column: 1, severity: 'error', code: 'app-script-missing', message: 'app.js not found: the mini-program has no App() to start', hint: 'create app.js with App({})' });
  }
  const sitemap = app.value.sitemapLocation;
  if (typeof sitemap === 'string' && !files.has(normalizeInRoot(sitemap) ?? '')) {
    out.push({ ...at(['sitemapLocation']), severity: 'warning', code: 'sitemap-missing', message: `sitemapLocation '${sitemap}' not found` });
  }
  return out;
}
