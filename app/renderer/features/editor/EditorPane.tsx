import { useEffect, useRef } from 'react';
import { useProjectStore } from '../../stores/project-store';
import { languageForPath, monaco } from './monaco-setup';

export function EditorPane() {
  const openFile = useProjectStore((s) => s.openFile);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);

  useEffect(() => {
    if (!host.current) return;
    editor.current = monaco.editor.create(host.current, {
      readOnly: true,
      automaticLayout: true,
      theme: 'vs-dark',
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
    });
    return () => {
      editor.current?.getModel()?.dispose();
      editor.current?.dispose();
      editor.current = null;
    };
  }, []);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !openFile) return;
    const previous = instance.getModel();
    const uri = monaco.Uri.from({ scheme: 'project', path: `/${openFile.path}` });
    monaco.editor.getModel(uri)?.dispose();
    instance.setModel(monaco.editor.createModel(openFile.content, languageForPath(openFile.path), uri));
    previous?.dispose();
  }, [openFile]);

  return (
    <section className="editor-pane" aria-label="Editor">
      <div className="editor-tabs">
        {openFile ? (
          <div className="editor-tab active" data-path={openFile.path}>
            {openFile.path.split('/').pop()} <span className="muted">— read-only</span>
          </div>
        ) : (
          <div className="editor-tab muted">No file open</div>
        )}
      </div>
      <div className="editor-host" ref={host} data-testid="monaco-host" />
      {!openFile && <div className="editor-empty">Select a file in the explorer to open it.</div>}
    </section>
  );
}
