import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { basename, resolve, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { UserFacingError, type FileChange, type FileEntry, type ProjectInfo, type RecentProject } from '../../shared/contract';
import { writeFileAtomic } from './atomic-write';
import { readFileTree, IGNORED_NAMES } from './file-tree';
import { normalisePagePath, pageFiles, registerPage } from './page-scaffold';
import { RecentProjects } from './recent-projects';
import { searchFiles, type SearchOptions } from './search-files';
import { moveToTrash } from './trash';
import { resolveInsideProject, toProjectPath } from './safe-path';

const MAX_READ_BYTES = 16 * 1024 * 1024;

export interface ProjectServiceOptions {
  readonly configDir: string;
  /** Watch the open project for changes made outside the IDE (off in some tests). */
  readonly watch?: boolean;
}

/** Opens a mini-program project folder; lists, reads and writes its files; never lets a path leave the folder. */
export class ProjectService {
  private current: ProjectInfo | null = null;
  private watcher: FSWatcher | null = null;
  private readonly recentProjects: RecentProjects;
  private readonly changeListeners = new Set<(changes: readonly FileChange[]) => void>();
  private readonly openListeners = new Set<(info: ProjectInfo) => void>();

  constructor(private readonly options: ProjectServiceOptions) {
    this.recentProjects = new RecentProjects(options.configDir);
  }

  async open(rootInput: string): Promise<ProjectInfo> {
    const root = resolve(rootInput);
    const st = await stat(root).catch(() => null);
    if (!st || !st.isDirectory()) throw new UserFacingError('project-not-found', `No project folder at ${root}.`);
    const config = await readProjectConfig(root);
    const info: ProjectInfo = {
      root,
      name: config.projectname || basename(root),
      appId: config.appid,
      miniprogramRoot: (config.miniprogramRoot ?? '').replace(/^\.?\/+/, '').replace(/\/+$/, ''),
    };
    await this.close();
    this.current = info;
    if (this.options.watch !== false) this.startWatching(root);
    await this.recentProjects.add(root, info.name).catch(() => undefined);
    for (const listener of this.openListeners) listener(info);
    return info;
  }

  currentProject(): ProjectInfo | null {
    return this.current;
  }

  async listFiles(): Promise<FileEntry> {
    const project = this.requireProject();
    return readFileTree(project.root, project.name);
  }

  async readFile(path: string): Promise<{ path: string; content: string }> {
    const absolute = await resolveInsideProject(this.requireProject().root, path);
    const st = await stat(absolute).catch(() => null);
    if (!st || !st.isFile()) throw new UserFacingError('file-not-found', `File not found: ${path}`);
    if (st.size > MAX_READ_BYTES) throw new UserFacingError('file-too-large', `${path} is ${st.size} bytes; the editor opens files up to 16 MB.`);
    return { path, content: await readFile(absolute, 'utf8') };
  }

  async writeFile(path: string, content: string): Promise<{ path: string; size: number }> {
    if (typeof content !== 'string') throw new UserFacingError('content-invalid', 'File content must be text.');
    const absolute = await resolveInsideProject(this.requireProject().root, path);
    const st = await stat(absolute).catch(() => null);
    if (st?.isDirectory()) throw new UserFacingError('path-is-directory', `${path} is a folder.`);
    if (!st) {
      const parent = await stat(resolve(absolute, '..')).catch(() => null);
      if (!parent?.isDirectory()) throw new UserFacingError('folder-not-found', `The folder for ${path} does not exist.`);
    }
    await writeFileAtomic(absolute, content);
    return { path, size: Buffer.byteLength(content) };
  }

  /** Creates an empty (or given) file; refuses to overwrite. Missing parent folders are created. */
  async createFile(path: string, content = ''): Promise<{ path: string }> {
    const absolute = await this.resolveNew(path);
    await mkdir(resolve(absolute, '..'), { recursive: true });
    await writeFile(absolute, content, { flag: 'wx' });
    return { path };
  }

  async createFolder(path: string): Promise<{ path: string }> {
    const absolute = await this.resolveNew(path);
    await mkdir(absolute, { recursive: true });
    return { path };
  }

  /** Renames or moves a file or folder inside the project; refuses to overwrite. */
  async renamePath(from: string, to: string): Promise<{ from: string; to: string }> {
    const root = this.requireProject().root;
    const source = await resolveInsideProject(root, from);
    if (!(await stat(source).catch(() => null))) throw new UserFacingError('file-not-found', `Not found: ${from}`);
    const target = await this.resolveNew(to);
    if (target.startsWith(`${source}${sep}`)) throw new UserFacingError('move-into-itself', `Cannot move ${from} into itself.`);
    await mkdir(resolve(target, '..'), { recursive: true });
    await rename(source, target);
    return { from, to };
  }

  /** Moves a file or folder to the OS trash where possible; `trashed` is false when it was deleted for good. */
  async deletePath(path: string): Promise<{ path: string; trashed: boolean }> {
    const root = this.requireProject().root;
    const absolute = await resolveInsideProject(root, path);
    if (absolute === (await resolveInsideProject(root, '.'))) throw new UserFacingError('path-invalid', 'The project folder itself cannot be deleted here.');
    if (!(await stat(absolute).catch(() => null))) throw new UserFacingError('file-not-found', `Not found: ${path}`);
    return { path, trashed: await moveToTrash(absolute) };
  }

  /** A new page or component: its four files, and for a page its entry in app.json (main package or subpackage). */
  async newPage(pathInput: string, kind: 'page' | 'component'): Promise<{ files: string[]; appJson: string | null }> {
    const project = this.requireProject();
    const pagePath = normalisePagePath(pathInput);
    const prefix = project.miniprogramRoot ? `${project.miniprogramRoot}/` : '';
    const files = pageFiles(pagePath, kind).map((f) => ({ ...f, path: prefix + f.path }));
    for (const file of files) await this.resolveNew(file.path);
    let appJson: string | null = null;
    let appJsonText: string | null = null;
    if (kind === 'page') {
      appJson = `${prefix}app.json`;
      const current = (await this.readFile(appJson)).content;
      appJsonText = registerPage(current, pagePath);
    }
    for (const file of files) await this.createFile(file.path, file.content);
    if (appJson && appJsonText !== null) await this.writeFile(appJson, appJsonText);
    return { files: files.map((f) => f.path), appJson };
  }

  search(options: SearchOptions): ReturnType<typeof searchFiles> {
    return searchFiles(this.requireProject().root, options);
  }

  recent(): Promise<readonly RecentProject[]> {
    return this.recentProjects.list();
  }

  onDidChangeFiles(listener: (changes: readonly FileChange[]) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  onDidOpen(listener: (info: ProjectInfo) => void): () => void {
    this.openListeners.add(listener);
    return () => this.openListeners.delete(listener);
  }

  async close(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = null;
    this.current = null;
    await watcher?.close();
  }

  /** A path inside the project where nothing exists yet. */
  private async resolveNew(path: string): Promise<string> {
    const absolute = await resolveInsideProject(this.requireProject().root, path);
    if (await stat(absolute).catch(() => null)) throw new UserFacingError('already-exists', `${path} already exists.`);
    return absolute;
  }

  private requireProject(): ProjectInfo {
    if (!this.current) throw new UserFacingError('no-project', 'No project is open.');
    return this.current;
  }

  private startWatching(root: string): void {
    let pending: FileChange[] = [];
    let timer: NodeJS.Timeout | undefined;
    const push = (kind: FileChange['kind']) => (absolute: string) => {
      pending.push({ path: toProjectPath(root, absolute), kind });
      clearTimeout(timer);
      // Editors save in bursts (temp file + rename); one batch per burst.
      timer = setTimeout(() => {
        const changes = pending;
        pending = [];
        for (const listener of this.changeListeners) listener(changes);
      }, 50);
    };
    const watcher = watch(root, {
      ignoreInitial: true,
      ignored: (path: string) => path.split(/[\\/]/).some((part) => IGNORED_NAMES.has(part)) || /\.[^/\\]+\.[0-9a-f]{12}\.tmp$/.test(path),
      awaitWriteFinish: false,
    });
    watcher.on('add', push('created')).on('change', push('changed')).on('unlink', push('deleted'));
    watcher.on('addDir', push('created')).on('unlinkDir', push('deleted'));
    watcher.on('error', () => undefined);
    this.watcher = watcher;
  }
}

interface ProjectConfig {
  projectname?: string;
  appid?: string;
  miniprogramRoot?: string;
}

async function readProjectConfig(root: string): Promise<ProjectConfig> {
  try {
    const parsed: unknown = JSON.parse(await readFile(resolve(root, 'project.config.json'), 'utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const p = parsed as Record<string, unknown>;
    return {
      projectname: typeof p.projectname === 'string' ? p.projectname : undefined,
      appid: typeof p.appid === 'string' ? p.appid : undefined,
      miniprogramRoot: typeof p.miniprogramRoot === 'string' ? p.miniprogramRoot : undefined,
    };
  } catch {
    // A missing or broken project.config.json is the compiler's to report; the IDE still opens the folder.
    return {};
  }
}
