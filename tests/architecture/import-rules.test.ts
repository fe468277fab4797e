import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const cwd = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

// The module map of docs/architecture.md §2, as lint enforces it: each row is a violation that must fail lint.
const violations: [string, string][] = [
  ['app/shared/probe.ts', "import { readFile } from 'node:fs/promises'; export const f = readFile;"],
  ['app/shared/probe.ts', "import { ProjectService } from '../main/project/project-service'; export const p = ProjectService;"],
  ['app/main/project/probe.ts', "import { app } from 'electron'; export const a = app;"],
  ['app/main/compiler/probe.ts', "import * as g from 'glass-easel'; export const x = g;"],
  ['app/renderer/probe.ts', "import { readFile } from 'node:fs'; export const f = readFile;"],
  ['app/renderer/probe.ts', "import { ProjectService } from '../main/project/project-service'; export const p = ProjectService;"],
  ['app/simulator/view/probe.ts', "import * as g from 'glass-easel'; export const x = g;"],
  ['app/simulator/host/probe.ts', "import { studio } from '../../renderer/bridge'; export const s = studio;"],
];

for (const [file, code] of violations) {
  test(`lint refuses: ${file} — ${code.slice(0, code.indexOf(';'))}`, async () => {
    assert.notDeepEqual(await restrictedImportErrors(file, code), []);
  });
}

test('lint allows what the module map allows', async () => {
  assert.deepEqual(await restrictedImportErrors('app/main/electron/probe.ts', "import { app } from 'electron'; export const a = app;"), []);
  assert.deepEqual(await restrictedImportErrors('app/simulator/logic/probe.ts', "import * as g from 'glass-easel'; export const x = g;"), []);
  assert.deepEqual(await restrictedImportErrors('app/renderer/probe.ts', "import type { Diagnostic } from '../shared/diagnostic'; export type D = Diagnostic;"), []);
});
