/**
 * What every `kubewise` subcommand shares: the streams it writes to, the exit codes it
 * returns and the shape the subcommand table in index.ts holds. `run` takes its
 * streams and working directory as arguments so tests drive the CLI in-process;
 * main.ts wires them to the real process.
 */

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  /** `isTTY` and `columns` decide whether and how wide `check` draws its progress bar. */
  stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  cwd: string;
  readStdin?: () => Promise<string>;
  /** Defaults to process.env; tests pass their own to control NO_COLOR. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;

/** A command line that cannot run, in words for the user; the CLI exits 2 with the usage. */
export interface UsageProblem {
  kind: 'usageError';
  message: string;
}

export function usageProblem(message: string): UsageProblem {
  return { kind: 'usageError', message };
}

export function isUsageProblem(parsed: CommandArgs | UsageProblem): parsed is UsageProblem {
  return parsed.kind === 'usageError';
}

/** A subcommand's arguments once parsed; `kind` is the subcommand's name. */
export interface CommandArgs {
  kind: string;
}

export interface CliCommand<Args extends CommandArgs = CommandArgs> {
  name: Args['kind'];
  /** One line for the command list of `kubewise --help`. */
  summary: string;
  /** `kubewise <name> ...`, the first line of the usage. */
  synopsis: string;
  /** The whole of `kubewise <name> --help`, starting with `Usage: <synopsis>`. */
  usage: string;
  /** `--help` after these arguments, when it depends on them (`size pods --help`); else `usage`. */
  helpFor?(args: readonly string[]): string | undefined;
  /** The arguments after the command name, without --help and --version, which the dispatcher handles. */
  parse(args: readonly string[]): Args | UsageProblem;
  // Method syntax on purpose: it lets the table hold commands of different Args as
  // CliCommand, and the dispatcher only passes a command the arguments it parsed.
  run(args: Args, io: CliIo): Promise<number>;
}
