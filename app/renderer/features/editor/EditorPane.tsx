import { useEffect, useRef } from 'react';
import { useEditorStore } from '../../stores/editor-store';
import { useThemeStore } from '../../stores/theme-store';
import { useT } from '../../i18n/i18n';
import { ConflictBar } from './ConflictBar';
import { EditorTabs } from './EditorTabs';
import { setEditorInstance } from './editor-instance';
import * as models from './model-registry';
import { useCommandStore } from '../commands/command-store';
import { monaco } from './monaco-setup';
import { installLanguages } from './languages/install-languages';
import './editor.css';

installLanguages();

/** One Monaco editor whose model follows the active tab; each file keeps its model (and undo history) while open. */
export function EditorPane() {
  const t = useT();
  const active = useEditorStore((s) => s.active);
  const reveal = useEditorStore((s) => s.reveal);
  const theme = useThemeStore((s) => s.theme);
  const host = useRef<HTMLDivElement>(null);
  const editor = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const shownPath = useRef<string | null>(null);

  useEffect(() => {
    if (!host.current) return;
    const instance = monaco.editor.create(host.current, {
      model: null,
      automaticLayout: true,
      theme: theme === 'light' ? 'vs' : 'vs-dark',
      minimap: { enabled: false },
      fontSize: 13,
      scrollBeyondLastLine: false,
      tabSize: 2,
      fixedOverflowWidgets: true,
    });
    editor.current = instance;
    setEditorInstance(instance);
    const store = useEditorStore.getState;
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyP, () => useCommandStore.getState().openPalette('files'));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Shift | monaco.KeyCode.KeyP, () => useCommandStore.getState().openPalette('commands'));
    instance.addCommand(monaco.KeyMod.chord(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyK, monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS), () => useCommandStore.getState().showShortcuts(true));
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => void store().saveActive());
    instance.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyMod.Alt | monaco.KeyCode.KeyS, () => void store().saveAll());
    const contentListener = instance.onDidChangeModelContent(() => {
      const path = shownPath.current;
      if (path) store().refreshDirty(path);
    });
    return () => {
      contentListener.dispose();
      setEditorInstance(null);
      instance.dispose();
      editor.current = null;
    };
    // Created once; the theme effect below keeps its theme current.
  }, []);

  useEffect(() => {
    monaco.editor.setTheme(theme === 'light' ? 'vs' : 'vs-dark');
  }, [theme]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance) return;
    if (shownPath.current && models.hasModel(shownPath.current)) models.saveViewState(shownPath.current, instance.saveViewState());
    const model = active ? models.getModel(active) : undefined;
    instance.setModel(model ?? null);
    shownPath.current = model ? active : null;
    if (model && active) {
      const state = models.viewState(active);
      if (state) instance.restoreViewState(state);
      instance.focus();
    }
  }, [active]);

  useEffect(() => {
    const instance = editor.current;
    if (!instance || !reveal || reveal.path !== active) return;
    const position = { lineNumber: reveal.line, column: reveal.column };
    instance.setPosition(position);
    instance.revealPositionInCenter(position);
    instance.focus();
  }, [reveal, active]);

  return (
    <section className="editor-pane" aria-label="Editor">
      <EditorTabs />
      <ConflictBar />
      <div className="editor-host" ref={host} data-testid="monaco-host" />
      {!active && <div className="editor-empty">{t('editor.selectFile')}</div>}
    </section>
  );
}
