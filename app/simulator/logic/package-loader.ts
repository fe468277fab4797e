/**
 * Reads a compiled package (docs/package-format.md) into the engine: manifest, template groups, styles and
 * scripts, one part at a time — subpackages load when a page in them is first entered.
 */
import { PACKAGE_FORMAT_VERSION, type PackageManifest, type PackagePart } from '../../shared/package-format';
import type { Engine, TemplateGroups } from './engine';
import { ModuleSystem } from './module-system';

export class PackageLoader {
  readonly modules: ModuleSystem;
  private readonly loadedParts = new Map<string, Promise<void>>();
  private readonly groupsByPart = new Map<string, TemplateGroups>();

  private constructor(
    readonly manifest: PackageManifest,
    readonly baseUrl: string,
    private readonly engine: Engine,
    private readonly runScript: (componentPath: string | null, scriptKey: string) => void,
  ) {
    this.modules = new ModuleSystem(baseUrl, manifest.scripts);
  }

  static async fetchManifest(manifestUrl: string): Promise<PackageManifest> {
    const response = await fetch(manifestUrl);
    if (!response.ok) throw new Error(`Cannot load the package manifest ${manifestUrl}: HTTP ${response.status}`);
    const manifest = (await response.json()) as PackageManifest;
    if (manifest.format !== PACKAGE_FORMAT_VERSION) {
      throw new Error(`Package format ${String(manifest.format)} is not supported (expected ${PACKAGE_FORMAT_VERSION}); rebuild the project`);
    }
    return manifest;
  }

  static create(
    manifest: PackageManifest,
    manifestUrl: string,
    engine: Engine,
    runScript: (componentPath: string | null, scriptKey: string) => void,
  ): PackageLoader {
    return new PackageLoader(manifest, new URL('.', manifestUrl).href, engine, runScript);
  }

  url(path: string): string {
    return new URL(path, this.baseUrl).href;
  }

  partOf(route: string): PackagePart | undefined {
    const page = this.manifest.components[route];
    if (page) return this.manifest.packages.find((p) => p.root === page.packageRoot);
    return this.manifest.packages.find((p) => p.root !== '' && route.startsWith(`${p.root}/`));
  }

  isPartLoaded(root: string): boolean {
    return this.loadedParts.has(root);
  }

  /** Loads a part once: templates, then scripts evaluated in an order where components precede their users. */
  loadPart(part: PackagePart): Promise<void> {
    let pending = this.loadedParts.get(part.root);
    if (!pending) {
      pending = this.doLoadPart(part);
      this.loadedParts.set(part.root, pending);
    }
    return pending;
  }

  async fetchTemplateGroups(part: PackagePart): Promise<TemplateGroups> {
    const response = await fetch(this.url(part.templates), { cache: 'no-cache' });
    if (!response.ok) throw new Error(`Cannot load templates ${part.templates}: HTTP ${response.status}`);
    const text = await response.text();
    const groups = new Function(`return ${text}\n//# sourceURL=${this.url(part.templates)}`)() as TemplateGroups;
    this.groupsByPart.set(part.root, groups);
    return groups;
  }

  private async doLoadPart(part: PackagePart): Promise<void> {
    const groups = await this.fetchTemplateGroups(part);
    const entries = Object.values(this.manifest.components).filter((c) => c.packageRoot === part.root);
    if (part.root === '' && this.manifest.appStyle) this.engine.setAppStyle(this.url(this.manifest.appStyle.file));
    for (const entry of entries) {
      this.engine.registerComponentResources(entry, groups, entry.style ? this.url(entry.style.file) : undefined);
    }
    const scriptKeys = Object.entries(this.manifest.scripts)
      .filter(([, s]) => s.packageRoot === part.root)
      .map(([key]) => key);
    await this.modules.load(scriptKeys);
    if (part.root === '') {
      if (this.modules.has('app.js')) this.runScript(null, 'app.js');
    }
    for (const path of componentOrder(entries.map((e) => e.path), (path) => usingOf(this.manifest, path))) {
      const entry = this.manifest.components[path];
      if (!entry) continue;
      if (entry.script) this.runScript(entry.path, entry.script);
      if (!this.engine.isRegistered(entry.path)) this.engine.registerTemplateOnly(entry.path);
    }
  }

  groups(root: string): TemplateGroups | undefined {
    return this.groupsByPart.get(root);
  }
}

function usingOf(manifest: PackageManifest, path: string): string[] {
  const using = manifest.components[path]?.json.usingComponents as Record<string, string> | undefined;
  return using ? Object.values(using).map((p) => p.replace(/^\//, '')) : [];
}

/** Depth-first: every component after the components it uses, so definitions exist when users register. */
export function componentOrder(paths: readonly string[], usesOf: (path: string) => readonly string[]): string[] {
  const known = new Set(paths);
  const done = new Set<string>();
  const order: string[] = [];
  const visit = (path: string, stack: Set<string>) => {
    if (done.has(path) || stack.has(path) || !known.has(path)) return;
    stack.add(path);
    for (const dep of usesOf(path)) visit(dep, stack);
    stack.delete(path);
    done.add(path);
    order.push(path);
  };
  for (const path of paths) visit(path, new Set());
  return order;
}
