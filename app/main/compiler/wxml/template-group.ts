import { TmplGroup } from 'glass-easel-template-compiler';
import type { Diagnostic, Severity } from '../../../shared/diagnostic';
import { Script } from 'node:vm';
import { positionAt } from '../../../shared/diagnostic';
import { sortBindingMaps } from './binding-map-order';
import { leniencyPrepass } from './leniency-prepass';
import { guardWxs } from './wxs-guard';
import { keepMethodReceivers } from './method-receivers';

/** One problem glass-easel-template-compiler 0.12.1 reports from `addTmpl` (0-based positions, UTF-16 columns). */
interface TemplateParseError {
  readonly isError: boolean;
  readonly level: 'Fatal' | 'Error' | 'Warn' | 'Note';
  readonly code: number;
  readonly message: string;
  readonly startLine: number;
  readonly startColumn: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export interface CompiledTemplate {
  readonly diagnostics: readonly Diagnostic[];
  /** Template keys this one imports or includes (`pages/common/item`). */
  readonly templateDependencies: readonly string[];
  /** WXS module keys it loads with `<wxs src>`. */
  readonly scriptDependencies: readonly string[];
}

const SEVERITY: Record<TemplateParseError['level'], Severity> = { Fatal: 'error', Error: 'error', Warn: 'warning', Note: 'info' };

/**
 * glass-easel recovers from these and only warns, but WeChat's wcc rejects the file (checked against wcc):
 * report them as errors so a project that would not upload does not look clean here.
 */
const REJECTED_BY_WECHAT = new Set([
  65543, // missing end tag
  65567, // invalid end tag
  65546, // invalid attribute name: what follows an attribute value missing its closing quote
]);

/**
 * A glass-easel template group for one (sub)package, kept alive between builds: re-adding one template is
 * sub-millisecond, and the group file is assembled from per-template gen objects cached here, so a one-file
 * rebuild never regenerates the whole group.
 */
export class TemplateGroup {
  private readonly group: TmplGroup;
  private readonly genObjects = new Map<string, string>();
  private readonly scripts = new Set<string>();

  constructor(dev: boolean) {
    this.group = dev ? TmplGroup.newDev() : new TmplGroup();
  }

  /** Compiles a template (key without extension) from the user's source; `file` is used for diagnostics. */
  setTemplate(key: string, file: string, source: string): CompiledTemplate {
    const { source: edited, notes } = leniencyPrepass(source);
    const diagnostics: Diagnostic[] = [];
    for (const n of notes) {
      const start = edited.positionOfOriginalOffset(n.start);
      const end = edited.positionOfOriginalOffset(n.end);
      diagnostics.push({ file, ...start, endLine: end.line, endColumn: end.column, severity: n.severity, code: n.code, message: n.message });
    }
    let fatal = false;
    let problems: readonly TemplateParseError[];
    try {
      problems = this.group.addTmpl(key, edited.text) as TemplateParseError[];
    } catch (error) {
      problems = [{ isError: true, level: 'Fatal', code: 0, message: String(error), startLine: 0, startColumn: 0, endLine: 0, endColumn: 0 }];
    }
    for (const p of problems) {
      if (p.level === 'Fatal') fatal = true;
      const start = edited.originalPosition(p.startLine, p.startColumn);
      const end = edited.originalPosition(p.endLine, p.endColumn);
      diagnostics.push({
        file,
        ...start,
        endLine: end.line,
        endColumn: Math.max(end.column, end.line === start.line ? start.column + 1 : end.column),
        severity: REJECTED_BY_WECHAT.has(p.code) ? 'error' : SEVERITY[p.level],
        code: `wxml-${slug(p.message)}`,
        message: p.message,
      });
    }
    if (fatal) {
      // the page still loads (empty) while the diagnostic tells the user where the syntax error is
      this.group.addTmpl(key, '');
    }
    diagnostics.push(...this.guardInlineScripts(key, file, source));
    let gen = keepMethodReceivers(this.group.getTmplGenObject(key));
    if (!parses(gen)) {
      // last line of defence: one template's bad output must not break the group file
      this.group.addTmpl(key, '');
      gen = this.group.getTmplGenObject(key);
      diagnostics.push({ file, line: 1, column: 1, severity: 'error', code: 'wxml-codegen', message: 'this template could not be compiled to valid code; it renders empty' });
    }
    this.genObjects.set(key, sortBindingMaps(gen));
    return {
      diagnostics,
      templateDependencies: (this.group.getDirectDependencies(key) as string[]).map(String),
      scriptDependencies: (this.group.getScriptDependencies(key) as string[]).map(String),
    };
  }

  /** Adds a WXS module (key without extension); a syntax error is reported and the module exports `{}`. */
  setScript(key: string, source: string, file = `${key}.wxs`): Diagnostic[] {
    const checked = guardWxs(dropRequireExtensions(source));
    this.group.addScript(key, checked.code);
    this.scripts.add(key);
    // templates that load this module captured nothing of it: gen objects look modules up by key at run time
    return checked.ok ? [] : [{ file, line: checked.line, column: 1, severity: 'error', code: 'wxs-syntax', message: checked.message }];
  }

  /** Checks and wraps each inline `<wxs module>` of a template, like `setScript` does for files. */
  private guardInlineScripts(key: string, file: string, source: string): Diagnostic[] {
    const out: Diagnostic[] = [];
    for (const name of (this.group.getInlineScriptModuleNames(key) as unknown[]).map(String)) {
      const checked = guardWxs(dropRequireExtensions(this.group.getInlineScript(key, name)));
      this.group.setInlineScript(key, name, checked.code);
      if (checked.ok) continue;
      const tag = new RegExp(`<(?:wxs|fts)\\b[^>]*\\bmodule\\s*=\\s*["']${name.replace(/[^\w$]/g, '')}["'][^>]*>`, 'i').exec(source);
      const start = tag ? positionAt(source, tag.index + tag[0].length) : { line: 1, column: 1 };
      out.push({ file, line: start.line + checked.line - 1, column: 1, severity: 'error', code: 'wxs-syntax', message: `WXS module '${name}': ${checked.message}` });
    }
    return out;
  }

  has(key: string): boolean {
    return this.genObjects.has(key);
  }

  hasScript(key: string): boolean {
    return this.scripts.has(key);
  }

  remove(key: string): void {
    if (this.genObjects.delete(key)) this.group.removeTmpl(key);
  }

  removeScript(key: string): void {
    if (this.scripts.delete(key)) this.group.removeScript(key);
  }

  templateKeys(): string[] {
    return [...this.genObjects.keys()];
  }

  /** The group file: an expression evaluating to what `getTmplGenObjectGroups()` returns. */
  render(): string {
    const parts = ['(()=>{var G={};var R={};', this.group.exportGlobals(), ';', this.group.exportAllScripts(), ';'];
    for (const [key, gen] of [...this.genObjects].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      parts.push(`G[${JSON.stringify(key)}]=`, gen, ';');
    }
    parts.push('return G})()');
    return parts.join('');
  }

  dispose(): void {
    this.group.free();
  }
}

function slug(message: string): string {
  return message
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
}

/** A syntax check only: inside a function never called, V8 pre-parses the code instead of compiling it (2x cheaper). */
function parses(code: string): boolean {
  try {
    new Script(`function check(){return(${code}\n)}`);
    return true;
  } catch {
    return false;
  }
}

/** 0.12.1 registers modules without `.wxs` but resolves `require("./x.wxs")` literally: drop the extension. */
function dropRequireExtensions(source: string): string {
  return source.replace(/(\brequire\s*\(\s*(["']))([^"']+?)\.(?:wxs|fts)\2/g, '$1$3$2');
}
