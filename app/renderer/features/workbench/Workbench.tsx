import { useEffect } from 'react';
import { useEditorStore } from '../../stores/editor-store';
import { useProjectStore } from '../../stores/project-store';
import { useLayoutStore } from '../../stores/layout-store';
import { useBuildStore } from '../../stores/build-store';
import { useT } from '../../i18n/i18n';
import { useWelcomeStore } from '../../stores/welcome-store';
import { WelcomeScreen } from '../welcome/WelcomeScreen';
import { DialogHost } from '../dialogs/DialogHost';
import '../dialogs/dialogs.css';
import { EditorPane } from '../editor/EditorPane';
import { installDiagnosticMarkers } from '../editor/diagnostic-markers';
import { Explorer } from '../explorer/Explorer';
import { BottomPanel } from '../panels/BottomPanel';
import { SimulatorPane } from '../simulator-pane/SimulatorPane';
import { CommandPalette } from '../commands/CommandPalette';
import { handleShortcut } from '../commands/commands';
import { ShortcutsHelp } from '../commands/ShortcutsHelp';
import { Notifications } from './Notifications';
import { Splitter } from './Splitter';
import { StatusBar } from './StatusBar';
import { TitleBar } from './TitleBar';
import { useLayoutPersistence } from './use-layout-persistence';
import './layout.css';

installDiagnosticMarkers();

/** Shortcuts that work wherever the focus is (Monaco handles its own while it has focus). */
function onGlobalKey(event: KeyboardEvent): void {
  if (event.defaultPrevented) return;
  handleShortcut(event);
}

export function Workbench() {
  const t = useT();
  const project = useProjectStore((s) => s.project);
  const error = useProjectStore((s) => s.error);
  const load = useProjectStore((s) => s.load);
  const dirtyCount = useEditorStore((s) => s.tabs.filter((tab) => tab.dirty).length);
  const layout = useLayoutStore();
  const loading = useProjectStore((s) => s.loading);
  const welcome = useWelcomeStore((s) => s.open);

  useEffect(() => {
    void load();
    void useBuildStore.getState().load();
  }, [load]);
  useLayoutPersistence();

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
      <TitleBar />
      <main className="workbench-body">
        {project && <SimulatorPane />}
        {project && <Splitter direction="horizontal" size={layout.simulatorWidth} min={260} max={900} onResize={(simulatorWidth) => layout.update({ simulatorWidth })} label={t('layout.resizeSimulator')} />}
        <div className="explorer-column" style={{ width: layout.explorerWidth }}>
          <Explorer />
        </div>
        <Splitter direction="horizontal" size={layout.explorerWidth} min={140} max={600} onResize={(explorerWidth) => layout.update({ explorerWidth })} label={t('layout.resizeExplorer')} />
        <div className="editor-column">
          <EditorPane />
          {layout.panelOpen && (
            <>
              <Splitter direction="vertical" size={layout.panelHeight} min={80} max={900} invert onResize={(panelHeight) => layout.update({ panelHeight })} label={t('layout.resizePanel')} />
              <BottomPanel />
            </>
          )}
        </div>
      </main>
      <StatusBar />
      {error && (
        <div className="notification error" role="alert">
          {error}
        </div>
      )}
      {(welcome || (!loading && !project)) && <WelcomeScreen />}
      <CommandPalette />
      <ShortcutsHelp />
      <Notifications />
      <DialogHost />
    </div>
  );
}
