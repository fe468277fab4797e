import { useState } from 'react';
import type { SearchMatch } from '../../../shared/contract';
import { studio } from '../../bridge';
import { useT } from '../../i18n/i18n';
import { useEditorStore } from '../../stores/editor-store';
import { messageOf } from '../../stores/notification-store';

/** Search across the project's files; a result opens the file at the match. */
export function SearchPanel() {
  const t = useT();
  const openFile = useEditorStore((s) => s.openFile);
  const [query, setQuery] = useState('');
  const [isRegex, setRegex] = useState(false);
  const [matchCase, setMatchCase] = useState(false);
  const [result, setResult] = useState<{ matches: readonly SearchMatch[]; truncated: boolean } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const search = async () => {
    setProblem(null);
    try {
      setResult(await studio.invoke('project:search', { query, isRegex, matchCase }));
    } catch (error) {
      setProblem(messageOf(error));
    }
  };

  return (
    <div className="panel-body" data-testid="search-panel">
      <div className="panel-toolbar">
        <input
          className="panel-filter"
          placeholder={t('search.placeholder')}
          aria-label={t('search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && void search()}
          data-testid="search-input"
        />
        <label>
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Aa
        </label>
        <label>
          <input type="checkbox" checked={isRegex} onChange={(e) => setRegex(e.target.checked)} /> .*
        </label>
        <button className="btn" onClick={() => void search()}>
          {t('search.run')}
        </button>
        {result && <span className="muted">{t(result.truncated ? 'search.countTruncated' : 'search.count', { count: result.matches.length })}</span>}
      </div>
      <div className="panel-scroll">
        {problem && <div className="panel-empty severity-error">{problem}</div>}
        {result?.matches.map((m, i) => (
          <button key={i} className="problem-row search-row" data-location={`${m.path}:${m.line}:${m.column}`} onClick={() => void openFile(m.path, { line: m.line, column: m.column })}>
            <span className="muted">
              {m.path}:{m.line}
            </span>
            <span className="problem-message mono">
              {m.preview.slice(0, m.column - 1).trimStart()}
              <mark>{m.preview.slice(m.column - 1, m.column - 1 + m.length)}</mark>
              {m.preview.slice(m.column - 1 + m.length)}
            </span>
          </button>
        ))}
      </div>
    </div>
  );
}
