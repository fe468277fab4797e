import type { monaco } from '../monaco-setup';
import { pathForUri } from '../model-registry';

/** The project path of an editor model, or null for models that are not project files. */
export function pathOfModel(model: monaco.editor.ITextModel): string | null {
  return pathForUri(model.uri);
}
