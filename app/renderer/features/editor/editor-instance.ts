import type { monaco } from './monaco-setup';

let current: monaco.editor.IStandaloneCodeEditor | null = null;

/** The workbench's one code editor, for commands that run Monaco actions (find, format, go to line). */
export function setEditorInstance(editor: monaco.editor.IStandaloneCodeEditor | null): void {
  current = editor;
}

/** Focuses the editor and runs one of its actions; false when no file is open. */
export function runEditorAction(actionId: string): boolean {
  if (!current?.getModel()) return false;
  current.focus();
  void current.getAction(actionId)?.run();
  return true;
}
