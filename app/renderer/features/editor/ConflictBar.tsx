import { useEditorStore } from '../../stores/editor-store';
import { useT } from '../../i18n/i18n';

/** Shown above the editor when the open file changed or vanished on disk while it had unsaved text. */
export function ConflictBar() {
  const t = useT();
  const tab = useEditorStore((s) => s.tabs.find((x) => x.path === s.active));
  const resolve = useEditorStore((s) => s.resolveConflict);
  if (!tab?.conflict) return null;
  const file = tab.path.split('/').pop() ?? tab.path;
  if (tab.conflict.kind === 'deleted') {
    return (
      <div className="conflict-bar" role="alert" data-testid="conflict-bar">
        <span>{t('conflict.deleted', { file })}</span>
        <button className="btn" onClick={() => resolve(tab.path, 'mine')}>
          {t('conflict.dismiss')}
        </button>
      </div>
    );
  }
  return (
    <div className="conflict-bar" role="alert" data-testid="conflict-bar">
      <span>{t('conflict.message', { file })}</span>
      <button className="btn primary" onClick={() => resolve(tab.path, 'mine')}>
        {t('conflict.keepMine')}
      </button>
      <button className="btn" title={t('conflict.takeDiskHint')} onClick={() => resolve(tab.path, 'disk')}>
        {t('conflict.takeDisk')}
      </button>
    </div>
  );
}
