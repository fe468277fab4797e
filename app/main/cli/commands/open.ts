import type { CliCommand } from '../command';

export const openCommand: CliCommand = {
  name: 'open',
  summary: 'open the IDE on a project (Electron, or the browser host with --web)',
  usage: 'Usage: ministudio open [project-dir] [--web] [--port <n>] [--example]',
  async run() {
    console.error('not yet');
    return 1;
  },
};
