import { useT } from '../../i18n/i18n';
import { useCommandStore } from './command-store';
import { COMMANDS, commandTitle, displayKeys } from './commands';

/** Every keyboard shortcut of the workbench, with the editor's own most useful ones. */
export function ShortcutsHelp() {
  const t = useT();
  const open = useCommandStore((s) => s.shortcuts);
  const show = useCommandStore((s) => s.showShortcuts);
  if (!open) return null;
  const editorOnly = [
    ['Ctrl+Z / Ctrl+Y', t('shortcut.undoRedo')],
    ['Ctrl+Space', t('shortcut.suggest')],
    ['F1', t('shortcut.editorCommands')],
    ['Alt+↑ / Alt+↓', t('shortcut.moveLine')],
    ['Ctrl+/', t('shortcut.comment')],
  ] as const;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && show(false)} onKeyDown={(e) => e.key === 'Escape' && show(false)}>
      <div className="dialog shortcuts" role="dialog" aria-label={t('command.shortcuts')} data-testid="shortcuts-help">
        <div className="dialog-title">{t('command.shortcuts')}</div>
        <table className="data-table">
          <tbody>
            {COMMANDS.filter((c) => c.keys).map((c) => (
              <tr key={c.id}>
                <td>{commandTitle(c)}</td>
                <td className="mono">{displayKeys(c.keys!)}</td>
              </tr>
            ))}
            {editorOnly.map(([keys, label]) => (
              <tr key={keys}>
                <td>{label}</td>
                <td className="mono">{displayKeys(keys)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="dialog-buttons">
          <button className="btn primary" autoFocus onClick={() => show(false)}>
            {t('dialog.ok')}
          </button>
        </div>
      </div>
    </div>
  );
}
