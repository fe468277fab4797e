import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { appRoot } from '../app-root';
import type { TemplateJob, TemplateJobResult, TemplateJobRunner, TemplateLists } from './template-job';

/** Below this many templates and WXS files a worker's start-up costs more than the overlap it buys. */
export const WORKER_MIN_TEMPLATES = 150;

/**
 * Where template jobs run: for a large project, a worker thread when its script can be found (built:
 * out/main/template-worker.mjs; from source under tsx: the .ts file), else this thread. The choice is made on
 * the first job; a worker that fails hands over to this thread.
 */
export class TemplateHost {
  private worker: Worker | undefined;
  /** Loaded on first use: with a worker, this thread never loads the template compiler's wasm. */
  private local: Promise<TemplateJobRunner> | undefined;
  private decided = false;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (r: TemplateJobResult) => void; reject: (e: Error) => void }>();
  /** Everything sent to the worker so far, replayed to a local runner if the worker dies. */
  private readonly sentTexts = new Map<string, string>();
  /** The lists the worker has: a job with the very same arrays goes without them (a 500-page list is not cheap to clone). */
  private workerLists: TemplateLists | undefined;

  constructor(
    private readonly devTemplates: boolean,
    private readonly useWorker = true,
    private readonly minTemplatesForWorker = WORKER_MIN_TEMPLATES,
  ) {}

  private startWorker(): void {
    const entry = workerEntry();
    if (!entry) return;
    const { devTemplates } = this;
    try {
      this.worker =
        entry.kind === 'built'
          ? new Worker(entry.url, { workerData: { devTemplates } })
          : new Worker(tsxBootstrap(entry.url, entry.tsxApi), { eval: true, workerData: { devTemplates } });
      this.worker.unref();
      this.worker.on('message', (m: { id: number; result?: TemplateJobResult; error?: string }) => {
        const w = this.waiting.get(m.id);
        this.waiting.delete(m.id);
        if (this.waiting.size === 0) this.worker?.unref(); // idle: do not keep the process alive
        if (m.result) w?.resolve(m.result);
        else w?.reject(new Error(m.error));
      });
      this.worker.on('error', (error) => this.abandonWorker(error));
      // an exit we did not ask for (killed, out of memory) must not leave a build waiting forever
      this.worker.on('exit', (code) => this.abandonWorker(new Error(`template worker exited (${code})`)));
    } catch {
      this.worker = undefined;
    }
  }

  /**
   * Starts the worker now when a project of `templateCount` templates and WXS files will want one, so that its
   * start-up overlaps reading the sources instead of delaying the first job.
   */
  prepare(templateCount: number): void {
    if (this.decided) return;
    this.decided = true;
    if (this.useWorker && templateCount >= this.minTemplatesForWorker) this.startWorker();
  }

  get usesWorker(): boolean {
    return this.worker !== undefined;
  }

  run(job: TemplateJob): Promise<TemplateJobResult> {
    this.prepare((job.templates?.length ?? 0) + (job.scripts?.length ?? 0));
    for (const [file, text] of job.texts) this.sentTexts.set(file, text);
    if (!this.worker) return this.runLocally(job);
    const id = this.nextId++;
    const known = this.workerLists;
    const sameLists = known !== undefined && known.parts === job.parts && known.templates === job.templates && known.scripts === job.scripts;
    if (job.parts && job.templates && job.scripts) this.workerLists = { parts: job.parts, templates: job.templates, scripts: job.scripts };
    const wire: TemplateJob = sameLists ? { texts: job.texts, projectPrefix: job.projectPrefix } : job;
    return new Promise<TemplateJobResult>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.ref(); // a job in flight keeps the process alive until its answer
      this.worker!.postMessage({ id, job: wire });
    }).catch(() => {
      this.abandonWorker(new Error('template worker failed'));
      return this.runLocally(job);
    });
  }

  dispose(): void {
    void this.worker?.terminate();
    this.worker = undefined;
    void this.local?.then((runner) => runner.dispose());
    this.local = undefined;
  }

  private async runLocally(job: TemplateJob): Promise<TemplateJobResult> {
    if (!this.local) {
      this.local = import('./template-job').then(({ TemplateJobRunner }) => new TemplateJobRunner(this.devTemplates));
      // a fresh runner needs every text, not only the ones changed since the worker's last job
      return (await this.local).run({ ...job, texts: [...this.sentTexts] });
    }
    return (await this.local).run(job);
  }

  private abandonWorker(error: Error): void {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    void worker?.terminate();
    for (const w of this.waiting.values()) w.reject(error);
    this.waiting.clear();
  }
}

type WorkerEntry = { kind: 'built'; url: URL } | { kind: 'source'; url: URL; tsxApi: URL };

function workerEntry(): WorkerEntry | undefined {
  let root: string;
  try {
    root = appRoot();
  } catch {
    return undefined;
  }
  const fromSource = process.execArgv.some((a) => a === 'tsx' || a.includes('/tsx/') || a.startsWith('tsx'));
  if (!fromSource) {
    const built = join(root, 'out/main/template-worker.mjs');
    return existsSync(built) ? { kind: 'built', url: pathToFileURL(built) } : undefined;
  }
  const source = join(root, 'app/main/compiler/wxml/template-worker.ts');
  const tsxApi = join(root, 'node_modules/tsx/dist/esm/api/index.mjs');
  return existsSync(source) && existsSync(tsxApi) ? { kind: 'source', url: pathToFileURL(source), tsxApi: pathToFileURL(tsxApi) } : undefined;
}

/** Under tsx (tests, dev), loader hooks do not reach worker threads in Node 20: register tsx inside the worker. */
function tsxBootstrap(entry: URL, tsxApi: URL): string {
  return `import(${JSON.stringify(tsxApi.href)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
}
