import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** A real project folder in a fresh temp dir, for style tests that read imports from disk. */
export interface TestProject {
  readonly dir: string;
  readFile(path: string): Promise<string | undefined>;
  write(path: string, text: string): Promise<void>;
  dispose(): Promise<void>;
}

export async function createTestProject(files: Readonly<Record<string, string>>): Promise<TestProject> {
  const dir = await mkdtemp(join(tmpdir(), 'ministudio-style-'));
  const write = async (path: string, text: string): Promise<void> => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  };
  for (const [path, text] of Object.entries(files)) await write(path, text);
  return {
    dir,
    readFile: (path) => readFile(join(dir, path), 'utf8').catch(() => undefined),
    write,
    dispose: () => rm(dir, { recursive: true, force: true }),
  };
}
