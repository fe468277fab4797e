import type { Diagnostic } from '../../../shared/diagnostic';
import { locateJsonValue, type ValidatedJson } from '../json/validate-json';
import { resolveComponent, type ResolverContext } from '../resolve/module-resolver';
import { partOf, type AppModel } from './app-model';
import { asRecord } from './project-config';

export type StyleIsolationMode = 'isolated' | 'apply-shared' | 'shared';

/** A page or component found by walking app.json and every `usingComponents` from the pages. */
export interface ComponentPlan {
  readonly path: string;
  readonly packageRoot: string;
  readonly isPage: boolean;
  /** Its json with `usingComponents` (and generic defaults) resolved to module paths. */
  readonly json: Record<string, unknown>;
  readonly templateFile?: string;
  readonly scriptFile?: string;
  readonly styleFile?: string;
  readonly isolation: StyleIsolationMode;
}

export interface PlanInputs {
  readonly app: AppModel;
  readonly appJsonFile: string;
  readonly resolver: ResolverContext;
  /** Validated json of a root-relative path, or undefined when the file does not exist. */
  readonly json: (relPath: string, kind: 'page' | 'component') => ValidatedJson | undefined;
  readonly templateExtensions: readonly string[];
  readonly styleExtensions: readonly string[];
  /** Root-relative → project-relative, for diagnostics. */
  readonly projectPath: (relPath: string) => string;
}

const SCRIPT_EXTENSIONS = ['.ts', '.js'];
const CUSTOM_TAB_BAR = 'custom-tab-bar/index';

/** Walks from the pages through `usingComponents`; every component reached is planned once. */
export function planComponents(inputs: PlanInputs): {
  components: Map<string, ComponentPlan>;
  /** app.json `usingComponents`, resolved. */
  globalComponents: Record<string, string>;
  diagnostics: Diagnostic[];
} {
  const { app, resolver } = inputs;
  const diagnostics: Diagnostic[] = [];
  const components = new Map<string, ComponentPlan>();
  const appFile = inputs.appJsonFile;
  const find = (base: string, exts: readonly string[]) => exts.map((e) => base + e).find((f) => resolver.files.has(f));

  const globalResolved: Record<string, string> = {};
  for (const [tag, request] of Object.entries(app.globalComponents)) {
    const resolved = isPluginRef(request) ? request : resolveComponent(resolver, 'app.json', request);
    if (resolved) globalResolved[tag] = resolved;
    else diagnostics.push({ file: appFile, ...locateAppValue(inputs, ['usingComponents', tag]), ...notFound(tag, request, app.extendedLibs) });
  }

  const queue: { path: string; isPage: boolean }[] = app.parts.flatMap((p) => p.pages.map((path) => ({ path, isPage: true })));
  const pages = new Set(queue.map((q) => q.path));
  // WeChat renders `custom-tab-bar/index` on every tab page when app.json asks for a custom tabBar
  if (asRecord(app.appJson.tabBar).custom === true) {
    if (find(CUSTOM_TAB_BAR, inputs.templateExtensions)) queue.push({ path: CUSTOM_TAB_BAR, isPage: false });
    else {
      diagnostics.push({
        file: appFile,
        ...locateAppValue(inputs, ['tabBar', 'custom']),
        severity: 'warning',
        code: 'custom-tab-bar-not-found',
        message: `tabBar.custom is true but '${CUSTOM_TAB_BAR}' has no ${inputs.templateExtensions.join('/')} file: tab pages will have no tab bar`,
        hint: 'add custom-tab-bar/index.js, index.json, index.wxml and index.wxss at the mini-program root',
      });
    }
  }
  while (queue.length) {
    const { path, isPage } = queue.shift()!;
    if (components.has(path)) continue;
    const packageRoot = partOf(app.parts, path);
    const jsonFile = `${path}.json`;
    const validated = inputs.json(jsonFile, isPage ? 'page' : 'component');
    if (validated) diagnostics.push(...validated.diagnostics);
    const raw = validated?.value ?? {};
    const templateFile = find(path, inputs.templateExtensions);
    if (!templateFile) {
      const where = isPage
        ? { file: appFile, ...locateAppValue(inputs, app.pageLocation.get(path)?.path ?? ['pages']) }
        : { file: inputs.projectPath(jsonFile), line: 1, column: 1 };
      diagnostics.push({ ...where, severity: 'error', code: isPage ? 'page-not-found' : 'component-template-not-found', message: `${isPage ? 'page' : 'component'} '${path}' has no ${inputs.templateExtensions.join('/')} file` });
    }
    if (!isPage && validated && raw.component !== true) {
      diagnostics.push({ file: inputs.projectPath(jsonFile), line: 1, column: 1, severity: 'warning', code: 'component-flag-missing', message: `'${jsonFile}' is used as a component but lacks "component": true` });
    }

    const using: Record<string, string> = { ...globalResolved };
    const reached: string[] = Object.values(globalResolved);
    for (const [tag, request] of Object.entries(asRecord(raw.usingComponents))) {
      if (typeof request !== 'string') continue;
      if (!/^[a-z][a-z0-9_-]*$/.test(tag) && validated) {
        diagnostics.push({
          file: inputs.projectPath(jsonFile),
          ...locateJsonValue(validated, ['usingComponents', tag]),
          severity: 'warning',
          code: 'component-tag-name',
          message: `component tag '${tag}' should use lowercase letters, digits, '-' and '_' only (tags are matched in lowercase)`,
        });
      }
      const resolved = isPluginRef(request) ? request : resolveComponent(resolver, jsonFile, request);
      if (resolved) {
        using[tag] = resolved;
        reached.push(resolved);
      } else {
        using[tag] = request;
        const at = validated ? locateJsonValue(validated, ['usingComponents', tag]) : { line: 1, column: 1 };
        diagnostics.push({ file: inputs.projectPath(jsonFile), ...at, ...notFound(tag, request, app.extendedLibs) });
      }
    }
    const generics: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(asRecord(raw.componentGenerics))) {
      const def = asRecord(spec).default;
      const resolved = typeof def === 'string' ? resolveComponent(resolver, jsonFile, def) : undefined;
      generics[name] = resolved ? { ...asRecord(spec), default: resolved } : spec;
      if (resolved) queue.push({ path: resolved, isPage: pages.has(resolved) });
    }
    const independent = app.parts.find((p) => p.root === packageRoot)?.independent === true;
    for (const target of reached) {
      if (isPluginRef(target)) continue;
      if (!components.has(target)) queue.push({ path: target, isPage: pages.has(target) });
      const targetRoot = partOf(app.parts, target);
      if (targetRoot === packageRoot) continue;
      const tag = tagOf(using, target);
      const where = { file: inputs.projectPath(jsonFile), ...(validated ? locateJsonValue(validated, ['usingComponents', tag]) : { line: 1, column: 1 }) };
      const own = asRecord(raw.usingComponents)[tag] !== undefined;
      if (independent && own) {
        diagnostics.push({ ...where, severity: 'warning', code: 'independent-subpackage-reference', message: `'${path}' is in independent subpackage '${packageRoot}' but uses '${target}' from ${targetRoot ? `subpackage '${targetRoot}'` : 'the main package'}`, hint: 'an independent subpackage runs without the others: copy the component into it' });
      } else if (targetRoot && asRecord(raw.componentPlaceholder)[tag] === undefined) {
        diagnostics.push({ ...where, severity: 'warning', code: 'component-cross-package', message: `'${path}' uses '${target}' from subpackage '${targetRoot}' without a componentPlaceholder` });
      }
    }

    const json: Record<string, unknown> = { ...raw, usingComponents: using };
    if (raw.componentGenerics !== undefined) json.componentGenerics = generics;
    const scriptFile = find(path, SCRIPT_EXTENSIONS);
    const styleFile = find(path, inputs.styleExtensions);
    components.set(path, {
      path,
      packageRoot,
      isPage,
      json,
      isolation: isolationOf(raw.styleIsolation, isPage),
      ...(templateFile ? { templateFile } : {}),
      ...(scriptFile ? { scriptFile } : {}),
      ...(styleFile ? { styleFile } : {}),
    });
  }
  return { components, globalComponents: globalResolved, diagnostics };
}

function locateAppValue(inputs: PlanInputs, path: (string | number)[]) {
  const app = inputs.json('app.json', 'page');
  return app ? locateJsonValue(app, path) : { line: 1, column: 1 };
}

function tagOf(using: Record<string, string>, target: string): string {
  return Object.keys(using).find((k) => using[k] === target) ?? '';
}

/** Extended libraries (`useExtendedLib`) and the npm names WeChat serves them under. */
const EXTENDED_LIB_PACKAGES: Readonly<Record<string, string>> = { weui: 'weui-miniprogram', kbone: 'kbone-ui' };

function notFound(tag: string, request: string, extendedLibs: readonly string[]): Pick<Diagnostic, 'severity' | 'code' | 'message' | 'hint'> {
  const lib = extendedLibs.find((l) => request.startsWith(`${EXTENDED_LIB_PACKAGES[l] ?? l}/`));
  if (lib) {
    return {
      severity: 'warning',
      code: 'extended-lib-not-bundled',
      message: `component '${tag}': '${request}' comes from the extended library '${lib}' (useExtendedLib), which the simulator does not bundle`,
      hint: `install ${EXTENDED_LIB_PACKAGES[lib] ?? lib} with npm and run Build npm to use it here`,
    };
  }
  return {
    severity: 'error',
    code: 'component-not-found',
    message: `component '${tag}': '${request}' not found`,
    hint: 'paths are relative to this json, /absolute from the mini-program root, or an npm package built into miniprogram_npm',
  };
}

function isPluginRef(request: string): boolean {
  return request.startsWith('plugin://') || request.startsWith('plugin-private://');
}

/** A component's default is `isolated`; a page's is `shared` (as glass-easel-miniprogram-adapter scopes pages). */
function isolationOf(value: unknown, isPage: boolean): StyleIsolationMode {
  if (typeof value !== 'string') return isPage ? 'shared' : 'isolated';
  const base = value.replace(/^page-/, '');
  return base === 'shared' || base === 'apply-shared' ? base : 'isolated';
}
