/** Every problem the IDE reports — compiler, checker, runtime — has this one shape. Lines and columns are 1-based. */
export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Path relative to the project root, with forward slashes. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly severity: Severity;
  /** Stable machine-readable code, e.g. `wxml-unclosed-tag`, `json-schema`. */
  readonly code: string;
  readonly message: string;
  /** Optional one-line hint on how to fix it. */
  readonly hint?: string;
}

/** `file:line:col severity code message`, the CLI's and CI logs' format. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message}`;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** 1-based line/column of a 0-based offset in `text`. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(Math.max(offset, 0), text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
