// Peer for the compile benchmark: WeChat's own native compilers (wcc for WXML+WXS, wcsc for WXSS, from the
// miniprogram-compiler package) compiling a whole project the way WeChat DevTools calls them: arguments in a
// `--config-path` file, `./`-prefixed paths relative to the project.
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { measure } from './measure';

export interface WechatCompileRun {
  readonly wallMs: number;
  readonly wccMs: number;
  readonly wcscMs: number;
  readonly peakRssMb: number;
  readonly cpuMs: number;
}

function listFiles(dir: string, extension: string, base = dir): string[] {
  const found: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (name !== 'node_modules' && !name.startsWith('.')) found.push(...listFiles(full, extension, base));
    } else if (name.endsWith(extension)) found.push(relative(base, full).split('\\').join('/'));
  }
  return found;
}

function readJson(path: string): { usingComponents?: Record<string, string> } | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { usingComponents?: Record<string, string> };
  } catch {
    return undefined;
  }
}

/** Writes the two argument files for a project; returns their paths. */
export function writeWechatArgs(projectDir: string, scratchDir: string): { wccArgs: string; wcscArgs: string } {
  const wxml = listFiles(projectDir, '.wxml');
  const wxs = listFiles(projectDir, '.wxs');
  // `-cc`: "<count> <file> <n> <tag>… …" — which custom components each page/component uses
  const usage: string[] = [];
  let users = 0;
  for (const file of wxml) {
    const using = readJson(join(projectDir, file.replace(/\.wxml$/, '.json')))?.usingComponents;
    if (!using) continue;
    users++;
    usage.push(`./${file}`, String(Object.keys(using).length), ...Object.keys(using));
  }
  const wccArgs = ['-d', '-cc', [users, ...usage].join(' '), ...wxml.map((f) => `./${f}`), ...wxs.map((f) => `./${f}`), '-gn', '$gwx'];

  // `-pc N`: the first N files are page/component styles (they have a json), the rest are imported or global
  const wxss = listFiles(projectDir, '.wxss');
  const scoped = wxss.filter((f) => existsSync(join(projectDir, f.replace(/\.wxss$/, '.json'))));
  const rest = wxss.filter((f) => !scoped.includes(f));
  const wcscArgs = ['-db', '-pc', String(scoped.length), ...[...scoped, ...rest].map((f) => `./${f}`)];

  const paths = { wccArgs: join(scratchDir, 'wcc.args'), wcscArgs: join(scratchDir, 'wcsc.args') };
  writeFileSync(paths.wccArgs, wccArgs.join('\n') + '\n');
  writeFileSync(paths.wcscArgs, wcscArgs.join('\n') + '\n');
  return paths;
}

/** One full WXML+WXSS compile of the project with wcc then wcsc, as DevTools runs them. */
export async function runWechatCompilers(binDir: string, projectDir: string, scratchDir: string): Promise<WechatCompileRun> {
  const args = writeWechatArgs(projectDir, scratchDir);
  const wcc = await measure(join(binDir, 'wcc'), ['--config-path', args.wccArgs], { cwd: projectDir, stdoutFile: join(scratchDir, 'wcc.out.js') });
  const wcsc = await measure(join(binDir, 'wcsc'), ['--config-path', args.wcscArgs], { cwd: projectDir, stdoutFile: join(scratchDir, 'wcsc.out.js') });
  return { wallMs: wcc.wallMs + wcsc.wallMs, wccMs: wcc.wallMs, wcscMs: wcsc.wallMs, peakRssMb: Math.max(wcc.peakRssMb, wcsc.peakRssMb), cpuMs: wcc.cpuMs + wcsc.cpuMs };
}
