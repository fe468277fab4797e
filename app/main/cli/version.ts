import { readFileSync } from 'node:fs';
import { appRoot } from '../app-root';

let cached: string | undefined;

export function appVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(`${appRoot()}/package.json`, 'utf8')) as { version: string };
    cached = pkg.version;
  }
  return cached;
}
