import { useEffect } from 'react';
import { useProjectStore } from '../../stores/project-store';
import { EditorPane } from '../editor/EditorPane';
import { Explorer } from '../explorer/Explorer';

export function Workbench() {
  const project = useProjectStore((s) => s.project);
  const loading = useProjectStore((s) => s.loading);
  const error = useProjectStore((s) => s.error);
  const load = useProjectStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    document.title = project ? `${project.name} — Mini Studio` : 'Mini Studio';
  }, [project]);

  return (
    <div className="workbench">
      <header className="titlebar">
        <span className="brand">Mini Studio</span>
        <span className="project-name" data-testid="project-name">
          {project ? project.name : loading ? 'Opening…' : 'No project open'}
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
    </div>
  );
}
