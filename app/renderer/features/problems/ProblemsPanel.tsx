import { useMemo } from 'react';
import type { Diagnostic } from '../../../shared/diagnostic';
import { useT } from '../../i18n/i18n';
import { useBuildStore } from '../../stores/build-store';
import { useEditorStore } from '../../stores/editor-store';

const ICONS = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

/** Compiler diagnostics of the newest build, grouped by file; a click opens the file at the problem. */
export function ProblemsPanel() {
  const t = useT();
  const latest = useBuildStore((s) => s.latest);
  const npm = useBuildStore((s) => s.npm);
  const openFile = useEditorStore((s) => s.openFile);
  const groups = useMemo(() => {
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of [...(latest?.diagnostics ?? []), ...(npm?.diagnostics ?? [])]) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d]);
    return [...byFile.entries()];
  }, [latest, npm]);
  if (groups.length === 0) return <div className="panel-body muted panel-empty">{latest ? t('problems.none') : t('problems.waiting')}</div>;
  return (
    <div className="panel-body problems-panel" data-testid="problems-panel">
      {groups.map(([file, diagnostics]) => (
        <div key={file} className="problem-group">
          <div className="problem-file">
            {file} <span className="badge">{diagnostics.length}</span>
          </div>
          {diagnostics.map((d, i) => (
            <button
              key={i}
              className={`problem-row severity-${d.severity}`}
              data-location={`${d.file}:${d.line}:${d.column}`}
              onClick={() => void openFile(d.file, { line: d.line, column: d.column })}
            >
              <span className="problem-icon">{ICONS[d.severity]}</span>
              <span className="problem-message">{d.message}</span>
              <span className="muted problem-code">{d.code}</span>
              <span className="muted problem-location">
                [{d.line}:{d.column}]
              </span>
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
