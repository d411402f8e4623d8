/**
 * The `kubewise` command line: which subcommand, and that subcommand's arguments. The
 * subcommands parse their own options (commands/); this file only dispatches, and
 * answers --help and --version, which win wherever they appear before `--`.
 */
import { COMMANDS, findCommand } from './commands';
import { isUsageProblem, usageProblem } from './commands/command';
import type { CliCommand, UsageProblem } from './commands/command';
import { GLOBAL_OPTIONS, helpOrVersion, parseOptions } from './commands/parseOptions';

/** The parsed arguments of whichever subcommand was named, e.g. CheckArgs. */
export type ParsedCommandArgs = Exclude<ReturnType<(typeof COMMANDS)[number]['parse']>, UsageProblem>;

export type ParsedArgs =
  | ParsedCommandArgs
  /** `command` is set for `kubewise <command> --help`, absent for `kubewise --help`. */
  | { kind: 'help'; command?: string; usage?: string }
  | { kind: 'version' }
  | (UsageProblem & { command?: string });

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [name, ...rest] = argv;
  const command = findCommand(name);
  if (!command) return parseWithoutCommand(argv);
  const early = helpOrVersion(rest);
  if (early === 'help') {
    const usage = command.helpFor?.(rest);
    return usage === undefined ? { kind: 'help', command: command.name } : { kind: 'help', command: command.name, usage };
  }
  if (early === 'version') return { kind: 'version' };
  const parsed = command.parse(rest);
  if (isUsageProblem(parsed)) return { ...parsed, command: command.name };
  // The cast restores what findCommand's CliCommand type forgot: the command came from COMMANDS.
  return parsed as ParsedCommandArgs;
}

/** No known subcommand first: only --help, --version, or a usage error. */
function parseWithoutCommand(argv: readonly string[]): ParsedArgs {
  const early = helpOrVersion(argv);
  if (early) return { kind: early };
  const [first] = argv;
  if (first === undefined) return usageProblem('missing command');
  if (!first.startsWith('-')) return usageProblem(`unknown command '${first}'`);
  const parsed = parseOptions(argv, GLOBAL_OPTIONS);
  return parsed.kind === 'usageError' ? parsed : usageProblem('missing command');
}

/** `kubewise <command> --help` for a command, else the overview that lists them all. */
export function usageOf(commandName: string | undefined): string {
  return findCommand(commandName)?.usage ?? overview(COMMANDS);
}

function overview(commands: readonly CliCommand[]): string {
  const synopses = commands.map((command, index) => `${index === 0 ? 'Usage: ' : '       '}${command.synopsis}`);
  const width = Math.max(...commands.map((command) => command.name.length));
  const list = commands.map((command) => `  ${command.name.padEnd(width)}   ${command.summary}`);
  return `${synopses.join('\n')}

Commands:
${list.join('\n')}

Options:
  -h, --help   Show this help; "kubewise <command> --help" shows a command's options
  --version    Show the Kubewise version
`;
}
