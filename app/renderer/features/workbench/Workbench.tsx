import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { useT } from '../../i18n/i18n';
import { DialogHost } from '../dialogs/DialogHost';
import '../dialogs/dialogs.css';
import { EditorPane } from '../editor/EditorPane';
import { Explorer } from '../explorer/Explorer';
import { Notifications } from './Notifications';

/** Shortcuts that work wherever the focus is (Monaco handles its own while it has focus). */
function onGlobalKey(event: KeyboardEvent): void {
  const mod = event.ctrlKey || event.metaKey;
  if (mod && event.key.toLowerCase() === 's') {
    event.preventDefault();
    const store = useEditorStore.getState();
    void (event.altKey ? store.saveAll() : store.saveActive());
  }
}

export function Workbench() {
  const t = useT();
  const project = useProjectStore((s) => s.project);
  const loading = useProjectStore((s) => s.loading);
  const error = useProjectStore((s) => s.error);
  const load = useProjectStore((s) => s.load);
  const dirtyCount = useEditorStore((s) => s.tabs.filter((tab) => tab.dirty).length);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    window.addEventListener('keydown', onGlobalKey);
    const warnUnsaved = (event: BeforeUnloadEvent) => {
      if (useEditorStore.getState().tabs.some((tab) => tab.dirty)) event.preventDefault();
    };
    window.addEventListener('beforeunload', warnUnsaved);
    return () => {
      window.removeEventListener('keydown', onGlobalKey);
      window.removeEventListener('beforeunload', warnUnsaved);
    };
  }, []);

  useEffect(() => {
    document.title = project ? `${dirtyCount ? '● ' : ''}${project.name} — Mini Studio` : 'Mini Studio';
  }, [project, dirtyCount]);

  return (
    <div className="workbench">
      <header className="titlebar">
        <span className="brand">Mini Studio</span>
        <span className="project-name" data-testid="project-name">
          {project ? project.name : loading ? t('app.opening') : t('app.noProject')}
        </span>
        {project && <span className="muted project-root">{project.root}</span>}
      </header>
      <main className="workbench-body">
        <Explorer />
        <EditorPane />
      </main>
      {error && (
        <div className="notification error" role="alert">
          {error}
        </div>
      )}
      <Notifications />
      <DialogHost />
    </div>
  );
}
