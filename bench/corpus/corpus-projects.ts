/**
 * The corpus projects the runner opens: the three runnable apps of `.corpus/manifest.json` and the generated
 * component gallery (copied to a temp folder and put through build npm, as `ministudio build-npm` does).
 */
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNpm } from '../../app/main/compiler/npm/index';
import { formatDiagnostic } from '../../app/shared/diagnostic';
import type { PackageManifest } from '../../app/shared/package-format';
import { loadCorpus, repoRoot } from '../../tests/corpus/support/corpus-manifest';

export interface CorpusProject {
  /** `wux-weapp`, `weui-wxss`, `wux` or `gallery`. */
  readonly name: string;
  readonly spec: string;
  /** Folder holding app.json (for the gallery: the temp copy after build npm). */
  readonly projectDir: string;
  /** True for the gallery: a page passes when its one library component renders (see page-check.ts). */
  readonly gallery: boolean;
}

/** The apps and the gallery, or undefined when `.corpus/` was not fetched. */
export async function corpusProjects(): Promise<CorpusProject[] | undefined> {
  const corpus = loadCorpus();
  if (!corpus) return undefined;
  const projects: CorpusProject[] = corpus.apps.map((app) => ({ name: app.name, spec: app.spec, projectDir: join(repoRoot, app.dir), gallery: false }));
  const galleryDir = join(repoRoot, corpus.gallery.dir);
  if (existsSync(join(galleryDir, 'app.json'))) {
    const specs = corpus.libraries.map((l) => l.spec).join(', ');
    projects.push({ name: 'gallery', spec: specs, projectDir: galleryDir, gallery: true });
  }
  return projects;
}

/** Copies the gallery into a fresh temp folder and builds its npm packages there (never writes into .corpus/). */
export async function prepareGallery(galleryDir: string): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'ministudio-corpus-gallery-'));
  const project = join(base, 'gallery');
  await cp(galleryDir, project, { recursive: true, filter: (path) => path !== join(galleryDir, 'miniprogram_npm') });
  const result = await buildNpm(project);
  const errors = result.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`build npm of the gallery failed:\n${errors.map(formatDiagnostic).join('\n')}`);
  return project;
}

/** Pages in app.json order, subpackage pages included (`root/page`). */
export async function listPages(projectDir: string): Promise<string[]> {
  const appJson = JSON.parse(await readFile(join(projectDir, 'app.json'), 'utf8')) as {
    pages?: string[];
    subPackages?: { root: string; pages?: string[] }[];
    subpackages?: { root: string; pages?: string[] }[];
  };
  const pages = [...(appJson.pages ?? [])];
  for (const sub of appJson.subPackages ?? appJson.subpackages ?? []) {
    for (const page of sub.pages ?? []) pages.push(`${sub.root.replace(/\/$/, '')}/${page}`);
  }
  return pages;
}

/**
 * Module paths whose sources a page depends on: the page and every custom component it reaches through
 * `usingComponents` (and app-level ones). A compile error in one of them is that page's error.
 */
export function pageModules(manifest: PackageManifest, page: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string): void => {
    if (seen.has(path)) return;
    seen.add(path);
    const entry = manifest.components[path];
    const using = (entry?.json['usingComponents'] ?? {}) as Record<string, unknown>;
    for (const target of Object.values(using)) if (typeof target === 'string') visit(target);
  };
  visit(page);
  for (const target of Object.values((manifest.appJson['usingComponents'] ?? {}) as Record<string, unknown>)) {
    if (typeof target === 'string') visit(target);
  }
  return seen;
}

/** A source file's module path: `pages/a/a.wxml` → `pages/a/a`. */
export function moduleOfFile(file: string): string {
  return file.replace(/\\/g, '/').replace(/^\//, '').replace(/\.[^./]+$/, '');
}

/** The gallery page's component, from the page json: `tdesign-miniprogram/button/button`. */
export function galleryComponentOf(manifest: PackageManifest, page: string): string | undefined {
  const using = (manifest.components[page]?.json['usingComponents'] ?? {}) as Record<string, unknown>;
  const first = Object.values(using)[0];
  return typeof first === 'string' ? first : undefined;
}
