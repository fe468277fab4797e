import type { Diagnostic } from '../../../shared/diagnostic';
import { locateJsonValue, type ValidatedJson } from '../json/validate-json';
import { normalizeInRoot } from '../resolve/module-resolver';
import type { PartPlan } from './part-plan';
import { asRecord } from './project-config';

export { partOf, type PartPlan } from './part-plan';

export interface AppModel {
  readonly parts: readonly PartPlan[];
  /** app.json normalised for the manifest (usingComponents are resolved later). */
  readonly appJson: Record<string, unknown>;
  readonly aliases: Readonly<Record<string, string>>;
  readonly globalComponents: Readonly<Record<string, string>>;
  /** Names switched on in `useExtendedLib` (`weui`). */
  readonly extendedLibs: readonly string[];
  /** Where each page is declared, for diagnostics about it. */
  readonly pageLocation: ReadonlyMap<string, { path: (string | number)[] }>;
}

/** Reads the package structure out of a validated app.json; `file` is its project-relative path. */
export function readAppModel(app: ValidatedJson, file: string): { model: AppModel; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const json = app.value;
  const pageLocation = new Map<string, { path: (string | number)[] }>();
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const addPages = (list: string[], prefix: string, at: (string | number)[]): string[] => {
    const out: string[] = [];
    list.forEach((page, i) => {
      const full = normalizeInRoot(prefix ? `${prefix}/${page}` : page);
      if (full === undefined || full === '') {
        diagnostics.push({ file, ...locateJsonValue(app, [...at, i]), severity: 'error', code: 'page-path-escape', message: `page '${page}' points outside the mini-program root` });
        return;
      }
      if (pageLocation.has(full)) {
        diagnostics.push({ file, ...locateJsonValue(app, [...at, i]), severity: 'warning', code: 'page-duplicate', message: `page '${full}' is listed twice` });
        return;
      }
      pageLocation.set(full, { path: [...at, i] });
      out.push(full);
    });
    return out;
  };

  const mainPages = addPages(strings(json.pages), '', ['pages']);
  const subKey = Array.isArray(json.subPackages) ? 'subPackages' : 'subpackages';
  const subs = Array.isArray(json[subKey]) ? (json[subKey] as unknown[]) : [];
  const parts: PartPlan[] = [{ root: '', independent: false, pages: mainPages }];
  const normalizedSubs: Record<string, unknown>[] = [];
  subs.forEach((raw, i) => {
    const sub = asRecord(raw);
    const root = typeof sub.root === 'string' ? normalizeInRoot(sub.root) : undefined;
    if (!root) {
      diagnostics.push({ file, ...locateJsonValue(app, [subKey, i, 'root']), severity: 'error', code: 'subpackage-root', message: `subpackage root '${String(sub.root)}' is not a folder inside the mini-program` });
      return;
    }
    const overlapping = parts.find((p) => p.root && (root.startsWith(`${p.root}/`) || p.root.startsWith(`${root}/`) || p.root === root));
    if (overlapping) {
      diagnostics.push({ file, ...locateJsonValue(app, [subKey, i, 'root']), severity: 'error', code: 'subpackage-root', message: `subpackage root '${root}' overlaps '${overlapping.root}'` });
      return;
    }
    const pages = addPages(strings(sub.pages), root, [subKey, i, 'pages']);
    const part: PartPlan = { root, independent: sub.independent === true, pages, ...(typeof sub.name === 'string' ? { name: sub.name } : {}) };
    parts.push(part);
    normalizedSubs.push({ ...sub, root, pages, independent: part.independent });
  });
  for (const page of mainPages) {
    const owner = parts.find((p) => p.root && page.startsWith(`${p.root}/`));
    if (owner) {
      diagnostics.push({ file, ...locateJsonValue(app, pageLocation.get(page)!.path), severity: 'error', code: 'page-in-subpackage', message: `page '${page}' is inside subpackage '${owner.root}'; list it there` });
    }
  }

  const appJson: Record<string, unknown> = { ...json };
  delete appJson.subpackages;
  appJson.pages = mainPages;
  appJson.subPackages = normalizedSubs;
  appJson.window = asRecord(json.window);
  appJson.entryPagePath = typeof json.entryPagePath === 'string' ? json.entryPagePath : mainPages[0];
  return {
    model: {
      parts,
      appJson,
      aliases: stringRecord(json.resolveAlias),
      globalComponents: stringRecord(json.usingComponents),
      extendedLibs: Object.entries(asRecord(json.useExtendedLib)).filter(([, on]) => on === true || typeof on === 'string').map(([name]) => name),
      pageLocation,
    },
    diagnostics,
  };
}

function stringRecord(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(asRecord(value))) if (typeof v === 'string') out[k] = v;
  return out;
}
