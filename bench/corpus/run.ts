/**
 * Corpus runner: do real third-party mini-programs run in our simulator?
 *   npm run corpus [-- --app wux-weapp --app gallery --page button --timeout 30000 --concurrency 2 --no-screenshots]
 *   npm run corpus -- --report-only     (rewrites docs/corpus-results.md from the last .corpus/results.json)
 * For each corpus project (`.corpus/`, fetched by `npm run corpus:fetch`): one build and one devserver
 * (`startSimulatorService`, as `ministudio serve`), then every page opened fresh in headless Chromium
 * (iPhone 15, offline) and judged by page-check.ts. Prints per-app pass counts and each failure's reason,
 * writes `.corpus/results.json`, screenshots of a fixed set of pages to `.corpus/screenshots/`, and on a full
 * run the summary `docs/corpus-results.md`. Talks only to 127.0.0.1.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { BuildReport } from '../../app/main/devserver/live-project';
import { startSimulatorService } from '../../app/main/devserver/simulator-service';
import { formatDiagnostic } from '../../app/shared/diagnostic';
import { CORPUS_MISSING, repoRoot } from '../../tests/corpus/support/corpus-manifest';
import { ensureWebBuild, snapshotWeb } from '../../tests/e2e/simulator-support';
import { corpusProjects, listPages, moduleOfFile, pageModules, prepareGallery, type CorpusProject } from './corpus-projects';
import { launchOfflineBrowser } from './offline-browser';
import { checkPage, type PageCheck } from './page-check';
import { printProject, printTotals, writeJson, writeMarkdown, type CorpusRun, type ProjectRun } from './report';
import { screenshotName, SCREENSHOT_PAGES } from './screenshot-pages';

const DEVICE = 'iphone-15';

interface RunArgs {
  apps: string[];
  pageFilter?: string;
  timeoutMs: number;
  concurrency: number;
  screenshots: boolean;
  /** Rewrite docs/corpus-results.md from the last `.corpus/results.json` without running anything. */
  reportOnly: boolean;
}

function parseArgs(argv: readonly string[]): RunArgs {
  const args: RunArgs = { apps: [], timeoutMs: 30000, concurrency: 2, screenshots: true, reportOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--app') args.apps.push(value());
    else if (a === '--page') args.pageFilter = value();
    else if (a === '--timeout') args.timeoutMs = Number(value());
    // two cores: more than two pages at once only measures contention
    else if (a === '--concurrency') args.concurrency = Math.max(1, Math.min(2, Number(value())));
    else if (a === '--no-screenshots') args.screenshots = false;
    else if (a === '--report-only') args.reportOnly = true;
    else throw new Error(`unknown option ${a}`);
  }
  return args;
}

/** Runs `work` over `items` with at most `limit` in flight, keeping the input order in the result. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

async function runProject(project: CorpusProject, browser: Browser, webRoot: string, args: RunArgs, scratch: string): Promise<ProjectRun> {
  const projectDir = project.library ? await prepareGallery(project.projectDir, project.library) : project.projectDir;
  const started = await startSimulatorService({ webRoot });
  if (!started.ok) throw new Error(`devserver: ${started.error}`);
  const service = started.value;
  try {
    let firstBuild!: (report: BuildReport) => void;
    const built = new Promise<BuildReport>((resolve) => (firstBuild = resolve));
    const session = await service.openProject({ projectDir, outDir: join(scratch, `${project.name.replace('/', '-')}-out`), compiler: { zips: false, devTemplates: true }, onBuild: (r) => firstBuild(r) });
    const { result } = await built;
    const buildErrors = result.diagnostics.filter((d) => d.severity === 'error');
    for (const d of buildErrors) console.error(`${project.name}: build error: ${formatDiagnostic(d)}`);
    const pages = (await listPages(projectDir)).filter((p) => !args.pageFilter || p.includes(args.pageFilter));
    console.log(`${project.name}: built in ${Math.round(result.durationMs)} ms, ${pages.length} page(s) to open`);
    let done = 0;
    const checks = await pool(pages, args.concurrency, async (page): Promise<PageCheck> => {
      const modules = result.manifest ? pageModules(result.manifest, page) : new Set([page]);
      const appWide = (file: string): boolean => /^(app\.(js|ts|json|wxss|less|scss)|project\.config\.json)$/.test(file);
      const compileErrors = buildErrors.filter((d) => appWide(d.file) || modules.has(moduleOfFile(d.file))).map(formatDiagnostic);
      const shot = args.screenshots ? SCREENSHOT_PAGES[project.name]?.includes(page) : false;
      const check = await checkPage(browser, {
        url: session.simulatorUrl({ page, device: DEVICE }),
        page,
        compileErrors,
        probeSelector: project.gallery ? '#stage' : '',
        acceptPainted: project.gallery,
        timeoutMs: args.timeoutMs,
        ...(shot ? { screenshotPath: join(repoRoot, '.corpus', 'screenshots', screenshotName(project.name, page)) } : {}),
      });
      done++;
      if (!check.pass || done % 25 === 0) console.log(`  [${done}/${pages.length}] ${check.pass ? 'ok  ' : 'FAIL'} ${page}${check.pass ? '' : ` [${check.failure}] ${check.reason}`}`);
      return check;
    });
    await session.close();
    return { name: project.name, spec: project.spec, gallery: project.gallery, buildMs: result.durationMs, buildErrors: buildErrors.length, pages: checks };
  } finally {
    await service.close();
    if (project.library) await rm(join(projectDir, '..'), { recursive: true, force: true });
  }
}

function currentCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.reportOnly) {
    const last = JSON.parse(await readFile(join(repoRoot, '.corpus', 'results.json'), 'utf8')) as CorpusRun;
    for (const project of last.projects) printProject(project);
    printTotals(last);
    const missing = (await corpusProjects())?.map((p) => p.name).filter((name) => !last.projects.some((p) => p.name === name)) ?? [];
    await writeMarkdown(join(repoRoot, 'docs', 'corpus-results.md'), last, 'npm run corpus', missing);
    return 0;
  }
  const all = await corpusProjects();
  if (!all) {
    console.error(`corpus: ${CORPUS_MISSING}`);
    return 2;
  }
  const projects = args.apps.length > 0 ? all.filter((p) => args.apps.some((a) => p.name === a || p.name.startsWith(`${a}/`))) : all;
  if (projects.length === 0) {
    console.error(`corpus: no project named ${args.apps.join(', ')}; known: ${all.map((p) => p.name).join(', ')}`);
    return 2;
  }
  ensureWebBuild();
  const scratch = await mkdtemp(join(tmpdir(), 'ministudio-corpus-run-'));
  const webRoot = await snapshotWeb(scratch);
  if (args.screenshots) await mkdir(join(repoRoot, '.corpus', 'screenshots'), { recursive: true });
  const startedAt = new Date();
  const fullRun = args.apps.length === 0 && !args.pageFilter;
  // the web runtime was snapshotted now: this is the commit it was built from (plus the work tree's edits)
  const commit = currentCommit();
  const snapshotRun = (done: ProjectRun[]): CorpusRun => ({ startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), commit, device: DEVICE, projects: done });
  const browser = await launchOfflineBrowser();
  const runs: ProjectRun[] = [];
  try {
    for (const project of projects) {
      const run = await runProject(project, browser, webRoot, args, scratch);
      printProject(run);
      runs.push(run);
      // after each project, so an interrupted run still leaves what it measured
      await writeJson(join(repoRoot, '.corpus', fullRun ? 'results.json' : 'results-partial.json'), snapshotRun(runs));
    }
  } finally {
    await browser.close();
    await rm(scratch, { recursive: true, force: true });
  }
  const run = snapshotRun(runs);
  printTotals(run);
  await writeJson(join(repoRoot, '.corpus', fullRun ? 'results.json' : 'results-partial.json'), run);
  if (fullRun) await writeMarkdown(join(repoRoot, 'docs', 'corpus-results.md'), run, 'npm run corpus', []);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`corpus: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
