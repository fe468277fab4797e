#!/usr/bin/env node
// Fetches the real-world compiler corpus into the git-ignored `.corpus/` (third-party code is never committed):
// three runnable example apps, four component libraries, WeChat's own wcc/wcsc (the oracle), and the gallery app.
// Idempotent: does nothing when `.corpus/manifest.json` already records the same corpus. `--force` refetches.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
// MINISTUDIO_CORPUS_DIR puts it elsewhere (a CI cache); the tests read the same variable
const corpus = process.env.MINISTUDIO_CORPUS_DIR ? resolve(process.env.MINISTUDIO_CORPUS_DIR) : join(root, '.corpus');
const manifestPath = join(corpus, 'manifest.json');
const CORPUS_VERSION = 1;

/** Runnable mini-programs: `project` is the folder holding app.json inside the package. */
const APPS = [
  { name: 'wux-weapp', spec: 'wux-weapp@3.11.3', project: 'example', pages: 97 },
  { name: 'weui-wxss', spec: 'weui-wxss@2.6.26', project: 'dist', pages: 58 },
  { name: 'wux', spec: 'wux@2.0.3', project: 'dist', pages: 24 },
];
/** Component libraries: `root` is the package's `miniprogram` folder, `tagPrefix` names their tags in the gallery. */
const LIBRARIES = [
  { name: 'tdesign-miniprogram', spec: 'tdesign-miniprogram@1.16.0', root: 'miniprogram_dist', tagPrefix: 't' },
  { name: '@vant/weapp', spec: '@vant/weapp@1.11.7', root: 'lib', tagPrefix: 'van' },
  { name: 'weui-miniprogram', spec: 'weui-miniprogram@1.5.6', root: 'miniprogram_dist', tagPrefix: 'mp' },
  { name: 'antd-mini', spec: 'antd-mini@3.4.3', root: 'compiled/wechat/src', tagPrefix: 'ant' },
];
const ORACLE = { name: 'miniprogram-compiler', spec: 'miniprogram-compiler@0.2.3' };

const wanted = JSON.stringify({ CORPUS_VERSION, APPS, LIBRARIES, ORACLE });
if (!process.argv.includes('--force') && existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  if (manifest.fingerprint === wanted) {
    console.log(`corpus: up to date in ${relative(root, corpus) || '.'} (use --force to refetch)`);
    process.exit(0);
  }
}

const started = Date.now();
const step = (message) => console.log(`corpus: ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr || result.error}`);
  }
  return result.stdout;
}

/** `name@1.2.3` → the folder name under .corpus/packages (`@vant/weapp` → `vant-weapp`). */
const folderOf = (name) => name.replace(/^@/, '').replace('/', '-');

// only what this script writes: other tools keep their own folders in .corpus/
for (const owned of ['manifest.json', 'packages', 'gallery', 'tarballs', 'results']) rmSync(join(corpus, owned), { recursive: true, force: true });
const tarballs = join(corpus, 'tarballs');
mkdirSync(tarballs, { recursive: true });
const everything = [...APPS, ...LIBRARIES, ORACLE];
// one npm process packs them all: far quicker than one per package
const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', tarballs, ...everything.map((p) => p.spec)], { cwd: corpus }));
step(`downloaded ${packed.length} packages`);
for (const [index, pkg] of everything.entries()) {
  const target = join(corpus, 'packages', folderOf(pkg.name));
  mkdirSync(target, { recursive: true });
  run('tar', ['xzf', join(tarballs, packed[index].filename), '-C', target, '--strip-components=1']);
}
rmSync(tarballs, { recursive: true, force: true });

const oracleBin = join(corpus, 'packages', folderOf(ORACLE.name), 'bin', 'linux');
for (const tool of ['wcc', 'wcsc']) chmodSync(join(oracleBin, tool), 0o755);
step('unpacked; wcc/wcsc made executable');

// The gallery app: the four libraries installed from npm like a user would, then one page per component.
const gallery = join(corpus, 'gallery');
mkdirSync(gallery, { recursive: true });
const dependencies = Object.fromEntries(LIBRARIES.map((l) => [l.name, l.spec.slice(l.spec.lastIndexOf('@') + 1)]));
writeFileSync(join(gallery, 'package.json'), JSON.stringify({ name: 'ministudio-gallery', private: true, dependencies }, null, 2) + '\n');
run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', '--loglevel=error'], { cwd: gallery });
step(`installed the component libraries into ${relative(root, gallery)}/node_modules`);
run(process.execPath, [join(root, 'scripts', 'gallery-generate.mjs'), gallery], { stdio: 'inherit' });
step('generated the gallery app');

const countFiles = (dir, extension) => {
  let count = 0;
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) count += name === 'node_modules' ? 0 : countFiles(full, extension);
    else if (name.endsWith(extension)) count += 1;
  }
  return count;
};

const manifest = {
  fingerprint: wanted,
  fetchedAt: new Date().toISOString(),
  apps: APPS.map((a) => {
    const dir = join(corpus, 'packages', folderOf(a.name), a.project);
    const appJson = JSON.parse(readFileSync(join(dir, 'app.json'), 'utf8'));
    if (appJson.pages.length !== a.pages) throw new Error(`${a.spec}: expected ${a.pages} pages, found ${appJson.pages.length}`);
    return { name: a.name, spec: a.spec, dir: relative(root, dir), pages: appJson.pages.length };
  }),
  libraries: LIBRARIES.map((l) => ({
    name: l.name,
    spec: l.spec,
    tagPrefix: l.tagPrefix,
    dir: relative(root, join(corpus, 'packages', folderOf(l.name), l.root)),
  })),
  gallery: { dir: relative(root, gallery) },
  oracle: { spec: ORACLE.spec, wcc: relative(root, join(oracleBin, 'wcc')), wcsc: relative(root, join(oracleBin, 'wcsc')) },
};
for (const entry of [...manifest.apps, ...manifest.libraries]) {
  const dir = join(root, entry.dir);
  entry.wxml = countFiles(dir, '.wxml');
  entry.wxss = countFiles(dir, '.wxss');
}
writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
step(`wrote ${relative(root, manifestPath)}`);
