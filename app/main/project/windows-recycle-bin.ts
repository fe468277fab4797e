import { execFile } from 'node:child_process';
import { access } from 'node:fs/promises';
import { UserFacingError } from '../../shared/contract';

/**
 * Windows has no trash folder to rename into: the Recycle Bin is reached through the shell. PowerShell (in every
 * Windows since 7) loads .NET's Microsoft.VisualBasic FileSystem, whose DeleteFile/DeleteDirectory can send to it.
 * The path travels in an environment variable, never inside the script text, so no file name can inject code.
 */
const PATH_VARIABLE = 'MINISTUDIO_RECYCLE_PATH';

const SCRIPT = [
  "$ErrorActionPreference = 'Stop'",
  'Add-Type -AssemblyName Microsoft.VisualBasic',
  `$target = $env:${PATH_VARIABLE}`,
  'if (Test-Path -LiteralPath $target -PathType Container) {',
  "  [Microsoft.VisualBasic.FileIO.FileSystem]::DeleteDirectory($target, 'OnlyErrorDialogs', 'SendToRecycleBin')",
  '} else {',
  "  [Microsoft.VisualBasic.FileIO.FileSystem]::DeleteFile($target, 'OnlyErrorDialogs', 'SendToRecycleBin')",
  '}',
].join('\n');

export interface RecycleCommand {
  readonly file: string;
  readonly args: readonly string[];
  readonly env: Readonly<Record<string, string>>;
}

/** The PowerShell call that recycles `absolute` (`-EncodedCommand` is the script as base64 of UTF-16LE). */
export function recycleBinCommand(absolute: string, powershell = 'powershell.exe'): RecycleCommand {
  return {
    file: powershell,
    args: ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand', Buffer.from(SCRIPT, 'utf16le').toString('base64')],
    env: { [PATH_VARIABLE]: absolute },
  };
}

/**
 * Sends a file or folder to the Recycle Bin and checks it is gone. Throws a message naming the path and the
 * reason when it could not (no PowerShell, a policy, a file in use): the file is then left where it was.
 */
export async function moveToRecycleBin(absolute: string, powershell?: string): Promise<void> {
  const command = recycleBinCommand(absolute, powershell);
  await new Promise<void>((resolve, reject) => {
    execFile(command.file, command.args, { env: { ...process.env, ...command.env }, windowsHide: true, timeout: 60_000 }, (error, _stdout, stderr) => {
      if (!error) return resolve();
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `${command.file} was not found` : stderr.trim().split('\n')[0] || error.message;
      reject(new UserFacingError('trash-failed', `Could not move ${absolute} to the Recycle Bin (${reason}); it was not deleted.`));
    });
  });
  const stillThere = await access(absolute).then(
    () => true,
    () => false,
  );
  if (stillThere) throw new UserFacingError('trash-failed', `Could not move ${absolute} to the Recycle Bin (it is still there); it was not deleted.`);
}
