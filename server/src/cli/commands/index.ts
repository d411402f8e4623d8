/**
 * Every `kubewise` subcommand, in the order `kubewise --help` lists them. A new
 * subcommand is one file in this folder exporting a CliCommand, and one entry here.
 */
import { checkCommand } from './check';
import { sizeCommand } from './size';
import type { CliCommand } from './command';

export const COMMANDS = [checkCommand, sizeCommand] as const satisfies readonly CliCommand[];

export function findCommand(name: string | undefined): CliCommand | undefined {
  return COMMANDS.find((command) => command.name === name);
}
