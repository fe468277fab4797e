import type { Diagnostic } from '../../shared/diagnostic';
import type { DslProfile } from './profiles';
import { compileStyle, StyleCache } from './style-bridge';

export interface StyleJob {
  /** Output path (`css/app.css`, `css/pages/index/index.css`). */
  readonly output: string;
  /** Root-relative source file. */
  readonly file: string;
  readonly scopeName?: string;
  readonly isolation?: 'isolated' | 'apply-shared' | 'shared';
}

export interface StyleStageInput {
  readonly jobs: readonly StyleJob[];
  readonly profile: DslProfile;
  readonly miniprogramRoot: string;
  readonly text: (rel: string) => string | undefined;
  /** Reads a project-relative file (imports may sit outside the mini-program root, never outside the project). */
  readonly readProjectFile: (projectRel: string) => Promise<string | undefined>;
  readonly projectPath: (rel: string) => string;
  /** Project-relative files changed since the last update; absent: any file may have changed. */
  readonly changed?: ReadonlySet<string>;
}

interface CachedStyle {
  readonly file: string;
  readonly scopeName: string | undefined;
  readonly isolation: StyleJob['isolation'];
  readonly source: string;
  /** Project-relative imports with the text each had when compiled. */
  readonly dependencies: ReadonlyMap<string, string | undefined>;
  readonly css: string;
  readonly diagnostics: readonly Diagnostic[];
}

/** Compiles app and component styles; a style is redone when its text, scope or one of its imports changed. */
export class StyleStage {
  private readonly cache = new Map<string, CachedStyle>();
  compiledCount = 0;

  async update(input: StyleStageInput): Promise<Map<string, string>> {
    this.compiledCount = 0;
    const out = new Map<string, string>();
    const live = new Set<string>();
    const shared = new StyleCache(); // per run: an import used by many components is read and compiled once
    await Promise.all(
      input.jobs.map(async (job) => {
        live.add(job.output);
        const source = input.text(job.file);
        if (source === undefined) return;
        const cached = this.cache.get(job.output);
        const same = cached && cached.file === job.file && cached.scopeName === job.scopeName && cached.isolation === job.isolation && cached.source === source;
        if (same && (await dependenciesUnchanged(cached, input))) {
          out.set(job.output, cached.css);
          return;
        }
        this.compiledCount++;
        const file = input.projectPath(job.file);
        let result;
        try {
          result = await compileStyle({
            file,
            source,
            profile: input.profile,
            miniprogramRoot: input.miniprogramRoot,
            readFile: input.readProjectFile,
            cache: shared,
            ...(job.scopeName ? { scopeName: job.scopeName } : {}),
            ...(job.isolation ? { isolation: job.isolation } : {}),
          });
        } catch (error) {
          result = { css: '', dependencies: [], diagnostics: [{ file, line: 1, column: 1, severity: 'error' as const, code: 'wxss-internal', message: String(error) }] };
        }
        const dependencies = new Map<string, string | undefined>();
        for (const dep of result.dependencies) dependencies.set(dep, await input.readProjectFile(dep));
        this.cache.set(job.output, { file: job.file, scopeName: job.scopeName, isolation: job.isolation, source, dependencies, css: result.css, diagnostics: result.diagnostics });
        out.set(job.output, result.css);
      }),
    );
    for (const key of [...this.cache.keys()]) if (!live.has(key)) this.cache.delete(key);
    return out;
  }

  allDiagnostics(): Diagnostic[] {
    return [...this.cache.values()].flatMap((c) => c.diagnostics);
  }
}

async function dependenciesUnchanged(cached: CachedStyle, input: StyleStageInput): Promise<boolean> {
  for (const [dep, text] of cached.dependencies) {
    if (input.changed && !input.changed.has(dep)) continue; // unchanged since it was read
    if ((await input.readProjectFile(dep)) !== text) return false;
  }
  return true;
}
