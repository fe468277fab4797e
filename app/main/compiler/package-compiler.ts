import { readFile } from 'node:fs/promises';
import { parse as parseJsonc } from 'jsonc-parser';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { hasErrors, type Diagnostic } from '../../shared/diagnostic';
import type { DslProfileName, PackageManifest, PackagePart } from '../../shared/package-format';
import { locateJsonValue, validateJson, type JsonKind, type ValidatedJson } from './json/validate-json';
import { buildManifest, sizeDiagnostics, templatesPath, type ThemeInput } from './manifest-builder';
import { OutputWriter, type OutputContent } from './output-writer';
import { allProfileExtensions, profiles, type DslProfile } from './profiles';
import { checkAppJson } from './project/app-checks';
import { readAppModel, partOf, type AppModel } from './project/app-model';
import { planComponents } from './project/component-plan';
import { packIgnoreMatcher } from './project/pack-ignore';
import { asRecord, readProjectConfig, type ProjectConfig } from './project/project-config';
import type { ResolverContext } from './resolve/module-resolver';
import { ScriptStage } from './script/script-stage';
import { SourceStore } from './source-store';
import { StyleStage, type StyleJob } from './style-stage';
import { TemplateHost } from './template-host';
import type { TemplateJobResult } from './template-job';

export interface CompilerOptions {
  /** Folder the package is written to (created; emptied on the first build). */
  readonly outDir: string;
  /** Force a profile; by default the project's files decide (FinClip when it has more .fxml than .wxml). */
  readonly profile?: DslProfileName;
  /** Write the upload zips (`zips/app.zip` + one per subpackage). Default true. */
  readonly zips?: boolean;
  /** Compile templates in glass-easel's dev mode (attribute names kept for the WXML inspector). Default false. */
  readonly devTemplates?: boolean;
  /** Compile templates on a worker thread, overlapping the rest of the build (projects with 150+ templates). Default true. */
  readonly templateWorker?: boolean;
}

export interface BuildResult {
  /** No error-severity diagnostic. */
  readonly ok: boolean;
  readonly diagnostics: readonly Diagnostic[];
  /** Package paths written or deleted by this run (`manifest.json` only when more than buildId/sizes changed). */
  readonly changedOutputs: readonly string[];
  /** Undefined only when the project cannot be read at all (no app.json). */
  readonly manifest: PackageManifest | undefined;
  readonly outDir: string;
  readonly durationMs: number;
  /** How many sources this run actually recompiled (the rest came from the caches). */
  readonly recompiled: { readonly templates: number; readonly scripts: number; readonly styles: number };
  /** Milliseconds per phase of this run (read, plan, templates, scripts-styles, write, …), for benchmarks. */
  readonly timings: Readonly<Record<string, number>>;
}

const CONFIG_FILES = new Set(['project.config.json', 'project.private.config.json', 'tsconfig.json']);
const ASSET_EXTENSIONS = new Set(
  'png jpg jpeg gif svg webp bmp ico avif ttf otf woff woff2 eot mp3 mp4 m4a aac wav ogg webm mov wasm'.split(' '),
);

/** The compiler's state between runs; `createCompiler` wraps it in the public API. */
export class PackageCompiler {
  private config: ProjectConfig | undefined;
  private store: SourceStore | undefined;
  private profile: DslProfile = profiles.wechat;
  private readonly writer: OutputWriter;
  private templates: TemplateHost;
  /** What the template host has been sent, and the group files it returned, between runs. */
  private templateTexts = new Map<string, string>();
  private templateGroups = new Map<string, Uint8Array>();
  private templateResult: TemplateJobResult | undefined;
  private scripts = new ScriptStage();
  private styles = new StyleStage();
  private readonly jsonCache = new Map<string, { text: string; value: ValidatedJson }>();
  private readonly scopeNames = new Map<string, string>();
  private lastManifestBody = '';
  private buildCount = 0;
  /** Bumped by every run that may move what resolves where (a file added or removed, a json edited). */
  private structureVersion = 0;
  /** What the last run planned and put in the manifest, reused while the structure stays the same. */
  private lastPlan: ReturnType<typeof planComponents> | undefined;
  private lastManifest: ReturnType<typeof buildManifest> | undefined;
  /** app.json read into a model (kept while its validated json is the same object: its text did not change). */
  private lastModel: { readonly json: ValidatedJson; readonly read: ReturnType<typeof readAppModel>; checks?: { version: number; diagnostics: Diagnostic[] } } | undefined;
  /** Template and WXS lists for the template host: the same arrays while the structure is the same. */
  private templateLists: { readonly version: number; readonly templates: [string, string][]; readonly scripts: [string, string][] } | undefined;
  /** Script sources and static files of the project, listed again only when the structure changed. */
  private fileLists: { readonly version: number; readonly scripts: string[]; readonly assets: string[] } | undefined;

  constructor(
    readonly projectDir: string,
    private readonly options: CompilerOptions,
  ) {
    this.writer = new OutputWriter(resolve(options.outDir));
    this.templates = new TemplateHost(options.devTemplates ?? false, options.templateWorker ?? true);
  }

  /** A full build: rescans the project and rewrites the output folder. */
  async build(): Promise<BuildResult> {
    return this.guarded(undefined);
  }

  /** Re-reads the given files (absolute or project-relative; deleted ones too) and rebuilds what depends on them. */
  async rebuild(changedFiles: readonly string[]): Promise<BuildResult> {
    return this.guarded(changedFiles);
  }

  /** A bug or an I/O failure (disk full, output folder not writable) becomes a diagnostic, never a rejection. */
  private async guarded(changed: readonly string[] | undefined): Promise<BuildResult> {
    const started = performance.now();
    try {
      return await this.run(changed);
    } catch (error) {
      this.store = undefined; // state may be half-updated: the next run starts from scratch
      const message = error instanceof Error ? error.message : String(error);
      const diagnostic: Diagnostic = { file: '', line: 1, column: 1, severity: 'error', code: 'compiler-failure', message: `the build stopped: ${message}` };
      return this.result(started, [diagnostic], [], undefined, {});
    }
  }

  dispose(): void {
    this.templates.dispose();
  }

  private async run(changed: readonly string[] | undefined): Promise<BuildResult> {
    const started = performance.now();
    let lap = started;
    const timings: Record<string, number> = {};
    const phase = (name: string) => {
      const now = performance.now();
      timings[name] = Math.round((now - lap) * 10) / 10;
      lap = now;
    };
    const diagnostics: Diagnostic[] = [];
    const rels = changed?.map((f) => this.projectRelative(f));
    const full = !this.store || !this.config || rels === undefined || rels.some((r) => CONFIG_FILES.has(r));
    let structural = true;
    if (full) {
      await this.loadProject(diagnostics);
      await this.writer.reset();
    } else {
      diagnostics.push(...this.configDiagnostics);
      const targets = new Set<string>();
      for (const r of rels!) {
        const rel = this.rootRelative(r);
        if (rel === undefined) continue;
        targets.add(rel);
        // a removed folder: everything known under it
        for (const f of this.store!.files) if (f.startsWith(`${rel}/`)) targets.add(f);
      }
      const existed = new Map([...targets].map((r) => [r, this.store!.files.has(r)]));
      await Promise.all([...targets].map((r) => this.store!.refresh(r)));
      // only an edit of files that existed before and still do, none of them json, leaves the plan as it was
      structural = [...targets].some((r) => r.endsWith('.json') || !existed.get(r) || !this.store!.files.has(r));
    }
    if (structural) this.structureVersion++;
    phase('read');
    const store = this.store!;
    const config = this.config!;
    const projectPath = (rel: string) => (config.miniprogramRoot ? `${config.miniprogramRoot}/${rel}` : rel);

    const appText = store.text('app.json');
    if (appText === undefined) {
      diagnostics.push({ file: projectPath('app.json'), line: 1, column: 1, severity: 'error', code: 'app-json-missing', message: 'app.json not found in the mini-program root' });
      return this.result(started, diagnostics, [], undefined, timings);
    }
    const appJson = this.json('app.json', 'app', projectPath);
    diagnostics.push(...appJson.diagnostics);
    if (this.lastModel?.json !== appJson) this.lastModel = { json: appJson, read: readAppModel(appJson, projectPath('app.json')) };
    const { model, diagnostics: appDiagnostics } = this.lastModel.read;
    if (this.lastModel.checks?.version !== this.structureVersion) {
      this.lastModel.checks = { version: this.structureVersion, diagnostics: checkAppJson(appJson, model, store.files, projectPath('app.json')) };
    }
    diagnostics.push(...appDiagnostics, ...this.lastModel.checks.diagnostics);

    const templateExts = this.preferred(allProfileExtensions('template'), this.profile.extensions.template);
    // templates need only the part roots: start them now, on the worker, while this thread plans and compiles the rest
    const templatesDone = this.startTemplates(model, templateExts, config.miniprogramRoot);
    const resolver: ResolverContext = { files: store.files, aliases: model.aliases, componentExtensions: [...templateExts, '.json', '.js', '.ts'] };
    const styleExts = [...this.preferred(allProfileExtensions('style'), this.profile.extensions.style), '.less', '.scss', '.sass'];
    const plan = !structural && this.lastPlan ? this.lastPlan : planComponents({
      app: model,
      appJsonFile: projectPath('app.json'),
      resolver,
      json: (rel, kind) => (store.text(rel) === undefined ? undefined : this.json(rel, kind, projectPath)),
      templateExtensions: templateExts,
      styleExtensions: styleExts,
      projectPath,
    });
    this.lastPlan = plan;
    diagnostics.push(...plan.diagnostics);
    phase('plan');

    if (this.fileLists?.version !== this.structureVersion) {
      const files = [...store.files];
      this.fileLists = {
        version: this.structureVersion,
        scripts: files.filter((f) => /\.(js|ts)$/.test(f) && !f.endsWith('.d.ts') && !/(^|\/)\./.test(f)),
        assets: files.filter((f) => ASSET_EXTENSIONS.has(f.slice(f.lastIndexOf('.') + 1).toLowerCase())),
      };
    }
    const fileLists = this.fileLists;
    // esbuild works in its own process, templates on the worker: styles meanwhile on this thread
    const scriptsDone = this.scripts.update({
      sources: fileLists.scripts,
      text: (r) => store.text(r),
      projectPath,
      resolver,
      parts: model.parts,
      structureVersion: this.structureVersion,
      ...(this.tsCompilerOptions ? { tsCompilerOptions: this.tsCompilerOptions } : {}),
    });
    templatesDone.catch(() => undefined); // awaited below, after the early writes; a failure is not unhandled meanwhile
    const [scriptOutputs, styleOutputs] = await Promise.all([
      scriptsDone,
      this.styles.update({
        jobs: this.styleJobs(plan.components, styleExts),
        profile: this.profile,
        miniprogramRoot: config.miniprogramRoot,
        text: (r) => store.text(r),
        readProjectFile: (p) => this.readProjectFile(p),
        projectPath,
        // imports are re-read unless this run only edits existing files inside the root (no folder, nothing outside)
        ...(structural || rels!.some((r) => this.rootRelative(r) === undefined) ? {} : { changed: new Set(rels) }),
      }),
    ]);
    phase('scripts-styles');
    const outputs = new Map<string, OutputContent>();
    const outputPart = new Map<string, string>();
    const put = (path: string, content: OutputContent, part: string) => {
      outputs.set(path, content);
      outputPart.set(path, part);
    };
    for (const out of scriptOutputs.values()) {
      put(out.entry.file, { text: out.code }, out.entry.packageRoot);
      put(out.entry.map!, { text: out.map }, out.entry.packageRoot);
    }
    for (const [path, css] of styleOutputs) put(path, { text: css }, path === 'css/app.css' ? '' : partOf(model.parts, path.slice(4)));
    const assets: Record<string, string> = {};
    for (const file of fileLists.assets) {
      assets[file] = `assets/${file}`;
      put(`assets/${file}`, { copyFrom: store.absolute(file) }, partOf(model.parts, file));
    }
    // the templates are usually still compiling on the worker: write everything else meanwhile
    const changedOutputs = await this.writer.writeSome(outputs);
    phase('early-write');
    const groups = await templatesDone;
    phase('templates-wait');
    diagnostics.push(...(this.templateResult?.diagnostics ?? []), ...this.scripts.allDiagnostics(), ...this.styles.allDiagnostics());
    for (const [root, bytes] of groups) put(templatesPath(root), { bytes }, root);

    const buildId = `${Date.now().toString(36)}-${(++this.buildCount).toString(36)}`;
    // with the same plan, script entries, style outputs and assets, only the build id differs
    const reused = !structural && this.lastManifest;
    const manifestBuilt = reused ? { ...reused, manifest: { ...reused.manifest, buildId } } : buildManifest({
      profile: this.profile,
      buildId,
      appId: config.appId,
      model,
      appJson,
      appJsonFile: projectPath('app.json'),
      components: plan.components,
      globalComponents: plan.globalComponents,
      scripts: scriptOutputs,
      styleOutputs: new Set(styleOutputs.keys()),
      assets,
      zips: this.options.zips ?? true,
      scopeName: (path) => this.scopeName(path),
      theme: this.theme(model, appJson, projectPath),
    });
    this.lastManifest = manifestBuilt;
    diagnostics.push(...manifestBuilt.diagnostics);
    const manifest = manifestBuilt.manifest;
    phase('manifest');
    changedOutputs.push(...(await this.writer.writeAll(outputs, ['manifest.json'])));
    phase('write');

    // sizes, then the manifest with them, then zips
    const sizes = new Map<string, number>();
    // source maps are a development aid: neither counted against the limits nor zipped for upload
    const shipped = [...outputPart].filter(([path]) => !path.endsWith('.map'));
    for (const [path, part] of shipped) sizes.set(part, (sizes.get(part) ?? 0) + this.writer.size(path));
    const packages: PackagePart[] = manifest.packages.map((p) => ({ ...p, size: sizes.get(p.root) ?? 0 }));
    diagnostics.push(...sizeDiagnostics(packages, this.profile, appJson, projectPath('app.json')));
    const finalManifest: PackageManifest = { ...manifest, packages };
    // buildId and sizes change on every edit; the runtime only needs the manifest again when more than that did
    const body = reused ? this.lastManifestBody : JSON.stringify({ ...manifest, buildId: '' });
    const manifestChanged = body !== this.lastManifestBody;
    this.lastManifestBody = body;
    await this.writer.writeText('manifest.json', `${JSON.stringify(finalManifest, null, 1)}\n`);
    if (manifestChanged) changedOutputs.push('manifest.json');

    phase('manifest-write');
    // zips are for upload, made by full builds; a rebuild (the edit loop) leaves them to the next build()
    if (full && (this.options.zips ?? true)) {
      await Promise.all(
        packages.map((p) => this.writer.zip(p.zip!, [...shipped.filter(([, part]) => part === p.root).map(([path]) => path), ...(p.root ? [] : ['manifest.json'])])),
      );
    }
    phase('zips');
    return this.result(started, diagnostics, changedOutputs, finalManifest, timings);
  }

  /**
   * The given files (as for `rebuild`) whose content on disk differs from what the last run compiled: saves the
   * watcher never reported. Paths the compiler does not read are never stale. Call between runs, not during one.
   */
  async staleFiles(files: readonly string[]): Promise<string[]> {
    const store = this.store;
    if (!store || !this.config) return []; // the next run is a full build, which reads everything afresh
    const stale = await Promise.all(
      files.map(async (file) => {
        const r = this.projectRelative(file);
        if (CONFIG_FILES.has(r)) return (await readFile(resolve(this.projectDir, r), 'utf8').catch(() => undefined)) !== this.configTexts.get(r);
        const rel = this.rootRelative(r);
        return rel !== undefined && (await store.isStale(rel));
      }),
    );
    return files.filter((_, i) => stale[i]);
  }

  private projectRelative(file: string): string {
    return relative(this.projectDir, resolve(this.projectDir, file)).split(sep).join('/');
  }

  /** The mini-program-root-relative path of a project-relative one, or undefined when it lies outside the root. */
  private rootRelative(projectRel: string): string | undefined {
    const rootPrefix = this.config!.miniprogramRoot ? `${this.config!.miniprogramRoot}/` : '';
    if (!projectRel.startsWith(rootPrefix) || projectRel.startsWith('..')) return undefined;
    return projectRel.slice(rootPrefix.length);
  }

  /** Sends the templates and WXS whose text changed to the template host; resolves to every part's group file. */
  private async startTemplates(model: AppModel, templateExts: readonly string[], miniprogramRoot: string): Promise<Map<string, Uint8Array>> {
    const store = this.store!;
    if (this.templateLists?.version !== this.structureVersion) {
      const wxsExts = this.preferred(allProfileExtensions('templateScript'), this.profile.extensions.templateScript);
      this.templateLists = {
        version: this.structureVersion,
        templates: this.filesByExtension(templateExts).map((f) => [stripExtension(f), f]),
        scripts: this.filesByExtension(wxsExts).map((f) => [stripExtension(f), f]),
      };
    }
    const { templates, scripts } = this.templateLists;
    const texts: [string, string][] = [];
    const live = new Set<string>();
    for (const [, file] of [...templates, ...scripts]) {
      live.add(file);
      const text = store.text(file);
      if (text === undefined || this.templateTexts.get(file) === text) continue;
      this.templateTexts.set(file, text);
      texts.push([file, text]);
    }
    for (const file of [...this.templateTexts.keys()]) if (!live.has(file)) this.templateTexts.delete(file);
    const result = await this.templates.run({
      parts: model.parts,
      templates,
      scripts,
      texts,
      projectPrefix: miniprogramRoot ? `${miniprogramRoot}/` : '',
    });
    this.templateResult = result;
    for (const [root, bytes] of result.changedGroups) this.templateGroups.set(root, bytes);
    for (const root of [...this.templateGroups.keys()]) if (!result.liveRoots.includes(root)) this.templateGroups.delete(root);
    return this.templateGroups;
  }

  private configDiagnostics: Diagnostic[] = [];
  /** The config files' text as the last full build read them (undefined: absent), for `staleFiles`. */
  private readonly configTexts = new Map<string, string | undefined>();
  private tsCompilerOptions: Record<string, unknown> | undefined;

  private async loadProject(diagnostics: Diagnostic[]): Promise<void> {
    const read = (name: string) => readFile(resolve(this.projectDir, name), 'utf8').catch(() => undefined);
    const [pub, priv, tsconfig] = await Promise.all([read('project.config.json'), read('project.private.config.json'), read('tsconfig.json')]);
    this.configTexts.set('project.config.json', pub).set('project.private.config.json', priv).set('tsconfig.json', tsconfig);
    const tsOptions = tsconfig === undefined ? undefined : asRecord(asRecord(parseJsonc(tsconfig)).compilerOptions);
    this.tsCompilerOptions = tsOptions && Object.keys(tsOptions).length ? tsOptions : undefined;
    const { config, diagnostics: configDiagnostics } = readProjectConfig(pub, priv);
    this.configDiagnostics = configDiagnostics;
    diagnostics.push(...configDiagnostics);
    const rootChanged = this.config?.miniprogramRoot !== config.miniprogramRoot;
    this.config = config;
    this.templates.dispose();
    this.templates = new TemplateHost(this.options.devTemplates ?? false, this.options.templateWorker ?? true);
    this.templateTexts = new Map();
    this.templateGroups = new Map();
    this.scripts = new ScriptStage();
    this.styles = new StyleStage();
    this.jsonCache.clear();
    if (rootChanged || !this.store) this.store = new SourceStore(resolve(this.projectDir, config.miniprogramRoot));
    const ignore = packIgnoreMatcher(config.packIgnore);
    const outDir = this.writer.outDir;
    const rootDir = resolve(this.projectDir, config.miniprogramRoot);
    const templateLike = new Set([...allProfileExtensions('template'), ...allProfileExtensions('templateScript')]);
    const countTemplates = (files: ReadonlySet<string>) => [...files].filter((f) => templateLike.has(f.slice(f.lastIndexOf('.')))).length;
    await this.store.scan(
      (rel, isDir) => ignore(rel, isDir) || resolve(rootDir, rel) === outDir,
      (files) => this.templates.prepare(countTemplates(files)),
    );
    const count = (ext: string) => [...this.store!.files].filter((f) => f.endsWith(ext)).length;
    this.profile = profiles[this.options.profile ?? (count('.fxml') > count('.wxml') ? 'finclip' : 'wechat')];
  }

  private json(rel: string, kind: JsonKind, projectPath: (r: string) => string): ValidatedJson {
    const text = this.store!.text(rel) ?? '';
    const hit = this.jsonCache.get(rel);
    if (hit && hit.text === text) return hit.value;
    const value = validateJson(projectPath(rel), text, kind);
    this.jsonCache.set(rel, { text, value });
    return value;
  }

  private async readProjectFile(projectRel: string): Promise<string | undefined> {
    const abs = resolve(this.projectDir, projectRel);
    const fromProject = relative(this.projectDir, abs);
    if (fromProject.startsWith('..') || isAbsolute(fromProject)) return undefined; // never read outside the project
    const root = this.config!.miniprogramRoot;
    const rel = fromProject.split(sep).join('/');
    const inRoot = root ? (rel.startsWith(`${root}/`) ? rel.slice(root.length + 1) : undefined) : rel;
    if (inRoot !== undefined) return this.store!.text(inRoot);
    return readFile(abs, 'utf8').catch(() => undefined);
  }

  private filesByExtension(exts: readonly string[]): string[] {
    // with both spellings present, the profile's own extension wins (it comes first in `exts`)
    const byKey = new Map<string, string>();
    for (const ext of [...exts].reverse()) for (const f of this.store!.files) if (f.endsWith(ext)) byKey.set(stripExtension(f), f);
    return [...byKey.values()];
  }

  private preferred(all: readonly string[], first: string): string[] {
    return [first, ...all.filter((e) => e !== first)];
  }

  private styleJobs(components: ReadonlyMap<string, { path: string; styleFile?: string; isolation: StyleJob['isolation'] }>, styleExts: readonly string[]): StyleJob[] {
    const jobs: StyleJob[] = [];
    const appStyle = styleExts.map((e) => `app${e}`).find((f) => this.store!.files.has(f));
    if (appStyle) jobs.push({ output: 'css/app.css', file: appStyle });
    for (const c of components.values()) {
      if (!c.styleFile) continue;
      jobs.push({ output: `css/${c.path}.css`, file: c.styleFile, scopeName: this.scopeName(c.path), ...(c.isolation ? { isolation: c.isolation } : {}) });
    }
    return jobs;
  }

  /** Stable per module path for the compiler's lifetime, unique, and a valid CSS identifier part. */
  scopeName(path: string): string {
    let name = this.scopeNames.get(path);
    if (name) return name;
    const base = path.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(\d)/, '_$1');
    const taken = new Set(this.scopeNames.values());
    name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
    this.scopeNames.set(path, name);
    return name;
  }

  private theme(model: AppModel, appJson: ValidatedJson, projectPath: (rel: string) => string): ThemeInput {
    const location = model.appJson.themeLocation;
    if (typeof location !== 'string') return { diagnostics: [] };
    const rel = location.replace(/^\.?\//, '');
    if (this.store!.text(rel) === undefined) {
      const at = locateJsonValue(appJson, ['themeLocation']);
      return { diagnostics: [{ file: projectPath('app.json'), ...at, severity: 'error', code: 'theme-not-found', message: `themeLocation '${location}' not found` }] };
    }
    const theme = this.json(rel, 'plain', projectPath);
    return { json: theme.value, diagnostics: theme.diagnostics };
  }

  private result(
    started: number,
    diagnostics: Diagnostic[],
    changedOutputs: string[],
    manifest: PackageManifest | undefined,
    timings: Record<string, number>,
  ): BuildResult {
    const unique = new Map<string, Diagnostic>();
    for (const d of diagnostics) unique.set(`${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`, d);
    const sorted = [...unique.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column));
    return {
      ok: !hasErrors(sorted),
      diagnostics: sorted,
      changedOutputs,
      manifest,
      outDir: this.writer.outDir,
      durationMs: performance.now() - started,
      recompiled: { templates: this.templateResult?.compiledCount ?? 0, scripts: this.scripts.compiledCount, styles: this.styles.compiledCount },
      timings,
    };
  }
}


function stripExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') ? file.slice(0, dot) : file;
}


