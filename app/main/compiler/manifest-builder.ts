import type { Diagnostic } from '../../shared/diagnostic';
import { PACKAGE_FORMAT_VERSION, type ComponentEntry, type PackageManifest, type PackagePart } from '../../shared/package-format';
import { locateJsonValue, type ValidatedJson } from './json/validate-json';
import type { DslProfile } from './profiles';
import type { AppModel } from './project/app-model';
import type { ComponentPlan } from './project/component-plan';
import type { ScriptOutput } from './script/script-stage';

export interface ThemeInput {
  readonly json?: Record<string, unknown>;
  readonly diagnostics: readonly Diagnostic[];
}

export interface ManifestInput {
  readonly profile: DslProfile;
  readonly buildId: string;
  readonly appId: string;
  readonly model: AppModel;
  readonly appJson: ValidatedJson;
  readonly appJsonFile: string;
  readonly components: ReadonlyMap<string, ComponentPlan>;
  readonly globalComponents: Readonly<Record<string, string>>;
  readonly scripts: ReadonlyMap<string, ScriptOutput>;
  /** Output paths of the compiled styles. */
  readonly styleOutputs: ReadonlySet<string>;
  readonly assets: Readonly<Record<string, string>>;
  readonly zips: boolean;
  readonly scopeName: (path: string) => string;
  readonly theme: ThemeInput;
}

export function templatesPath(root: string): string {
  return root ? `templates/${root}.js` : 'templates/app.js';
}

export function zipPath(root: string): string {
  return root ? `zips/${root.replace(/\//g, '_')}.zip` : 'zips/app.zip';
}

/** Assembles the manifest (package sizes are filled in after writing). */
export function buildManifest(input: ManifestInput): { manifest: PackageManifest; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [...input.theme.diagnostics];
  const entries: Record<string, ComponentEntry> = {};
  for (const c of input.components.values()) {
    const scriptKey = c.scriptFile ? c.scriptFile.replace(/\.ts$/, '.js') : undefined;
    const styleOut = `css/${c.path}.css`;
    entries[c.path] = {
      path: c.path,
      packageRoot: c.packageRoot,
      isPage: c.isPage,
      json: c.json,
      template: c.path,
      ...(scriptKey && input.scripts.has(scriptKey) ? { script: scriptKey } : {}),
      ...(input.styleOutputs.has(styleOut) ? { style: { file: styleOut, scopeName: input.scopeName(c.path) } } : {}),
    };
    if (c.isPage && !scriptKey && c.templateFile) {
      const at = input.model.pageLocation.get(c.path);
      diagnostics.push({
        file: input.appJsonFile,
        ...(at ? locateJsonValue(input.appJson, at.path) : { line: 1, column: 1 }),
        severity: 'warning',
        code: 'page-script-missing',
        message: `page '${c.path}' has no .js/.ts file; it will not be registered`,
      });
    }
  }
  const appJson: Record<string, unknown> = { ...input.model.appJson };
  if (Object.keys(input.globalComponents).length) appJson.usingComponents = { ...input.globalComponents };
  const manifest: PackageManifest = {
    format: PACKAGE_FORMAT_VERSION,
    profile: input.profile.name,
    buildId: input.buildId,
    appId: input.appId,
    appJson,
    ...(input.theme.json ? { themeJson: input.theme.json } : {}),
    packages: input.model.parts.map((p) => ({
      root: p.root,
      ...(p.name ? { name: p.name } : {}),
      independent: p.independent,
      pages: p.pages,
      templates: templatesPath(p.root),
      ...(input.zips ? { zip: zipPath(p.root) } : {}),
      size: 0,
    })),
    components: entries,
    scripts: Object.fromEntries([...input.scripts].map(([k, v]) => [k, v.entry])),
    ...(input.styleOutputs.has('css/app.css') ? { appStyle: { file: 'css/app.css' } } : {}),
    assets: input.assets,
  };
  return { manifest, diagnostics };
}

/** The profile's size limits, per (sub)package and in total, as warnings: the build runs, upload would fail. */
export function sizeDiagnostics(packages: readonly PackagePart[], profile: DslProfile, appJson: ValidatedJson, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { perPackage, total } = profile.limits;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;
  const subKey = Array.isArray(appJson.value.subPackages) ? 'subPackages' : 'subpackages';
  const subs = Array.isArray(appJson.value[subKey]) ? (appJson.value[subKey] as { root?: unknown }[]) : [];
  for (const p of packages) {
    if (p.size <= perPackage) continue;
    const index = subs.findIndex((s) => typeof s.root === 'string' && s.root.replace(/^\.?\/|\/$/g, '') === p.root);
    const at = p.root && index >= 0 ? locateJsonValue(appJson, [subKey, index, 'root']) : { line: 1, column: 1 };
    const what = p.root ? `subpackage '${p.root}'` : 'main package';
    out.push({ file, ...at, severity: 'warning', code: 'package-too-large', message: `${what} is ${mb(p.size)}, over the ${profile.name} limit of ${mb(perPackage)}: upload will be refused` });
  }
  const sum = packages.reduce((n, p) => n + p.size, 0);
  if (sum > total) {
    out.push({ file, line: 1, column: 1, severity: 'warning', code: 'package-too-large', message: `all packages together are ${mb(sum)}, over the ${profile.name} limit of ${mb(total)}: upload will be refused` });
  }
  return out;
}
