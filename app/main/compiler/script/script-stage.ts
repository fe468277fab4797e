import type { Diagnostic } from '../../../shared/diagnostic';
import type { ScriptEntry } from '../../../shared/package-format';
import { partOf, type PartPlan } from '../project/app-model';
import { resolveRequire, scriptKeyOf, type ResolverContext } from '../resolve/module-resolver';
import { compileScript, type CompiledScript } from './compile-script';

export interface ScriptOutput {
  readonly entry: ScriptEntry;
  readonly code: string;
  readonly map: string;
}

export interface ScriptStageInput {
  /** Root-relative JS/TS sources to compile (JSON modules are added when something requires them). */
  readonly sources: readonly string[];
  readonly text: (rel: string) => string | undefined;
  readonly projectPath: (rel: string) => string;
  readonly resolver: ResolverContext;
  readonly parts: readonly PartPlan[];
  /** Changes whenever a file was added or removed or a json edited: until then, resolved requires still hold. */
  readonly structureVersion?: number;
  readonly tsCompilerOptions?: Readonly<Record<string, unknown>>;
}

/** Output path of a script key: `utils/util.js` → `js/utils/util.js`, `data/a.json` → `js/data/a.json.js`. */
export function scriptOutputPath(key: string): string {
  return key.endsWith('.js') ? `js/${key}` : `js/${key}.js`;
}

/** A script's output with what went into it, reusable while the compiled code and the structure are the same. */
interface ResolvedScript {
  readonly compiled: CompiledScript;
  readonly structureVersion: number;
  readonly output: ScriptOutput;
  readonly diagnostics: readonly Diagnostic[];
}

/**
 * Every script of the project as a runtime module: esbuild transforms run in parallel for the sources whose text
 * changed; `require` resolution is redone for all whenever the structure changed (a new file can satisfy an old
 * request), else only for the scripts that were recompiled.
 */
export class ScriptStage {
  private readonly cache = new Map<string, { text: string; compiled: CompiledScript }>();
  private readonly resolved = new Map<string, ResolvedScript>();
  private diagnostics: Diagnostic[] = [];
  compiledCount = 0;

  async update(input: ScriptStageInput): Promise<Map<string, ScriptOutput>> {
    this.compiledCount = 0;
    const live = new Set<string>();
    const compileIfChanged = async (file: string): Promise<void> => {
      live.add(file);
      const text = input.text(file);
      if (text === undefined) return;
      if (this.cache.get(file)?.text === text) return;
      this.compiledCount++;
      const compiled = await compileScript(scriptKeyOf(file), input.projectPath(file), text, input.tsCompilerOptions);
      this.cache.set(file, { text, compiled });
    };
    await Promise.all(input.sources.map(compileIfChanged));

    const out = new Map<string, ScriptOutput>();
    const diagnostics: Diagnostic[] = [];
    const queue = [...input.sources];
    while (queue.length) {
      const file = queue.shift()!;
      const cached = this.cache.get(file);
      if (!cached) continue;
      const key = scriptKeyOf(file);
      const previous = this.resolved.get(file);
      if (previous && previous.compiled === cached.compiled && previous.structureVersion === input.structureVersion) {
        diagnostics.push(...previous.diagnostics);
        out.set(key, previous.output);
        for (const target of Object.values(previous.output.entry.requires ?? {})) {
          if (target.endsWith('.json') && !live.has(target)) {
            await compileIfChanged(target);
            queue.push(target);
          }
        }
        continue;
      }
      const own: Diagnostic[] = [...cached.compiled.diagnostics];
      const requires: Record<string, string> = {};
      for (const request of cached.compiled.requests) {
        const target = resolveRequire(input.resolver, file, request);
        if (target === undefined) {
          own.push({
            file: input.projectPath(file),
            ...locateRequest(cached.text, request),
            severity: 'warning',
            code: 'require-not-found',
            message: `require('${request}'): no such module`,
            hint: 'relative to this file, /absolute from the mini-program root, an alias, or a package in miniprogram_npm',
          });
          continue;
        }
        requires[request] = target;
        if (target.endsWith('.json') && !live.has(target)) {
          await compileIfChanged(target);
          queue.push(target);
        }
      }
      const path = scriptOutputPath(key);
      const source = input.projectPath(file);
      const output: ScriptOutput = {
        entry: {
          file: path,
          packageRoot: partOf(input.parts, file),
          map: `${path}.map`,
          ...(file !== key ? { source } : {}),
          ...(Object.keys(requires).length ? { requires } : {}),
        },
        code: `${cached.compiled.code}//# sourceMappingURL=${path.slice(path.lastIndexOf('/') + 1)}.map\n`,
        map: cached.compiled.map,
      };
      out.set(key, output);
      diagnostics.push(...own);
      this.resolved.set(file, { compiled: cached.compiled, structureVersion: input.structureVersion ?? -1, output, diagnostics: own });
    }
    for (const file of [...this.cache.keys()]) if (!live.has(file)) this.cache.delete(file);
    for (const file of [...this.resolved.keys()]) if (!live.has(file)) this.resolved.delete(file);
    this.diagnostics = diagnostics;
    return out;
  }

  allDiagnostics(): readonly Diagnostic[] {
    return this.diagnostics;
  }
}

function locateRequest(text: string, request: string): { line: number; column: number } {
  const found = [`'${request}'`, `"${request}"`].map((q) => text.indexOf(q)).filter((i) => i >= 0);
  if (found.length === 0) return { line: 1, column: 1 };
  const idx = Math.min(...found);
  const before = text.slice(0, idx);
  return { line: before.split('\n').length, column: idx - before.lastIndexOf('\n') };
}
