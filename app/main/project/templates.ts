import { cp, readFile, readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserFacingError, type ProjectTemplate } from '../../shared/contract';
import { writeFileAtomic } from './atomic-write';

/** What the welcome screen says about each bundled template (folders in resources/templates). */
const DESCRIPTIONS: Record<string, { name: string; description: string }> = {
  blank: { name: 'Blank', description: 'One page, nothing else.' },
  example: { name: 'TabBar app with components and API demos', description: 'Two tabs, a custom component, events, wx.* calls.' },
  typescript: { name: 'TypeScript', description: 'App and pages in TypeScript with the mini-program typings.' },
};

export async function listTemplates(templatesDir: string): Promise<ProjectTemplate[]> {
  const entries = await readdir(templatesDir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => ({ id: e.name, ...(DESCRIPTIONS[e.name] ?? { name: e.name, description: '' }) }))
    .sort((a, b) => (a.id === 'blank' ? -1 : b.id === 'blank' ? 1 : a.name.localeCompare(b.name)));
}

/** Copies a template to `<parentDir>/<name>` (which must not exist) and names the project after the folder. */
export async function createFromTemplate(templatesDir: string, templateId: string, parentDir: string, name: string): Promise<string> {
  if (!/^[\w.-]+$/.test(templateId) || !(await listTemplates(templatesDir)).some((t) => t.id === templateId)) {
    throw new UserFacingError('template-not-found', `No template named '${templateId}'.`);
  }
  if (!/^[^\\/:*?"<>|\0]+$/.test(name) || name === '.' || name === '..') throw new UserFacingError('name-invalid', `'${name}' cannot be a folder name.`);
  const parent = resolve(parentDir);
  if (!(await stat(parent).catch(() => null))?.isDirectory()) throw new UserFacingError('folder-not-found', `No folder at ${parent}.`);
  const target = join(parent, name);
  if (await stat(target).catch(() => null)) throw new UserFacingError('already-exists', `${target} already exists.`);
  await cp(join(templatesDir, templateId), target, { recursive: true, errorOnExist: true, force: false });
  const configPath = join(target, 'project.config.json');
  const config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  await writeFileAtomic(configPath, `${JSON.stringify({ ...config, projectname: name }, null, 2)}\n`);
  return target;
}

/** Folders whose path starts with `prefix` (for the open-folder field's completion); hidden ones only when asked. */
export async function completeFolder(prefix: string): Promise<string[]> {
  const slash = Math.max(prefix.lastIndexOf('/'), prefix.lastIndexOf('\\'));
  if (slash < 0) return [];
  const dir = prefix.slice(0, slash + 1);
  const start = prefix.slice(slash + 1);
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isDirectory() && e.name.startsWith(start) && (start.startsWith('.') || !e.name.startsWith('.')))
    .map((e) => dir + e.name)
    .sort()
    .slice(0, 50);
}
