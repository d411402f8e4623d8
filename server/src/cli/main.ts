#!/usr/bin/env node
/**
 * The `kubewise` command line: parses the arguments and runs the subcommand. `run`
 * takes its streams and working directory as arguments so tests drive it in-process;
 * the bootstrap at the bottom wires it to the real process.
 */
import { parseArgs, usageOf } from './args';
import { findCommand } from './commands';
import { EXIT_OK, EXIT_USAGE_OR_IO } from './commands/command';
import type { CliIo } from './commands/command';
import { kubewiseVersion } from './version';

export type { CliIo } from './commands/command';

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(parsed.usage ?? usageOf(parsed.command));
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${kubewiseVersion()}\n`);
      return EXIT_OK;
    case 'usageError':
      io.stderr.write(`kubewise: ${parsed.message}\n\n${usageOf(parsed.command)}`);
      return EXIT_USAGE_OR_IO;
    default: {
      const command = findCommand(parsed.kind);
      if (!command) throw new Error(`no subcommand '${parsed.kind}' in the table, yet it parsed arguments`);
      return command.run(parsed, io);
    }
  }
}

if (require.main === module) {
  // Stacks in an internal error then name the TypeScript file and line, not dist/cli.js.
  process.setSourceMapsEnabled(true);
  run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }).then(
    (code) => {
      // exitCode, not exit(): exit() can cut off output still buffered for a pipe.
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `kubewise: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = EXIT_USAGE_OR_IO;
    },
  );
}
