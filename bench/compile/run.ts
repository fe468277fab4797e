// The compile benchmark (`npm run bench:compile`): synthetic projects of N pages compiled by our compiler
// (cold CLI build; in-process rebuild after a one-file WXML / WXSS / JS edit) and by two peers on the same
// files: WeChat's native wcc+wcsc and miniprogram-ci's getCompiledResult (swc and babel). Runs alternate between
// tools; medians of R runs, peak RSS, ratios. Writes .bench/compile-results.json. Options:
//   --sizes 50,500   --runs 5   --no-ci (skip miniprogram-ci)   --no-babel (skip its babel mode)
//   --tmpfs (also our cold build writing to /dev/shm: how much of it is disk)   --results <file>
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateProject, type GeneratedProject } from './generate-project';
import { measure, median } from './measure';
import { runWechatCompilers } from './wechat-compilers';

const root = fileURLToPath(new URL('../../', import.meta.url));
const benchDir = join(root, '.bench');
const peersDir = join(benchDir, 'peers');
const workDir = join(benchDir, 'work');
const PEERS = ['miniprogram-ci@2.1.42', 'miniprogram-compiler@0.2.3'];

const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (option('--sizes') ?? '50,500').split(',').map(Number);
const runs = Number(option('--runs') ?? 5);
const withCi = !argv.includes('--no-ci');
const withBabel = withCi && !argv.includes('--no-babel');
const withTmpfs = argv.includes('--tmpfs');
const resultsFile = option('--results');

type Tool = 'ours-cold' | 'ours-cold-tmpfs' | 'ours-rebuild' | 'wcc+wcsc' | 'ci-swc' | 'ci-babel';
interface Sample {
  wallMs: number;
  peakRssMb: number;
  /** CPU time of the process (GNU time's user + system), all its threads and waited-for children. */
  cpuMs: number;
  /** Time the tool itself reports, without process start-up. */
  innerMs?: number;
  rebuildMs?: { wxml: number; wxss: number; js: number };
  /** Our compiler's phase times (ms) of the build and of each rebuild. */
  /** The machine's 1-minute load average when the sample ended (the machine may be shared). */
  load1?: number;
  timings?: { build: Readonly<Record<string, number>>; wxml: Readonly<Record<string, number>>; wxss: Readonly<Record<string, number>>; js: Readonly<Record<string, number>> };
}

function ensurePeers(): string {
  const wccDir = join(peersDir, 'node_modules', 'miniprogram-compiler', 'bin', 'linux');
  const ciDir = join(peersDir, 'node_modules', 'miniprogram-ci');
  if (!existsSync(join(wccDir, 'wcc')) || !existsSync(ciDir)) {
    console.log(`installing the peers into .bench/peers: ${PEERS.join(', ')} (once; about a minute)`);
    mkdirSync(peersDir, { recursive: true });
    writeFileSync(join(peersDir, 'package.json'), JSON.stringify({ name: 'ministudio-bench-peers', private: true }) + '\n');
    const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PEERS], { cwd: peersDir, stdio: 'inherit' });
    if (npm.status !== 0) throw new Error('npm install of the benchmark peers failed');
  }
  for (const tool of ['wcc', 'wcsc']) chmodSync(join(wccDir, tool), 0o755);
  return wccDir;
}

function freshCopy(project: GeneratedProject, name: string): string {
  const target = join(workDir, name);
  rmSync(target, { recursive: true, force: true });
  cpSync(project.dir, target, { recursive: true });
  return target;
}

async function oursCold(project: GeneratedProject, run: number, outBase = workDir): Promise<Sample> {
  const out = join(outBase, `ours-out-${run}`);
  rmSync(out, { recursive: true, force: true });
  const m = await measure(process.execPath, [join(root, 'bin', 'ministudio.js'), 'build', project.dir, '--out', out, '--no-zip', '--json']);
  const result = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as { ok: boolean; errors: number; durationMs: number };
  if (!result.ok) throw new Error(`ministudio build failed on the benchmark project: ${result.errors} errors`);
  rmSync(out, { recursive: true, force: true });
  return { wallMs: m.wallMs, peakRssMb: m.peakRssMb, cpuMs: m.cpuMs, innerMs: result.durationMs };
}

async function oursRebuild(project: GeneratedProject, run: number): Promise<Sample> {
  const copy = freshCopy(project, `ours-rebuild-${run}`);
  const out = join(workDir, `ours-rebuild-out-${run}`);
  const t = project.editTargets;
  const m = await measure(process.execPath, ['--import', 'tsx', join(root, 'bench', 'compile', 'ours-incremental.ts'), copy, out, t.wxml, t.wxss, t.js, '1'], { cwd: root });
  type Phases = Readonly<Record<string, number>>;
  const result = JSON.parse(m.stdout.trim().split('\n').at(-1)!) as {
    buildMs: number;
    rebuildMs: Record<'wxml' | 'wxss' | 'js', number[]>;
    buildTimings: Phases;
    rebuildTimings: Record<'wxml' | 'wxss' | 'js', Phases[]>;
  };
  rmSync(copy, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
  return {
    wallMs: m.wallMs,
    peakRssMb: m.peakRssMb,
    cpuMs: m.cpuMs,
    innerMs: result.buildMs,
    rebuildMs: { wxml: result.rebuildMs.wxml[0]!, wxss: result.rebuildMs.wxss[0]!, js: result.rebuildMs.js[0]! },
    timings: { build: result.buildTimings, wxml: result.rebuildTimings.wxml[0]!, wxss: result.rebuildTimings.wxss[0]!, js: result.rebuildTimings.js[0]! },
  };
}

async function wechat(binDir: string, project: GeneratedProject, run: number): Promise<Sample> {
  const scratch = join(workDir, `wechat-${run}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  const r = await runWechatCompilers(binDir, project.dir, scratch);
  rmSync(scratch, { recursive: true, force: true });
  return { wallMs: r.wallMs, peakRssMb: r.peakRssMb, cpuMs: r.cpuMs };
}

async function miniprogramCi(project: GeneratedProject, mode: 'swc' | 'babel', run: number): Promise<Sample> {
  const copy = freshCopy(project, `ci-${mode}-${run}`);
  // miniprogram-ci keeps a compile cache in its working directory: a fresh one keeps every run cold
  const cwd = join(workDir, `ci-cwd-${mode}-${run}`);
  rmSync(cwd, { recursive: true, force: true });
  mkdirSync(cwd, { recursive: true });
  const t = project.editTargets;
  const env = { ...process.env, NODE_OPTIONS: `--require ${join(root, 'bench', 'compile', 'offline-guard.cjs')}` };
  const m = await measure(process.execPath, [join(root, 'bench', 'compile', 'peer-miniprogram-ci.mjs'), copy, mode, t.wxml, t.wxss, t.js], { cwd, env });
  const result = JSON.parse(m.stdout.trim().split('\n').filter((l) => l.startsWith('{')).at(-1)!) as { coldMs: number; rebuildMs: Record<'wxml' | 'wxss' | 'js', number> };
  rmSync(copy, { recursive: true, force: true });
  rmSync(cwd, { recursive: true, force: true });
  return { wallMs: m.wallMs, peakRssMb: m.peakRssMb, cpuMs: m.cpuMs, innerMs: result.coldMs, rebuildMs: result.rebuildMs };
}

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`);
const ratio = (a: number, b: number): string => `${(a / b).toFixed(a / b >= 10 ? 0 : 2)}×`;

async function main(): Promise<void> {
  const wccDir = ensurePeers();
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('npm run build failed');
  mkdirSync(workDir, { recursive: true });

  const tools: Tool[] = ['ours-cold', ...(withTmpfs ? (['ours-cold-tmpfs'] as Tool[]) : []), 'wcc+wcsc', 'ours-rebuild', ...(withCi ? (['ci-swc'] as Tool[]) : []), ...(withBabel ? (['ci-babel'] as Tool[]) : [])];
  const results: Record<string, Record<string, Sample[]>> = {};
  for (const size of sizes) {
    const project = generateProject(join(benchDir, 'projects', `pages-${size}`), size);
    console.log(`\n${size} pages (${project.components.length} components, ${project.fileCount} files): ${runs} runs of ${tools.join(', ')}`);
    const samples: Record<string, Sample[]> = Object.fromEntries(tools.map((t) => [t, []]));
    for (let run = 0; run < runs; run++) {
      // rotate the order every run so that no tool always runs first (cold disk cache) or last
      const order = tools.map((_, i) => tools[(i + run) % tools.length]!);
      for (const tool of order) {
        const sample =
          tool === 'ours-cold' ? await oursCold(project, run)
          : tool === 'ours-cold-tmpfs' ? await oursCold(project, run, '/dev/shm')
          : tool === 'ours-rebuild' ? await oursRebuild(project, run)
          : tool === 'wcc+wcsc' ? await wechat(wccDir, project, run)
          : await miniprogramCi(project, tool === 'ci-swc' ? 'swc' : 'babel', run);
        sample.load1 = loadavg()[0]!;
        samples[tool]!.push(sample);
        const rebuild = sample.rebuildMs ? `, rebuild wxml ${fmt(sample.rebuildMs.wxml)} wxss ${fmt(sample.rebuildMs.wxss)} js ${fmt(sample.rebuildMs.js)}` : '';
        console.log(`  run ${run + 1} ${tool.padEnd(12)} ${fmt(sample.wallMs).padStart(9)} wall${sample.innerMs !== undefined ? `, ${fmt(sample.innerMs)} inside` : ''}, ${fmt(sample.cpuMs)} CPU, ${sample.peakRssMb.toFixed(0)} MB${rebuild}, load ${sample.load1.toFixed(1)}`);
      }
    }
    results[size] = samples;
  }
  report(results, tools);
}

interface Row {
  size: number;
  tool: Tool;
  wallMs: number;
  innerMs: number | null;
  cpuMs: number;
  peakRssMb: number;
  rebuildMs: { wxml: number; wxss: number; js: number } | null;
}

function report(results: Record<string, Record<string, Sample[]>>, tools: Tool[]): void {
  const rows: Row[] = [];
  for (const [size, samples] of Object.entries(results)) {
    for (const tool of tools) {
      const s = samples[tool]!;
      const inner = s.filter((x) => x.innerMs !== undefined).map((x) => x.innerMs!);
      const rebuilds = s.filter((x) => x.rebuildMs).map((x) => x.rebuildMs!);
      rows.push({
        size: Number(size),
        tool,
        wallMs: median(s.map((x) => x.wallMs)),
        innerMs: inner.length ? median(inner) : null,
        cpuMs: median(s.map((x) => x.cpuMs)),
        peakRssMb: Math.max(...s.map((x) => x.peakRssMb)),
        rebuildMs: rebuilds.length ? { wxml: median(rebuilds.map((r) => r.wxml)), wxss: median(rebuilds.map((r) => r.wxss)), js: median(rebuilds.map((r) => r.js)) } : null,
      });
    }
  }
  const lines = [
    `| pages | tool | cold build (wall, median of ${runs}) | inside the process | CPU (user+sys) | rebuild WXML / WXSS / JS | peak RSS |`,
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const rebuild = r.rebuildMs ? `${fmt(r.rebuildMs.wxml)} / ${fmt(r.rebuildMs.wxss)} / ${fmt(r.rebuildMs.js)}` : '—';
    const wall = r.tool === 'ours-rebuild' ? `(${fmt(r.wallMs)} process)` : fmt(r.wallMs);
    lines.push(`| ${r.size} | ${r.tool} | ${wall} | ${r.innerMs === null ? '—' : fmt(r.innerMs)} | ${fmt(r.cpuMs)} | ${rebuild} | ${r.peakRssMb.toFixed(0)} MB |`);
  }
  const verdicts: string[] = [];
  for (const size of Object.keys(results).map(Number)) {
    const row = (tool: Tool) => rows.find((r) => r.size === size && r.tool === tool);
    const cold = row('ours-cold')!;
    const wechatRow = row('wcc+wcsc')!;
    const rebuild = row('ours-rebuild')!;
    verdicts.push(`${size} pages: our cold build is ${ratio(wechatRow.wallMs, cold.wallMs)} as fast as wcc+wcsc (target ≥ 2× at 500); in CPU time ${ratio(wechatRow.cpuMs, cold.cpuMs)}`);
    for (const tool of ['ci-swc', 'ci-babel'] as const) {
      const ci = row(tool);
      if (ci) verdicts.push(`${size} pages: our cold build is ${ratio(ci.wallMs, cold.wallMs)} as fast as miniprogram-ci ${tool.slice(3)} (target ≥ 20× at 500); its one-file recompile ${fmt(Math.max(...Object.values(ci.rebuildMs!)))} vs ours ${fmt(Math.max(...Object.values(rebuild.rebuildMs!)))}`);
    }
    const worst = Math.max(...Object.values(rebuild.rebuildMs!));
    verdicts.push(`${size} pages: our slowest one-file rebuild ${fmt(worst)} (target ≤ 50 ms at 500)`);
    const phases = results[size]!['ours-rebuild']!.map((x) => x.timings).filter((x) => x !== undefined);
    for (const which of ['build', 'wxml', 'wxss', 'js'] as const) {
      const names = Object.keys(phases[0]?.[which] ?? {});
      const text = names.map((n) => `${n} ${fmt(median(phases.map((p) => p[which][n] ?? 0)))}`).join(', ');
      if (text) verdicts.push(`${size} pages: our ${which === 'build' ? 'in-process build' : `${which} rebuild`} by phase (medians): ${text}`);
    }
  }
  const loads = Object.values(results).flatMap((bySize) => Object.values(bySize).flat().map((x) => x.load1 ?? 0));
  verdicts.push(`load average (1 min) during the samples: ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}, median ${median(loads).toFixed(1)} (${cpus().length} cores)`);
  console.log(`\n${lines.join('\n')}\n\n${verdicts.join('\n')}`);
  const file = resultsFile ?? join(benchDir, 'compile-results.json');
  writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version }, runs, rows, verdicts, samples: results }, null, 2) + '\n',
  );
  console.log(`\nwrote ${file}`);
}

await main();
