import type { Diagnostic } from '../../../shared/diagnostic';
import { useBuildStore } from '../../stores/build-store';
import { useEditorStore } from '../../stores/editor-store';
import { getModel, openPaths } from './model-registry';
import { monaco } from './monaco-setup';

const OWNER = 'ministudio-compiler';

function severityOf(d: Diagnostic): monaco.MarkerSeverity {
  return d.severity === 'error' ? monaco.MarkerSeverity.Error : d.severity === 'warning' ? monaco.MarkerSeverity.Warning : monaco.MarkerSeverity.Info;
}

/** Puts the newest build's diagnostics on every open editor model as squiggles. */
function applyMarkers(): void {
  const diagnostics = useBuildStore.getState().latest?.diagnostics ?? [];
  for (const path of openPaths()) {
    const model = getModel(path);
    if (!model) continue;
    const markers = diagnostics
      .filter((d) => d.file === path)
      .map((d) => {
        const line = Math.min(Math.max(1, d.line), model.getLineCount());
        const endLine = Math.min(Math.max(line, d.endLine ?? line), model.getLineCount());
        const endColumn = d.endColumn ?? (endLine === line ? Math.max(d.column + 1, model.getLineMaxColumn(line)) : model.getLineMaxColumn(endLine));
        return { severity: severityOf(d), message: d.hint ? `${d.message}\n${d.hint}` : d.message, code: d.code, source: 'compiler', startLineNumber: line, startColumn: Math.max(1, d.column), endLineNumber: endLine, endColumn };
      });
    monaco.editor.setModelMarkers(model, OWNER, markers);
  }
}

let installed = false;

/** Keeps editor markers in step with builds and with the set of open files. */
export function installDiagnosticMarkers(): void {
  if (installed) return;
  installed = true;
  useBuildStore.subscribe((state, previous) => state.latest !== previous.latest && applyMarkers());
  useEditorStore.subscribe((state, previous) => state.tabs.length !== previous.tabs.length && applyMarkers());
}
