import { studio } from '../../bridge';
import { languageForPath, monaco } from './monaco-setup';

/** What the editor knows about one open file besides its Monaco model. */
interface ModelRecord {
  readonly model: monaco.editor.ITextModel;
  /** The file's content as last read from or written to disk. */
  savedText: string;
  /** The model's alternative version id at that moment: equal ids mean "not dirty", across undo and redo. */
  savedVersion: number;
  /** Content of a write in flight, so its own file-watcher echo is not taken for an external edit. */
  savingText: string | null;
  viewState: monaco.editor.ICodeEditorViewState | null;
}

const records = new Map<string, ModelRecord>();

export function uriForPath(path: string): monaco.Uri {
  return monaco.Uri.from({ scheme: 'file', path: `/${path}` });
}

/** Project-relative path of a model created here, or null for other models (extra libs, diff views). */
export function pathForUri(uri: monaco.Uri): string | null {
  const path = uri.path.replace(/^\//, '');
  return records.has(path) ? path : null;
}

export function hasModel(path: string): boolean {
  return records.has(path);
}

export function getModel(path: string): monaco.editor.ITextModel | undefined {
  return records.get(path)?.model;
}

export function createModel(path: string, content: string): monaco.editor.ITextModel {
  const existing = records.get(path);
  if (existing) return existing.model;
  const uri = uriForPath(path);
  monaco.editor.getModel(uri)?.dispose();
  const model = monaco.editor.createModel(content, languageForPath(path), uri);
  records.set(path, { model, savedText: content, savedVersion: model.getAlternativeVersionId(), savingText: null, viewState: null });
  return model;
}

/** Loads a file into a model without opening a tab (go to definition needs the target model); false if unreadable. */
export async function ensureModel(path: string): Promise<boolean> {
  if (records.has(path)) return true;
  try {
    const file = await studio.invoke('project:read-file', { path });
    createModel(path, file.content);
    return true;
  } catch {
    return false;
  }
}

export function disposeModel(path: string): void {
  records.get(path)?.model.dispose();
  records.delete(path);
}

export function isDirty(path: string): boolean {
  const record = records.get(path);
  if (!record || record.model.getAlternativeVersionId() === record.savedVersion) return false;
  // Version ids do not always come back to the saved one on redo; equal text means clean.
  const { model } = record;
  return model.getValueLength() !== record.savedText.length || model.getValue() !== record.savedText;
}

export function savedText(path: string): string | undefined {
  return records.get(path)?.savedText;
}

/** True when `content` is what we last saved or are saving: the watcher reporting our own write. */
export function isOwnWrite(path: string, content: string): boolean {
  const record = records.get(path);
  return record !== undefined && (record.savedText === content || record.savingText === content);
}

export function markSaving(path: string, content: string | null): void {
  const record = records.get(path);
  if (record) record.savingText = content;
}

/** Records that the disk now holds `content`, which the model had at `version`. */
export function markSaved(path: string, content: string, version: number): void {
  const record = records.get(path);
  if (!record) return;
  record.savedText = content;
  record.savedVersion = version;
  record.savingText = null;
}

/** The disk changed to `content` but the user keeps their text: the buffer stays dirty against the new disk state. */
export function acceptDiskAsBase(path: string, content: string): void {
  const record = records.get(path);
  if (!record) return;
  record.savedText = content;
  record.savedVersion = -1;
}

/** Replaces the model's text as one undoable edit (the user's previous text stays in the undo history). */
export function replaceText(path: string, content: string): number {
  const record = records.get(path);
  if (!record) return -1;
  const { model } = record;
  if (model.getValue() !== content) {
    model.pushStackElement();
    model.pushEditOperations([], [{ range: model.getFullModelRange(), text: content }], () => null);
    model.pushStackElement();
  }
  return model.getAlternativeVersionId();
}

export function saveViewState(path: string, state: monaco.editor.ICodeEditorViewState | null): void {
  const record = records.get(path);
  if (record) record.viewState = state;
}

export function viewState(path: string): monaco.editor.ICodeEditorViewState | null {
  return records.get(path)?.viewState ?? null;
}

/** Moves a model to a new path (the file was renamed), keeping its text, undo history and saved state. */
export function renameModel(from: string, to: string): void {
  const record = records.get(from);
  if (!record || records.has(to)) return;
  const model = monaco.editor.createModel(record.model.getValue(), languageForPath(to), uriForPath(to));
  const dirty = isDirty(from);
  records.delete(from);
  record.model.dispose();
  records.set(to, { ...record, model, savedVersion: dirty ? -1 : model.getAlternativeVersionId() });
}

export function openPaths(): string[] {
  return [...records.keys()];
}
