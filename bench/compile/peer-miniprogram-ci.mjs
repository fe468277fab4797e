#!/usr/bin/env node
// Peer for the compile benchmark: WeChat's miniprogram-ci (installed in .bench/peers) compiling a project
// offline through its Node API, `getCompiledResult`, then again after a one-file edit in the same process.
// The one-file recompiles tell its compiler about the edit the way DevTools' watcher does (`onFileChange`).
// Usage: node bench/compile/peer-miniprogram-ci.mjs <project> <swc|babel> [<wxml> <wxss> <js>]
// Prints one JSON line: { coldMs, rebuildMs: { wxml, wxss, js }, files }. Run it with NODE_OPTIONS
// `--require bench/compile/offline-guard.cjs`: miniprogram-ci tries to reach servicewechat.com.
import { createRequire } from 'node:module';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [projectPath, mode, ...editFiles] = process.argv.slice(2);
if (!projectPath || (mode !== 'swc' && mode !== 'babel')) {
  console.error('usage: peer-miniprogram-ci.mjs <project> <swc|babel> [<file to edit>]');
  process.exit(2);
}
const peers = new URL('../../.bench/peers/', import.meta.url).pathname;
const require = createRequire(join(peers, 'package.json'));
const ci = require('miniprogram-ci');
const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config.js');

// the project's own settings decide swc or babel (miniprogram-ci reads `setting.swc` with useProjectConfig)
const configPath = join(projectPath, 'project.config.json');
const config = JSON.parse(readFileSync(configPath, 'utf8'));
config.setting = { ...config.setting, es6: true, enhance: true, swc: mode === 'swc', disableSWC: mode !== 'swc' };
writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n');

const project = new ci.Project({ appid: 'touristappid', type: 'miniProgram', projectPath, privateKey: 'any', ignores: ['node_modules/**/*'] });
// offline: the project attributes normally fetched from WeChat's servers
project.attr = async () => DefaultProjectAttr;
const options = { project, setting: { useProjectConfig: true }, onProgressUpdate: () => {} };

let started = performance.now();
const result = await ci.getCompiledResult(options);
const coldMs = performance.now() - started;
const { summerCompilerFactory } = require('miniprogram-ci/dist/modules/createSummer.js');
const rebuildMs = {};
const EDITS = { wxml: '\n<view class="edited">edited</view>\n', wxss: '\n.edited { color: red; }\n', js: "\nconsole.log('edited');\n" };
for (const file of editFiles) {
  const kind = file.slice(file.lastIndexOf('.') + 1);
  const marker = `edited-${kind}-${Date.now()}`;
  appendFileSync(join(projectPath, file), EDITS[kind].replace('edited', marker));
  started = performance.now();
  summerCompilerFactory.summerCompiler.onFileChange('change', file);
  const next = await ci.getCompiledResult(options);
  rebuildMs[kind] = performance.now() - started;
  // the recompile must have seen the edit, else it timed a cache hit
  if (!String(next[file] ?? '').includes(marker) && !Object.values(next).some((v) => String(v).includes(marker))) {
    console.error(`miniprogram-ci: the ${kind} edit is not in the recompiled result`);
    process.exit(1);
  }
}
console.log(JSON.stringify({ coldMs, rebuildMs, files: Object.keys(result).length }));
process.exit(0);
