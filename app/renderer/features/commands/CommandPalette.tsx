import { useEffect, useMemo, useRef, useState } from 'react';
import { useT } from '../../i18n/i18n';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { useCommandStore } from './command-store';
import { COMMANDS, commandTitle, displayKeys } from './commands';
import { fuzzyScore } from './fuzzy';
import './commands.css';

interface Item {
  readonly key: string;
  readonly label: string;
  readonly detail?: string;
  run(): void;
}

/** Ctrl+Shift+P runs a command by name; Ctrl+P opens a file by name (typing `>` switches to commands). */
export function CommandPalette() {
  const t = useT();
  const mode = useCommandStore((s) => s.palette);
  const close = useCommandStore((s) => s.closePalette);
  const files = useProjectStore((s) => s.files);
  const folders = useProjectStore((s) => s.folders);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setQuery(mode === 'commands' ? '>' : '');
    setIndex(0);
    setTimeout(() => input.current?.focus(), 0);
  }, [mode]);

  const items = useMemo<Item[]>(() => {
    if (!mode) return [];
    const commandMode = query.startsWith('>');
    const needle = commandMode ? query.slice(1).trim() : query.trim();
    const candidates: Item[] = commandMode
      ? COMMANDS.map((c) => ({ key: c.id, label: commandTitle(c), detail: c.keys && displayKeys(c.keys), run: c.run }))
      : [...files].filter((p) => !folders.has(p)).map((p) => ({ key: p, label: p.split('/').pop() ?? p, detail: p, run: () => void useEditorStore.getState().openFile(p) }));
    return candidates
      .map((item) => ({ item, score: Math.max(fuzzyScore(needle, item.label), commandMode ? -1 : fuzzyScore(needle, item.detail ?? '') - 1) }))
      .filter((x) => x.score >= 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, 60)
      .map((x) => x.item);
  }, [mode, query, files, folders]);
  if (!mode) return null;

  const choose = (item: Item | undefined) => {
    if (!item) return;
    close();
    item.run();
  };

  return (
    <div className="palette-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div className="palette" role="dialog" aria-label={t('command.palette')} data-testid="command-palette">
        <input
          ref={input}
          className="palette-input"
          value={query}
          placeholder={mode === 'files' ? t('command.quickOpenHint') : t('command.paletteHint')}
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') setIndex((i) => Math.min(items.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setIndex((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter') choose(items[index]);
            else return;
            e.preventDefault();
          }}
          aria-label={t('command.palette')}
        />
        <div className="palette-list" role="listbox">
          {items.map((item, i) => (
            <div key={item.key} role="option" aria-selected={i === index} className={`palette-item${i === index ? ' active' : ''}`} onMouseEnter={() => setIndex(i)} onMouseDown={() => choose(item)}>
              <span>{item.label}</span>
              {item.detail && <span className="muted palette-detail">{item.detail}</span>}
            </div>
          ))}
          {items.length === 0 && <div className="muted palette-item">{t('command.noMatch')}</div>}
        </div>
      </div>
    </div>
  );
}
