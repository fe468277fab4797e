import type { Diagnostic } from '../../shared/diagnostic';
import type { PartPlan } from './project/part-plan';
import { TemplateStage } from './template-stage';

/** The parts and the template and WXS files of a project: what a job compiles. */
export interface TemplateLists {
  readonly parts: readonly PartPlan[];
  readonly templates: readonly (readonly [key: string, file: string])[];
  readonly scripts: readonly (readonly [key: string, file: string])[];
}

/** One template run as plain data, so it can cross to a worker thread. */
export interface TemplateJob extends Partial<TemplateLists> {
  /** Texts that changed since the previous job (all of them the first time); files gone are simply not listed above. */
  readonly texts: readonly (readonly [file: string, text: string])[];
  /** Prefix turning a root-relative path into a project-relative one (`miniprogram/` or ''). */
  readonly projectPrefix: string;
}

export interface TemplateJobResult {
  /**
   * Group files that differ from the previous result, by part root, as UTF-8 bytes: a worker hands them over
   * without a copy, and the writer writes them as they are (no 4 MB string to clone, measure and encode again).
   */
  readonly changedGroups: readonly (readonly [root: string, bytes: Uint8Array])[];
  readonly liveRoots: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly compiledCount: number;
}

const encoder = new TextEncoder();

/** Runs template jobs on a TemplateStage; the same code serves the worker thread and the in-process fallback. */
export class TemplateJobRunner {
  private readonly stage: TemplateStage;
  private readonly texts = new Map<string, string>();
  private readonly sent = new Map<string, string>();
  /** The lists of the last job that had them: a job without lists (nothing added or removed) reuses these. */
  private lists: { readonly source: TemplateLists; readonly templates: Map<string, string>; readonly scripts: Map<string, string>; readonly files: Set<string> } | undefined;

  constructor(devTemplates: boolean) {
    this.stage = new TemplateStage(devTemplates);
  }

  run(job: TemplateJob): TemplateJobResult {
    if (job.parts && job.templates && job.scripts) {
      const source = { parts: job.parts, templates: job.templates, scripts: job.scripts };
      this.lists = { source, templates: new Map(job.templates), scripts: new Map(job.scripts), files: new Set([...job.templates, ...job.scripts].map(([, file]) => file)) };
    }
    const lists = this.lists;
    if (!lists) throw new Error('the first template job must list the parts, templates and scripts');
    for (const [file, text] of job.texts) this.texts.set(file, text);
    for (const file of [...this.texts.keys()]) if (!lists.files.has(file)) this.texts.delete(file);
    const groups = this.stage.update({
      parts: lists.source.parts,
      templates: lists.templates,
      scripts: lists.scripts,
      text: (rel) => this.texts.get(rel),
      projectPath: (rel) => job.projectPrefix + rel,
    });
    const changedGroups: [string, Uint8Array][] = [];
    for (const [root, text] of groups) {
      if (this.sent.get(root) === text) continue;
      this.sent.set(root, text);
      changedGroups.push([root, encoder.encode(text)]);
    }
    for (const root of [...this.sent.keys()]) if (!groups.has(root)) this.sent.delete(root);
    return { changedGroups, liveRoots: [...groups.keys()], diagnostics: this.stage.allDiagnostics(), compiledCount: this.stage.compiledCount };
  }

  dispose(): void {
    this.stage.dispose();
  }
}
