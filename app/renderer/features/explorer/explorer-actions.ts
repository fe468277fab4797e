import { studio } from '../../bridge';
import { t } from '../../i18n/i18n';
import { showDialog } from '../../stores/dialog-store';
import { useEditorStore } from '../../stores/editor-store';
import { messageOf, notifyError, notifyInfo } from '../../stores/notification-store';
import { useProjectStore } from '../../stores/project-store';
import { useExplorerStore } from './explorer-store';

const nameProblem = (value: string): string | null => {
  if (!value.trim()) return t('explorer.nameRequired');
  if (/(^|\/)\.\.?(\/|$)/.test(value) || value.startsWith('/') || /[\\:*?"<>|]/.test(value)) return t('explorer.nameInvalid');
  return null;
};

/** The folder new items go into: the selected folder, or the selected file's folder, or the project root. */
export function targetFolder(): string {
  const selected = useExplorerStore.getState().selected;
  if (!selected) return '';
  if (useProjectStore.getState().folders.has(selected)) return selected;
  return selected.includes('/') ? selected.slice(0, selected.lastIndexOf('/')) : '';
}

const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

async function ask(title: string, value: string, placeholder?: string): Promise<string | null> {
  const answer = await showDialog({
    title,
    input: { value, placeholder, validate: nameProblem },
    buttons: [
      { id: 'ok', label: t('dialog.ok'), primary: true },
      { id: 'cancel', label: t('dialog.cancel') },
    ],
  });
  return answer.button === 'ok' ? answer.value.trim() : null;
}

async function run<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    const result = await work();
    await useProjectStore.getState().refreshTree();
    return result;
  } catch (error) {
    notifyError(messageOf(error));
    return null;
  }
}

export async function newFile(folder = targetFolder()): Promise<void> {
  const name = await ask(t('explorer.newFile'), '', 'utils/format.js');
  if (!name) return;
  const path = join(folder, name);
  if (await run(() => studio.invoke('project:create-file', { path }))) {
    useExplorerStore.getState().select(path);
    await useEditorStore.getState().openFile(path);
  }
}

export async function newFolder(folder = targetFolder()): Promise<void> {
  const name = await ask(t('explorer.newFolder'), '');
  if (!name) return;
  const path = join(folder, name);
  if (await run(() => studio.invoke('project:create-folder', { path }))) useExplorerStore.getState().expand([path]);
}

/** New page: asks for `pages/<name>/<name>` (a plain name becomes that), creates 4 files and registers it in app.json. */
export async function newPage(kind: 'page' | 'component', folder = targetFolder()): Promise<void> {
  const root = useProjectStore.getState().project?.miniprogramRoot ?? '';
  const relativeFolder = root && folder.startsWith(`${root}/`) ? folder.slice(root.length + 1) : folder === root ? '' : folder;
  const base = relativeFolder || (kind === 'page' ? 'pages' : 'components');
  const name = await ask(t(kind === 'page' ? 'explorer.newPage' : 'explorer.newComponent'), `${base}/`, `${base}/detail`);
  if (!name) return;
  const segments = name.replace(/\/+$/, '').split('/');
  const last = segments.at(-1)!;
  // `pages/detail` means the folder pages/detail with detail.* inside, as WeChat DevTools does.
  const path = segments.length >= 2 && segments.at(-2) === last ? segments.join('/') : `${segments.join('/')}/${last}`;
  const result = await run(() => studio.invoke('project:new-page', { path, kind }));
  if (!result) return;
  notifyInfo(t(kind === 'page' ? 'explorer.pageCreated' : 'explorer.componentCreated', { path }));
  const wxml = result.files.find((f) => f.endsWith('.wxml'));
  if (wxml) await useEditorStore.getState().openFile(wxml);
}

/** Renames or moves; open editors of the moved files follow, keeping unsaved text. */
export async function movePath(from: string, to: string): Promise<void> {
  if (from === to) return;
  const openTabs = useEditorStore.getState().tabs.map((tab) => tab.path);
  const dirty = useEditorStore.getState().tabs.filter((tab) => tab.dirty && (tab.path === from || tab.path.startsWith(`${from}/`)));
  if (dirty.length > 0) {
    // The disk copy moves; unsaved text must move with its tab, so save it first where it is.
    for (const tab of dirty) await useEditorStore.getState().save(tab.path);
  }
  if (!(await run(() => studio.invoke('project:rename', { from, to })))) return;
  const mapping = new Map<string, string>();
  for (const path of openTabs) {
    if (path === from) mapping.set(path, to);
    else if (path.startsWith(`${from}/`)) mapping.set(path, to + path.slice(from.length));
  }
  useEditorStore.getState().renamePaths(mapping);
  useExplorerStore.getState().select(to);
}

export async function renamePath(path: string): Promise<void> {
  const name = await ask(t('explorer.rename'), path.split('/').pop() ?? path);
  if (!name) return;
  const folder = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  await movePath(path, join(folder, name));
}

export async function deletePath(path: string): Promise<void> {
  const answer = await showDialog({
    title: t('explorer.deleteTitle'),
    message: t('explorer.deleteMessage', { path }),
    buttons: [
      { id: 'delete', label: t('explorer.delete'), danger: true },
      { id: 'cancel', label: t('dialog.cancel'), primary: true },
    ],
  });
  if (answer.button !== 'delete') return;
  const result = await run(() => studio.invoke('project:delete', { path }));
  if (result) notifyInfo(t(result.trashed ? 'explorer.trashed' : 'explorer.deleted', { path }));
}
