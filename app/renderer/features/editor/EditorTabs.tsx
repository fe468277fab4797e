import { useEditorStore } from '../../stores/editor-store';
import { useT } from '../../i18n/i18n';
import { fileBadge } from '../explorer/file-icon';

/** The tab strip: one tab per open file, a dot while it has unsaved changes, middle-click or × to close. */
export function EditorTabs() {
  const t = useT();
  const tabs = useEditorStore((s) => s.tabs);
  const active = useEditorStore((s) => s.active);
  const activate = useEditorStore((s) => s.activate);
  const closeTab = useEditorStore((s) => s.closeTab);
  if (tabs.length === 0) return <div className="editor-tabs" role="tablist"><div className="editor-tab muted">{t('editor.noFile')}</div></div>;
  return (
    <div className="editor-tabs" role="tablist">
      {tabs.map((tab) => {
        const name = tab.path.split('/').pop() ?? tab.path;
        const badge = fileBadge(name);
        return (
          <div
            key={tab.path}
            role="tab"
            aria-selected={tab.path === active}
            className={`editor-tab${tab.path === active ? ' active' : ''}${tab.dirty ? ' dirty' : ''}${tab.conflict ? ' conflict' : ''}`}
            data-path={tab.path}
            title={tab.path}
            onMouseDown={(e) => {
              if (e.button === 1) {
                e.preventDefault();
                void closeTab(tab.path);
              }
            }}
            onClick={() => activate(tab.path)}
          >
            <span className="tree-badge" style={{ color: badge.color }}>
              {badge.label}
            </span>
            <span className="editor-tab-name">{name}</span>
            <button
              className="editor-tab-close"
              aria-label={`${t('editor.close')} ${name}`}
              title={tab.dirty ? t('editor.unsaved') : t('editor.close')}
              onClick={(e) => {
                e.stopPropagation();
                void closeTab(tab.path);
              }}
            >
              <span className="dirty-dot" aria-hidden>
                ●
              </span>
              <span className="close-x" aria-hidden>
                ×
              </span>
            </button>
          </div>
        );
      })}
    </div>
  );
}
