import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from './corpus-manifest';

export interface FixtureCopy {
  /** The project, copied to a fresh temp folder so the test may change it. */
  readonly projectDir: string;
  /** An empty folder for the build output. */
  readonly outDir: string;
  dispose(): void;
}

/** Copies `tests/fixtures/compiler-regressions/<name>/` into a fresh temp dir. */
export function copyRegressionFixture(name: string): FixtureCopy {
  const base = mkdtempSync(join(tmpdir(), `ministudio-${name}-`));
  const projectDir = join(base, 'project');
  cpSync(join(repoRoot, 'tests', 'fixtures', 'compiler-regressions', name), projectDir, { recursive: true });
  return { projectDir, outDir: join(base, 'out'), dispose: () => rmSync(base, { recursive: true, force: true }) };
}
