#!/usr/bin/env node
// The `ministudio` command: runs the built CLI (npm run build makes out/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.mjs', import.meta.url));
if (!existsSync(cli)) {
  console.error('Mini Studio is not built yet: run `npm run build` in ' + fileURLToPath(new URL('..', import.meta.url)));
  process.exit(2);
}
const { main } = await import(pathToFileURL(cli).href);
process.exitCode = await main(process.argv.slice(2));
