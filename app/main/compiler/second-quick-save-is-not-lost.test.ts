// chokidar drops a second 'change' of a file within 50 ms of the first: the watcher must still build the second save.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCompiler, type BuildResult } from './index';
import { smallApp, tempProject, type TempProject } from './test-fixtures';

type Save = (p: TempProject, path: string, text: string) => Promise<void>;

const inPlace: Save = (p, path, text) => writeFile(join(p.dir, path), text);
/** How editors and our own writeFileAtomic save: a temp file in the same folder renamed over the target. */
const viaRename: Save = async (p, path, text) => {
  const target = join(p.dir, path);
  const temp = `${target}.${Math.random().toString(36).slice(2)}.tmp`;
  await writeFile(temp, text);
  await rename(temp, target);
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it holds; a generous deadline, since only the outcome matters, not how fast it came. */
async function eventually(check: () => Promise<boolean>, what: () => Promise<string>): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) assert.fail(`never happened: ${await what()}`);
    await sleep(25);
  }
}

for (const [how, save] of [['in place', inPlace], ['via temp file + rename', viaRename]] as const) {
  test(`two saves of one file a few ms apart (${how}) build the second content`, async () => {
    const p = await tempProject(smallApp());
    const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
    const stop = await compiler.watch(() => undefined);
    try {
      for (const [round, gapMs] of [0, 3, 10, 25, 40].entries()) {
        await save(p, 'pages/b/b.wxml', `<view>first-${round}</view>`);
        await sleep(gapMs);
        await save(p, 'pages/b/b.wxml', `<view>second-${round}</view>`);
        await eventually(
          async () => (await p.read('templates/app.js')).includes(`second-${round}`),
          async () => `round ${round} (gap ${gapMs} ms): the output holds first-${round}: ${(await p.read('templates/app.js')).includes(`first-${round}`)}`,
        );
      }
    } finally {
      await stop();
      compiler.dispose();
      await p.cleanup();
    }
  });

  test(`a save landing right after the first save's rebuild (${how}) is built too`, async () => {
    const p = await tempProject(smallApp());
    const compiler = createCompiler(p.dir, { outDir: p.out, zips: false });
    let onBuilt: ((r: BuildResult) => void) | undefined;
    // a short debounce makes the first rebuild read the file before the second save, inside chokidar's 50 ms window
    const stop = await compiler.watch((r) => onBuilt?.(r), { debounceMs: 1 });
    try {
      for (let round = 0; round < 3; round++) {
        const firstBuilt = new Promise<void>((resolve) => {
          onBuilt = (r) => {
            if (r.changedOutputs.includes('css/pages/a/a.css')) resolve();
          };
        });
        await save(p, 'pages/a/a.wxss', `.a { color: first${round}; }`);
        await firstBuilt;
        onBuilt = undefined;
        await save(p, 'pages/a/a.wxss', `.a { color: second${round}; }`);
        await eventually(
          async () => (await p.read('css/pages/a/a.css')).includes(`second${round}`),
          async () => `round ${round}: css/pages/a/a.css is ${JSON.stringify(await p.read('css/pages/a/a.css'))}`,
        );
      }
    } finally {
      await stop();
      compiler.dispose();
      await p.cleanup();
    }
  });
}
