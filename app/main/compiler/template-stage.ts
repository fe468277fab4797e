import type { Diagnostic } from '../../shared/diagnostic';
import { partOf, type PartPlan } from './project/part-plan';
import { TemplateGroup, type CompiledTemplate } from './wxml/template-group';

interface MemberState {
  readonly text: string;
  readonly result?: CompiledTemplate;
}

export interface TemplateStageInput {
  readonly parts: readonly PartPlan[];
  /** Template key (root-relative, no extension) → source file, for templates and for WXS modules. */
  readonly templates: ReadonlyMap<string, string>;
  readonly scripts: ReadonlyMap<string, string>;
  readonly text: (rel: string) => string | undefined;
  readonly projectPath: (rel: string) => string;
}

/**
 * Keeps one glass-easel template group per (sub)package in step with the sources: only templates whose text
 * changed are re-added, and only groups that changed are re-rendered. A subpackage group also receives the
 * main-package templates and WXS it imports, so each group file is self-contained.
 */
export class TemplateStage {
  private readonly groups = new Map<string, TemplateGroup>();
  private readonly members = new Map<string, Map<string, MemberState>>();
  private readonly rendered = new Map<string, string>();
  private readonly diagnostics = new Map<string, readonly Diagnostic[]>();
  compiledCount = 0;

  constructor(private readonly devTemplates: boolean) {}

  /** Brings every group up to date; returns the rendered group file of each part. */
  update(input: TemplateStageInput): Map<string, string> {
    this.compiledCount = 0;
    const wanted = new Map<string, Map<string, { file: string; isScript: boolean }>>();
    for (const p of input.parts) wanted.set(p.root, new Map());
    const add = (root: string, key: string, file: string, isScript: boolean) => wanted.get(root)?.set(`${isScript ? 's' : 't'}:${key}`, { file, isScript });
    for (const [key, file] of input.templates) add(partOf(input.parts, key), key, file, false);
    for (const [key, file] of input.scripts) add(partOf(input.parts, key), key, file, true);

    const out = new Map<string, string>();
    // the main package first: subpackage groups copy what they import from it
    for (const part of input.parts) {
      const root = part.root;
      const group = this.groupFor(root);
      const state = this.membersOf(root);
      const want = wanted.get(root)!;
      let dirty = !this.rendered.has(root);
      for (const id of [...state.keys()]) {
        if (!want.has(id)) {
          const key = id.slice(2);
          if (id.startsWith('s:')) group.removeScript(key);
          else group.remove(key);
          state.delete(id);
          dirty = true;
        }
      }
      const pending = [...want.entries()];
      while (pending.length) {
        const [id, { file, isScript }] = pending.shift()!;
        const text = input.text(file);
        if (text === undefined) continue;
        const key = id.slice(2);
        let member = state.get(id);
        if (!member || member.text !== text) {
          dirty = true;
          this.compiledCount++;
          if (isScript) {
            const problems = group.setScript(key, text, input.projectPath(file));
            if (partOf(input.parts, key) === root) this.diagnostics.set(file, problems);
            member = { text };
          } else {
            const result = group.setTemplate(key, input.projectPath(file), text);
            member = { text, result };
            if (partOf(input.parts, key) === root) this.diagnostics.set(file, [...result.diagnostics, ...this.missingDependencies(key, file, text, result, input)]);
          }
          state.set(id, member);
        }
        if (root !== '' && member.result) {
          for (const dep of member.result.templateDependencies) this.pullFromMain(root, `t:${dep}`, input, want, pending);
          for (const dep of member.result.scriptDependencies) this.pullFromMain(root, `s:${dep}`, input, want, pending);
        }
      }
      if (dirty) this.rendered.set(root, group.render());
      out.set(root, this.rendered.get(root)!);
    }
    for (const root of [...this.groups.keys()]) {
      if (!wanted.has(root)) {
        this.groups.get(root)!.dispose();
        this.groups.delete(root);
        this.members.delete(root);
        this.rendered.delete(root);
      }
    }
    const live = new Set([...input.templates.values(), ...input.scripts.values()]);
    for (const file of [...this.diagnostics.keys()]) if (!live.has(file)) this.diagnostics.delete(file);
    return out;
  }

  allDiagnostics(): Diagnostic[] {
    return [...this.diagnostics.values()].flat();
  }

  dispose(): void {
    for (const g of this.groups.values()) g.dispose();
    this.groups.clear();
    this.members.clear();
    this.rendered.clear();
  }

  private pullFromMain(
    root: string,
    id: string,
    input: TemplateStageInput,
    want: Map<string, { file: string; isScript: boolean }>,
    pending: [string, { file: string; isScript: boolean }][],
  ): void {
    if (want.has(id)) return;
    const key = id.slice(2);
    const isScript = id.startsWith('s:');
    const file = (isScript ? input.scripts : input.templates).get(key);
    if (!file || partOf(input.parts, key) === root) return;
    const entry = { file, isScript };
    want.set(id, entry);
    pending.push([id, entry]);
  }

  private missingDependencies(key: string, file: string, text: string, result: CompiledTemplate, input: TemplateStageInput): Diagnostic[] {
    const out: Diagnostic[] = [];
    const check = (dep: string, known: ReadonlyMap<string, string>, what: string) => {
      if (known.has(dep)) return;
      const at = locateSrc(text, key, dep);
      out.push({
        file: input.projectPath(file),
        ...at,
        severity: 'warning',
        code: 'wxml-import-not-found',
        message: `${what} '${dep}' not found`,
      });
    };
    for (const dep of result.templateDependencies) check(dep, input.templates, 'template');
    for (const dep of result.scriptDependencies) check(dep, input.scripts, 'WXS module');
    return out;
  }

  private groupFor(root: string): TemplateGroup {
    let g = this.groups.get(root);
    if (!g) {
      g = new TemplateGroup(this.devTemplates);
      this.groups.set(root, g);
    }
    return g;
  }

  private membersOf(root: string): Map<string, MemberState> {
    let m = this.members.get(root);
    if (!m) {
      m = new Map();
      this.members.set(root, m);
    }
    return m;
  }
}

/** Finds the `src="…"` that names `dep` (as glass-easel normalises it) to point the diagnostic at it. */
function locateSrc(text: string, key: string, dep: string): { line: number; column: number } {
  const dir = key.includes('/') ? key.slice(0, key.lastIndexOf('/')) : '';
  for (const m of text.matchAll(/\bsrc\s*=\s*["']([^"']+)["']/g)) {
    const raw = m[1]!.replace(/\.(wxml|fxml|wxs|fts)$/, '');
    const resolved = clampedNormalize(raw.startsWith('/') ? raw : `${dir}/${raw}`);
    if (resolved === dep) {
      const before = text.slice(0, m.index);
      const line = before.split('\n').length;
      return { line, column: m.index - before.lastIndexOf('\n') };
    }
  }
  return { line: 1, column: 1 };
}

/** glass-easel's own normalisation: `..` above the root is dropped rather than refused. */
function clampedNormalize(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
