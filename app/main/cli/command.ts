/** One `ministudio <name>` sub-command. Each lives in its own file under commands/ and is listed in commands/index.ts. */
export interface CliCommand {
  readonly name: string;
  /** One line for `ministudio --help`. */
  readonly summary: string;
  /** Full usage text for `ministudio <name> --help`. */
  readonly usage: string;
  /** Returns the process exit code. Prints to stdout/stderr itself. */
  run(args: readonly string[]): Promise<number>;
}
