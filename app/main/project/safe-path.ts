import { realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { UserFacingError } from '../../shared/contract';

function isInside(root: string, target: string): boolean {
  const rel = relative(root, target);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/** The real path of `path`, or of its deepest existing ancestor with the rest appended (for files yet to be created). */
async function realpathOfExistingPrefix(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const parent = dirname(path);
    if (parent === path) return path;
    return join(await realpathOfExistingPrefix(parent), path.slice(parent.length + (parent.endsWith(sep) ? 0 : 1)));
  }
}

/**
 * Resolves a project-relative path to an absolute one inside `root`, or throws a UserFacingError.
 * Refuses absolute paths, `..` escapes, NUL bytes and symlinks whose target lies outside the project.
 */
export async function resolveInsideProject(root: string, projectPath: string): Promise<string> {
  if (typeof projectPath !== 'string' || projectPath.length === 0) {
    throw new UserFacingError('path-invalid', 'A file path is required.');
  }
  if (projectPath.includes('\0')) throw new UserFacingError('path-invalid', `Invalid file path: ${JSON.stringify(projectPath)}`);
  const normalized = projectPath.replace(/\\/g, '/');
  if (isAbsolute(normalized) || /^[a-zA-Z]:/.test(normalized)) {
    throw new UserFacingError('path-outside-project', `Refused: '${projectPath}' is an absolute path; use a path inside the project.`);
  }
  const realRoot = await realpath(root);
  const target = resolve(realRoot, normalized);
  if (!isInside(realRoot, target)) {
    throw new UserFacingError('path-outside-project', `Refused: '${projectPath}' is outside the project folder.`);
  }
  const realTarget = await realpathOfExistingPrefix(target);
  if (!isInside(realRoot, realTarget)) {
    throw new UserFacingError('path-outside-project', `Refused: '${projectPath}' leads outside the project folder through a symbolic link.`);
  }
  return target;
}

/** Project-relative path with forward slashes. */
export function toProjectPath(root: string, absolute: string): string {
  return relative(root, absolute).split(sep).join('/');
}
