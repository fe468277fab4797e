/**
 * The corpus projects the runner opens: the three runnable apps of `.corpus/manifest.json` and the generated
 * component gallery (copied to a temp folder and put through build npm, as `ministudio build-npm` does).
 */
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildNpm } from '../../app/main/compiler/npm/index';
import { formatDiagnostic } from '../../app/shared/diagnostic';
import type { PackageManifest } from '../../app/shared/package-format';
import { loadCorpus, repoRoot } from '../../tests/corpus/support/corpus-manifest';

export interface CorpusProject {
  /** `wux-weapp`, `weui-wxss`, `wux` or `gallery/<library>`. */
  readonly name: string;
  readonly spec: string;
  /** Folder holding app.json (for the gallery: the temp copy after build npm). */
  readonly projectDir: string;
  /** True for the gallery: a page passes when its one library component renders (see page-check.ts). */
  readonly gallery: boolean;
  /** Gallery only: the npm library whose components it mounts. */
  readonly library?: string;
}

/**
 * The apps and the gallery, or undefined when `.corpus/` was not fetched. The gallery runs as one project per
 * library (`gallery/tdesign-miniprogram`, …): the runtime loads every script of a package at boot, and one
 * package with all four libraries (1100 scripts) takes seconds per page.
 */
export async function corpusProjects(): Promise<CorpusProject[] | undefined> {
  const corpus = loadCorpus();
  if (!corpus) return undefined;
  const projects: CorpusProject[] = corpus.apps.map((app) => ({ name: app.name, spec: app.spec, projectDir: join(repoRoot, app.dir), gallery: false }));
  const galleryDir = join(repoRoot, corpus.gallery.dir);
  if (existsSync(join(galleryDir, 'app.json'))) {
    for (const library of corpus.libraries) {
      projects.push({ name: `gallery/${librarySlug(library.name)}`, spec: library.spec, projectDir: galleryDir, gallery: true, library: library.name });
    }
  }
  return projects;
}

/** `@vant/weapp` → `vant-weapp`: the folder under the gallery's `pages/` (scripts/gallery-generate.mjs). */
export function librarySlug(name: string): string {
  return name.replace(/^@/, '').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase();
}

/**
 * Copies the gallery into a fresh temp folder with only `library`'s pages and dependency, and builds its npm
 * package there as `ministudio build-npm` does (never writes into .corpus/).
 */
export async function prepareGallery(galleryDir: string, library: string): Promise<string> {
  const base = await mkdtemp(join(tmpdir(), 'ministudio-corpus-gallery-'));
  const project = join(base, 'gallery');
  const slug = librarySlug(library);
  const pagesDir = join(galleryDir, 'pages');
  await cp(galleryDir, project, {
    recursive: true,
    filter: (path) => path !== join(galleryDir, 'miniprogram_npm') && (!path.startsWith(`${pagesDir}/`) || path.startsWith(join(pagesDir, slug))),
  });
  const appJsonPath = join(project, 'app.json');
  const appJson = JSON.parse(await readFile(appJsonPath, 'utf8')) as { pages: string[] };
  appJson.pages = appJson.pages.filter((page) => page.startsWith(`pages/${slug}/`));
  await writeFile(appJsonPath, JSON.stringify(appJson, null, 2));
  // styles the library's docs have app.wxss import (scripts/gallery-generate.mjs writes them per library)
  const libraryAppWxss = `gallery-app-${slug}.wxss`;
  if (existsSync(join(project, libraryAppWxss))) {
    const appWxssPath = join(project, 'app.wxss');
    await writeFile(appWxssPath, `@import './${libraryAppWxss}';\n${await readFile(appWxssPath, 'utf8')}`);
  }
  const packageJsonPath = join(project, 'package.json');
  const packageJson = JSON.parse(await readFile(packageJsonPath, 'utf8')) as { dependencies: Record<string, string> };
  packageJson.dependencies = { [library]: packageJson.dependencies[library] ?? '*' };
  await writeFile(packageJsonPath, JSON.stringify(packageJson, null, 2));
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
