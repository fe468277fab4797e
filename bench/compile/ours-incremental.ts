// Child process of the compile benchmark: builds a project once through the incremental API, then times
// `rebuild([file])` after real one-file edits (WXML, WXSS, JS in turn). Prints one JSON line.
// Usage: node --import tsx bench/compile/ours-incremental.ts <project> <outDir> <wxml> <wxss> <js> <rounds> [--profile dir]
// `--profile dir` writes CPU profiles of the first build and of the rebuilds (build.cpuprofile, rebuilds.cpuprofile);
// `--no-worker` compiles templates on this thread. `rebuildCpuMs` is the process's CPU time (all threads) per
// rebuild: unlike wall time, it hardly depends on how loaded the machine is.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { createCompiler } from '../../app/main/compiler/index';

type EditKind = 'wxml' | 'wxss' | 'js';

const [projectDir, outDir, wxml, wxss, js, roundsText] = process.argv.slice(2);
if (!projectDir || !outDir || !wxml || !wxss || !js) {
  console.error('usage: ours-incremental.ts <project> <outDir> <wxml> <wxss> <js> <rounds>');
  process.exit(2);
}
const rounds = Number(roundsText ?? 5);
const profileFlag = process.argv.indexOf('--profile');
const profileDir = profileFlag >= 0 ? process.argv[profileFlag + 1] : undefined;
const session = profileDir ? new Session() : undefined;
if (session) {
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
}
const startProfile = async (): Promise<void> => {
  if (session) await session.post('Profiler.start');
};
const stopProfile = async (name: string): Promise<void> => {
  if (!session || !profileDir) return;
  const { profile } = await session.post('Profiler.stop');
  mkdirSync(profileDir, { recursive: true });
  writeFileSync(join(profileDir, `${name}.cpuprofile`), JSON.stringify(profile));
};
const files: Record<EditKind, string> = { wxml, wxss, js };
const edit: Record<EditKind, (round: number) => string> = {
  wxml: (round) => `\n<view class="edited-${round}">edited {{${round}}}</view>\n`,
  wxss: (round) => `\n.edited-${round} { margin: ${round}rpx; }\n`,
  js: (round) => `\nconsole.log('edited ${round}');\n`,
};

const compiler = createCompiler(projectDir, { outDir, zips: false, templateWorker: !process.argv.includes('--no-worker') });
await startProfile();
let started = performance.now();
const first = await compiler.build();
const buildMs = performance.now() - started;
await stopProfile('build');
if (!first.ok) {
  console.error(first.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.file}:${d.line}:${d.column} ${d.message}`).join('\n'));
  process.exit(1);
}
const rebuildMs: Record<EditKind, number[]> = { wxml: [], wxss: [], js: [] };
const rebuildTimings: Record<EditKind, Readonly<Record<string, number>>[]> = { wxml: [], wxss: [], js: [] };
const rebuildCpuMs: Record<EditKind, number[]> = { wxml: [], wxss: [], js: [] };
await startProfile();
for (let round = 0; round < rounds; round++) {
  for (const kind of ['wxml', 'wxss', 'js'] as const) {
    appendFileSync(join(projectDir, files[kind]), edit[kind](round));
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    const result = await compiler.rebuild([files[kind]]);
    rebuildMs[kind].push(performance.now() - started);
    const cpu = process.cpuUsage(cpuBefore);
    rebuildCpuMs[kind].push((cpu.user + cpu.system) / 1000);
    rebuildTimings[kind].push(result.timings);
    // a rebuild that wrote nothing did not do the work being timed
    if (!result.ok || result.changedOutputs.length === 0) {
      console.error(`rebuild after a ${kind} edit: ok=${result.ok}, ${result.changedOutputs.length} outputs changed`);
      process.exit(1);
    }
  }
}
await stopProfile('rebuilds');
compiler.dispose();
console.log(JSON.stringify({ buildMs, reportedBuildMs: first.durationMs, buildTimings: first.timings, rebuildMs, rebuildCpuMs, rebuildTimings }));
