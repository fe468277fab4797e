import postcss, { CssSyntaxError, type AtRule, type ChildNode, type Node, type Root } from 'postcss';
import type { Diagnostic, Severity } from '../../../shared/diagnostic';
import { assertNever } from '../../../shared/result';
import { isRemoteImport, parseImportParams, resolveImportPath } from './import-path';
import { rewriteSelector, type SelectorMemo, type SelectorNote, type SelectorScope } from './selector-rewrite';
import type { CompiledStyleFile, StylePiece } from './style-cache';

/** Maps a position in the text being compiled to the user's file (identity, or through a LESS/Sass source map). */
export type Locate = (line: number, column: number) => { file: string; line: number; column: number };

export interface StyleFileContext {
  readonly scope: SelectorScope;
  readonly miniprogramRoot: string;
  readonly styleExtension: string;
  readonly selectors: SelectorMemo;
  readonly locate?: Locate;
}

// A private-use character keeps the marker clear of anything a real stylesheet writes.
const IMPORT_MARKER = '\uE000wxss-import:';
const IMPORT_MARKER_SPLIT = /\/\*\uE000wxss-import:(\d+)\*\//;

/** Compiles one WXSS file on its own; its `@import`s are left as pieces for the caller to inline. */
export function compileStyleFile(file: string, source: string, context: StyleFileContext): CompiledStyleFile {
  const diagnostics: Diagnostic[] = [];
  const locate: Locate = context.locate ?? ((line, column) => ({ file, line, column }));
  const report = (node: Node | undefined, severity: Severity, code: string, message: string, hint?: string): void => {
    const start = node?.source?.start ?? { line: 1, column: 1 };
    diagnostics.push({ ...locate(start.line, start.column), severity, code, message, ...(hint ? { hint } : {}) });
  };

  let root: Root;
  try {
    root = postcss.parse(source, { from: undefined });
  } catch (error) {
    const syntax = error instanceof CssSyntaxError ? error : undefined;
    const where = locate(syntax?.line ?? 1, syntax?.column ?? 1);
    const message = syntax?.reason ?? (error instanceof Error ? error.message : String(error));
    diagnostics.push({ ...where, severity: 'error', code: 'wxss-syntax', message });
    return { pieces: [], diagnostics };
  }

  const imports: Omit<Extract<StylePiece, { kind: 'import' }>, 'kind'>[] = [];
  root.walkAtRules('import', (rule) => {
    const target = importTarget(rule, file, context, report);
    if (target === undefined) {
      rule.remove();
      return;
    }
    const start = rule.source?.start ?? { line: 1, column: 1 };
    const where = locate(start.line, start.column);
    imports.push({ target: target.path, media: target.media, line: where.line, column: where.column });
    rule.replaceWith(postcss.comment({ text: `${IMPORT_MARKER}${imports.length - 1}`, raws: { left: '', right: '' } }));
  });

  let restrictedReported = false;
  root.walkRules((rule) => {
    if (isInsideKeyframes(rule)) return;
    const rewritten = rewriteSelector(rule.selector, context.scope, context.selectors);
    if (!rewritten.ok) {
      report(rule, 'error', 'wxss-selector', `Invalid selector '${rule.selector}': ${rewritten.error}`);
      return;
    }
    rule.selector = rewritten.value.selector;
    for (const note of rewritten.value.notes) {
      // One per file is enough to tell the author; libraries written for several platforms have many.
      if (note.kind === 'component-selector' && restrictedReported) continue;
      if (note.kind === 'component-selector') restrictedReported = true;
      reportSelectorNote(rule, note, report);
    }
  });

  return { pieces: splitAtImports(root.toString(), imports), diagnostics };
}

type Report = (node: Node | undefined, severity: Severity, code: string, message: string, hint?: string) => void;

function importTarget(
  rule: AtRule,
  file: string,
  context: StyleFileContext,
  report: Report,
): { path: string; media: string } | undefined {
  if (rule.parent?.type !== 'root') {
    report(rule, 'warning', 'wxss-import-nested', '@import inside a block is ignored', 'Move it to the top level.');
    return undefined;
  }
  const request = parseImportParams(rule.params);
  if (!request) {
    report(rule, 'error', 'wxss-import-invalid', `Cannot read @import ${rule.params}`, 'Write @import "path.wxss";');
    return undefined;
  }
  if (isRemoteImport(request.path)) {
    report(rule, 'warning', 'wxss-import-remote', `Remote @import '${request.path}' is not supported and was dropped`);
    return undefined;
  }
  const resolved = resolveImportPath(file, request.path, context.miniprogramRoot, context.styleExtension);
  if (!resolved.ok) {
    report(rule, 'error', 'wxss-import-outside-root', `@import ${resolved.error}`);
    return undefined;
  }
  return { path: resolved.value, media: request.media };
}

function reportSelectorNote(rule: Node, note: SelectorNote, report: Report): void {
  switch (note.kind) {
    case 'host-without-scope':
      report(rule, 'warning', 'wxss-host-unscoped', ':host only applies in the style of an isolated component');
      return;
    case 'external-class-rule':
      report(
        rule,
        'info',
        'wxss-external-class-rule',
        `'.${note.className}' is an external class of this component; this rule does not style it`,
        'Its styles come from the page or component that uses this component.',
      );
      return;
    case 'component-selector':
      report(
        rule,
        'warning',
        'wxss-component-selector',
        `${note.selectorKind === 'tag' ? 'Tag name' : note.selectorKind === 'id' ? 'ID' : 'Attribute'} selectors are not allowed in component styles`,
        'Use class selectors: the platform may not apply these inside an isolated component.',
      );
      return;
    default:
      assertNever(note, 'selector note');
  }
}

function isInsideKeyframes(node: ChildNode): boolean {
  for (let parent = node.parent as Node | undefined; parent; parent = parent.parent as Node | undefined) {
    if (parent.type === 'atrule' && /keyframes$/i.test((parent as AtRule).name)) return true;
  }
  return false;
}

function splitAtImports(
  css: string,
  imports: readonly Omit<Extract<StylePiece, { kind: 'import' }>, 'kind'>[],
): StylePiece[] {
  if (imports.length === 0) return css === '' ? [] : [{ kind: 'css', text: css }];
  const parts = css.split(IMPORT_MARKER_SPLIT);
  const pieces: StylePiece[] = [];
  // split() with one capture group alternates text, index, text, index, …
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i % 2 === 0) {
      if (part !== '') pieces.push({ kind: 'css', text: part });
    } else {
      const found = imports[Number(part)];
      if (found) pieces.push({ kind: 'import', ...found });
    }
  }
  return pieces;
}
