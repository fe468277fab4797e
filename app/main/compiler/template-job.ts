import type { Diagnostic } from '../../shared/diagnostic';
import type { PartPlan } from './project/part-plan';
import { TemplateStage } from './template-stage';

/** One template run as plain data, so it can cross to a worker thread. */
export interface TemplateJob {
  readonly parts: readonly PartPlan[];
  readonly templates: readonly (readonly [key: string, file: string])[];
  readonly scripts: readonly (readonly [key: string, file: string])[];
  /** Texts that changed since the previous job (all of them the first time); files gone are simply not listed above. */
  readonly texts: readonly (readonly [file: string, text: string])[];
  /** Prefix turning a root-relative path into a project-relative one (`miniprogram/` or ''). */
  readonly projectPrefix: string;
}

export interface TemplateJobResult {
  /** Group files that differ from the previous result, by part root. */
  readonly changedGroups: readonly (readonly [root: string, text: string])[];
  readonly liveRoots: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
  readonly compiledCount: number;
}

/** Runs template jobs on a TemplateStage; the same code serves the worker thread and the in-process fallback. */
export class TemplateJobRunner {
  private readonly stage: TemplateStage;
  private readonly texts = new Map<string, string>();
  private readonly sent = new Map<string, string>();

  constructor(devTemplates: boolean) {
    this.stage = new TemplateStage(devTemplates);
  }

  run(job: TemplateJob): TemplateJobResult {
    for (const [file, text] of job.texts) this.texts.set(file, text);
    const live = new Set([...job.templates, ...job.scripts].map(([, file]) => file));
    for (const file of [...this.texts.keys()]) if (!live.has(file)) this.texts.delete(file);
    const groups = this.stage.update({
      parts: job.parts,
      templates: new Map(job.templates),
      scripts: new Map(job.scripts),
      text: (rel) => this.texts.get(rel),
      projectPath: (rel) => job.projectPrefix + rel,
    });
    const changedGroups: [string, string][] = [];
    for (const [root, text] of groups) {
      if (this.sent.get(root) === text) continue;
      this.sent.set(root, text);
      changedGroups.push([root, text]);
    }
    for (const root of [...this.sent.keys()]) if (!groups.has(root)) this.sent.delete(root);
    return { changedGroups, liveRoots: [...groups.keys()], diagnostics: this.stage.allDiagnostics(), compiledCount: this.stage.compiledCount };
  }

  dispose(): void {
    this.stage.dispose();
  }
}
