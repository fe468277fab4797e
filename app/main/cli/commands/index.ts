import type { CliCommand } from '../command';
import { buildCommand } from './build';
import { buildNpmCommand } from './build-npm';
import { openCommand } from './open';
import { serveCommand } from './serve';

/** Every `ministudio` sub-command, in the order `--help` lists them. */
export const commands: readonly CliCommand[] = [openCommand, buildCommand, buildNpmCommand, serveCommand];
