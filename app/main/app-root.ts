import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** The installed app's root folder (the one with package.json, out/ and resources/), from source or from out/. */
export function appRoot(): string {
  if (cached !== undefined) return cached;
  let dir = typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'resources'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Mini Studio: cannot find the app root (package.json + resources/)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

export function resourcesDir(): string {
  return join(appRoot(), 'resources');
}

/** The bundled example project `npm start` opens. */
export function exampleProjectDir(): string {
  return join(resourcesDir(), 'templates', 'example');
}
