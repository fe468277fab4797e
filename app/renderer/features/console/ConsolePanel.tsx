import { useEffect, useMemo, useRef, useState } from 'react';
import type { LogLevel, SourceLocation } from '../../../shared/device-protocol';
import { useT } from '../../i18n/i18n';
import { useDeviceStore, type ConsoleEntry } from '../../stores/device-store';
import { useEditorStore } from '../../stores/editor-store';
import { InlineValue } from '../panels/JsonTree';

type LevelFilter = 'all' | 'error' | 'warn' | 'info' | 'log' | 'debug';
const LEVELS: readonly LevelFilter[] = ['all', 'error', 'warn', 'info', 'log', 'debug'];

function levelOf(entry: ConsoleEntry): LogLevel {
  return entry.message.type === 'error' ? 'error' : entry.message.level;
}

function textOf(entry: ConsoleEntry): string {
  const m = entry.message;
  return m.type === 'error' ? `${m.message} ${m.stack ?? ''}` : m.args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
}

function SourceLink({ source }: { source: SourceLocation }) {
  const openFile = useEditorStore((s) => s.openFile);
  return (
    <button className="link console-source" onClick={() => void openFile(source.file, { line: source.line, column: source.column })} title={`${source.file}:${source.line}:${source.column}`}>
      {source.file.split('/').pop()}:{source.line}
    </button>
  );
}

/** The mini-program's console: levels, a text filter, expandable objects, errors with links into the editor. */
export function ConsolePanel() {
  const t = useT();
  const entries = useDeviceStore((s) => s.console);
  const clear = useDeviceStore((s) => s.clearConsole);
  const [level, setLevel] = useState<LevelFilter>('all');
  const [filter, setFilter] = useState('');
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return entries.filter((e) => (level === 'all' || levelOf(e) === level) && (!needle || textOf(e).toLowerCase().includes(needle)));
  }, [entries, level, filter]);

  useEffect(() => {
    const el = list.current;
    if (el && el.scrollHeight - el.scrollTop - el.clientHeight < 80) el.scrollTop = el.scrollHeight;
  }, [shown.length]);

  return (
    <div className="panel-body console-panel" data-testid="console-panel">
      <div className="panel-toolbar">
        <button className="btn" onClick={clear} title={t('console.clear')}>
          ⊘
        </button>
        <select aria-label={t('console.level')} value={level} onChange={(e) => setLevel(e.target.value as LevelFilter)}>
          {LEVELS.map((l) => (
            <option key={l} value={l}>
              {t(`console.level.${l}`)}
            </option>
          ))}
        </select>
        <input className="panel-filter" placeholder={t('console.filter')} value={filter} onChange={(e) => setFilter(e.target.value)} aria-label={t('console.filter')} />
        <span className="muted">{t('console.count', { shown: shown.length, total: entries.length })}</span>
      </div>
      <div className="console-list" ref={list} role="log">
        {shown.map((entry) => {
          const m = entry.message;
          return (
            <div key={entry.id} className={`console-entry level-${levelOf(entry)}`} data-level={levelOf(entry)}>
              <div className="console-args">
                {m.type === 'error' ? (
                  <>
                    <span className="console-text">{m.message}</span>
                    {m.stack && <pre className="console-stack">{m.stack}</pre>}
                  </>
                ) : (
                  m.args.map((arg, i) => (
                    <span key={i} className="console-arg">
                      {i > 0 && ' '}
                      <InlineValue value={arg} />
                    </span>
                  ))
                )}
              </div>
              {m.source && <SourceLink source={m.source} />}
            </div>
          );
        })}
        {shown.length === 0 && <div className="muted panel-empty">{t('console.empty')}</div>}
      </div>
    </div>
  );
}
