// Test helpers: real projects written to fresh temp folders (tests only; not part of the compiler).
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Diagnostic } from '../../shared/diagnostic';

export interface TempProject {
  readonly dir: string;
  readonly out: string;
  write(path: string, content: string | Buffer): Promise<void>;
  read(outPath: string): Promise<string>;
  readBytes(outPath: string): Promise<Buffer>;
  remove(path: string): Promise<void>;
  cleanup(): Promise<void>;
}

export async function tempProject(files: Record<string, string>): Promise<TempProject> {
  const base = await mkdtemp(join(tmpdir(), 'ministudio-compiler-'));
  const dir = join(base, 'project');
  const out = join(base, 'out');
  const write = async (path: string, content: string | Buffer) => {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  };
  await Promise.all(Object.entries(files).map(([p, c]) => write(p, c)));
  return {
    dir,
    out,
    write,
    read: (outPath) => readFile(join(out, outPath), 'utf8'),
    readBytes: (outPath) => readFile(join(out, outPath)),
    remove: (path) => rm(join(dir, path), { recursive: true, force: true }),
    cleanup: () => rm(base, { recursive: true, force: true }),
  };
}

/** `file:line:col code` of each diagnostic, for compact assertions. */
export function where(diagnostics: readonly Diagnostic[], severity?: Diagnostic['severity']): string[] {
  return diagnostics.filter((d) => !severity || d.severity === severity).map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`);
}

/** A minimal valid app: two pages, one component, one util. */
export function smallApp(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'project.config.json': JSON.stringify({ appid: 'wx123', miniprogramRoot: '' }),
    'app.json': JSON.stringify({ pages: ['pages/a/a', 'pages/b/b'], usingComponents: { card: '/components/card/card' } }, null, 2),
    'app.js': "App({ onLaunch() { require('./utils/util'); } });",
    'app.wxss': '.page { color: red; }',
    'utils/util.js': 'module.exports = { twice: (n) => n * 2 };',
    'pages/a/a.json': '{}',
    'pages/a/a.wxml': '<view class="a">{{title}}</view>\n<card text="{{title}}"/>',
    'pages/a/a.js': "const { twice } = require('../../utils/util');\nPage({ data: { title: 'A' + twice(1) } });",
    'pages/a/a.wxss': '.a { color: blue; }',
    'pages/b/b.wxml': '<view>B</view>',
    'pages/b/b.js': 'Page({});',
    'components/card/card.json': '{ "component": true }',
    'components/card/card.wxml': '<view class="card">{{text}}</view>',
    'components/card/card.js': 'Component({ properties: { text: String } });',
    'components/card/card.wxss': '.card { padding: 10rpx; }',
    ...extra,
  };
}
