/**
 * What every `kubewise` subcommand shares: the streams it writes to and the exit codes
 * it returns. `run` takes its streams and working directory as arguments so tests
 * drive the CLI in-process; main.ts wires them to the real process.
 */

export interface CliIo {
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  cwd: string;
  readStdin?: () => Promise<string>;
  /** Defaults to process.env; tests pass their own to control NO_COLOR. */
  env?: Readonly<Record<string, string | undefined>>;
}

export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_USAGE_OR_IO = 2;
