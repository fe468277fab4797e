import { access, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join } from 'node:path';
import { moveToRecycleBin } from './windows-recycle-bin';

export interface TrashOptions {
  /** The platform whose trash to use (tests run the Windows path elsewhere). */
  readonly platform?: NodeJS.Platform;
  /** The PowerShell to run on Windows. */
  readonly powershell?: string;
}

/**
 * Moves a file or folder to the user's trash without native code: the freedesktop.org trash on Linux (with its
 * .trashinfo, so file managers can restore it), ~/.Trash on macOS, the Recycle Bin on Windows (through
 * PowerShell). Returns false when it deleted permanently instead (a trash on another file system).
 */
export async function moveToTrash(absolute: string, options: TrashOptions = {}): Promise<boolean> {
  const platform = options.platform ?? process.platform;
  if (platform === 'win32' && !process.env.MINISTUDIO_TRASH_DIR) {
    await moveToRecycleBin(absolute, options.powershell);
    return true;
  }
  const trash = trashFolder();
  if (trash) {
    try {
      await mkdir(join(trash, 'files'), { recursive: true });
      const name = await freeName(trash, basename(absolute));
      if (process.platform !== 'darwin') {
        await mkdir(join(trash, 'info'), { recursive: true });
        const info = `[Trash Info]\nPath=${encodeURI(absolute)}\nDeletionDate=${new Date().toISOString().slice(0, 19)}\n`;
        await writeFile(join(trash, 'info', `${name}.trashinfo`), info, { flag: 'wx' });
      }
      await rename(absolute, join(trash, process.platform === 'darwin' ? '' : 'files', name));
      return true;
    } catch (error) {
      // EXDEV: the trash is on another disk; fall back to deleting (the user confirmed either way).
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  await rm(absolute, { recursive: true, force: true });
  return false;
}

function trashFolder(): string | null {
  if (process.env.MINISTUDIO_TRASH_DIR) return process.env.MINISTUDIO_TRASH_DIR;
  if (process.platform === 'darwin') return join(homedir(), '.Trash');
  if (process.platform === 'linux') return join(process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'Trash');
  return null;
}

async function freeName(trash: string, name: string): Promise<string> {
  const folder = process.platform === 'darwin' ? trash : join(trash, 'files');
  for (let i = 0; ; i++) {
    const candidate = i === 0 ? name : `${name}.${i}`;
    try {
      await access(join(folder, candidate));
    } catch {
      return candidate;
    }
  }
}
