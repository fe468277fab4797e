import { test } from 'node:test';
import assert from 'node:assert/strict';
import { access, chmod, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { moveToTrash } from './trash';
import { moveToRecycleBin, recycleBinCommand } from './windows-recycle-bin';

const exists = (path: string) => access(path).then(() => true, () => false);

test('the PowerShell command recycles through Microsoft.VisualBasic and carries the path outside the script', () => {
  const hostile = "C:\\Users\\me\\project\\it's $(Remove-Item C:\\ -Recurse)`.wxml";
  const command = recycleBinCommand(hostile);
  assert.equal(command.file, 'powershell.exe');
  assert.deepEqual(command.args.slice(0, 5), ['-NoProfile', '-NonInteractive', '-ExecutionPolicy', 'Bypass', '-EncodedCommand']);
  const script = Buffer.from(command.args[5]!, 'base64').toString('utf16le');
  assert.match(script, /Add-Type -AssemblyName Microsoft\.VisualBasic/);
  assert.match(script, /FileSystem\]::DeleteFile\(\$target, 'OnlyErrorDialogs', 'SendToRecycleBin'\)/);
  assert.match(script, /FileSystem\]::DeleteDirectory\(\$target, 'OnlyErrorDialogs', 'SendToRecycleBin'\)/);
  assert.match(script, /Test-Path -LiteralPath \$target -PathType Container/);
  assert.ok(!script.includes('Remove-Item') && !script.includes('project'), 'the path is not in the script');
  assert.deepEqual(command.env, { MINISTUDIO_RECYCLE_PATH: hostile });
});

test('on Windows, a missing PowerShell leaves the file in place with a message naming it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ms-recycle-'));
  const file = join(dir, 'index.wxml');
  await writeFile(file, '<view/>');
  const saved = process.env.MINISTUDIO_TRASH_DIR;
  delete process.env.MINISTUDIO_TRASH_DIR;
  try {
    await assert.rejects(moveToTrash(file, { platform: 'win32', powershell: join(dir, 'no-such-powershell.exe') }), (error: Error) => {
      assert.match(error.message, /^Could not move .*index\.wxml to the Recycle Bin \(.*no-such-powershell\.exe was not found\); it was not deleted\.$/);
      return true;
    });
  } finally {
    if (saved !== undefined) process.env.MINISTUDIO_TRASH_DIR = saved;
  }
  assert.equal(await readFile(file, 'utf8'), '<view/>');
});

/** A stand-in for powershell.exe (not installable here) that does what the script does: move the path it is given away. */
async function fakeShell(dir: string, body: string): Promise<string> {
  const path = join(dir, 'powershell');
  await writeFile(path, `#!/bin/sh\n${body}\n`);
  await chmod(path, 0o755);
  return path;
}

test('a failing shell reports its first error line; a shell that exits 0 but leaves the file is not believed', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ms-recycle-'));
  const file = join(dir, 'a.js');
  await writeFile(file, 'x');
  const failing = await fakeShell(dir, 'echo "Exception calling DeleteFile: file in use" >&2\necho second line >&2\nexit 1');
  await assert.rejects(moveToRecycleBin(file, failing), /Recycle Bin \(Exception calling DeleteFile: file in use\); it was not deleted/);
  const lying = await fakeShell(dir, 'exit 0');
  await assert.rejects(moveToRecycleBin(file, lying), /it is still there/);
  assert.ok(await exists(file));
});

test('files and folders the shell recycles count as trashed; the path arrives exactly, spaces and quotes included', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ms-recycle-'));
  const bin = join(dir, 'bin');
  await mkdir(bin);
  const shell = await fakeShell(dir, `mv "$MINISTUDIO_RECYCLE_PATH" "${bin}/"`);
  const file = join(dir, "it's a page.wxml");
  const folder = join(dir, 'pages');
  await writeFile(file, '<view/>');
  await mkdir(folder);
  await writeFile(join(folder, 'index.js'), 'Page({})');
  const saved = process.env.MINISTUDIO_TRASH_DIR;
  delete process.env.MINISTUDIO_TRASH_DIR;
  try {
    assert.equal(await moveToTrash(file, { platform: 'win32', powershell: shell }), true);
    assert.equal(await moveToTrash(folder, { platform: 'win32', powershell: shell }), true);
  } finally {
    if (saved !== undefined) process.env.MINISTUDIO_TRASH_DIR = saved;
  }
  assert.deepEqual((await readdir(bin)).sort(), ["it's a page.wxml", 'pages']);
  assert.equal(await exists(file), false);
});
