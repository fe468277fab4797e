import type { CliCommand } from './command';
import { commandLoaders, loadAllCommands } from './commands/index';
import { appVersion } from './version';

function helpText(commands: readonly CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: ministudio <command> [options]',
    '',
    'Mini Studio — an IDE for WeChat-syntax mini-programs, also usable headless.',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  --help, -h     show help (also `ministudio <command> --help`)',
    '  --version, -v  print the version',
  ].join('\n');
}

/** Entry point of the `ministudio` command; returns the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    console.log(helpText(await loadAllCommands()));
    return 0;
  }
  if (first === '--version' || first === '-v') {
    console.log(appVersion());
    return 0;
  }
  const loader = commandLoaders.find((c) => c.name === first);
  if (!loader) {
    console.error(`ministudio: unknown command '${first}'. Run 'ministudio --help' for the list.`);
    return 2;
  }
  const command = await loader.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return 0;
  }
  try {
    return await command.run(rest);
  } catch (error) {
    console.error(`ministudio ${command.name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
