/**
 * Command-line parsing for `kubewise`. Hand-written rather than a dependency: the
 * surface is one command and five options, and a usage error must exit 2 with our
 * own message, which small parsers make awkward.
 */

import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../service/engine/checkFile';

export type OutputFormat = 'text' | 'json' | 'sarif';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

export interface CheckCommand {
  kind: 'check';
  /** Files, directories, or `-` for standard input, in the order given. */
  paths: string[];
  format: OutputFormat;
  configPath?: string;
  maxFileSizeBytes?: number;
}

export type ParsedArgs = CheckCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'usageError'; message: string };

export const USAGE = `Usage: kubewise check [options] <file|directory|->...

Checks Kubernetes manifests and CNI network configs. Directories are searched
recursively for .yaml, .yml, .json, .conf and .conflist files (node_modules, .git
and hidden directories are skipped; a .conf that is not a CNI config is ignored);
a file named explicitly is always checked; "-" reads YAML from standard input.

Options:
  --format text|json|sarif   Output format (default: text)
  --config <file>            Configuration file (default: .kubewise.yaml in the
                             current directory or the nearest parent)
  --max-file-size-kb <n>     Skip files larger than n KiB (default: ${DEFAULT_MAX_FILE_SIZE_BYTES / 1024})
  --help                     Show this help
  --version                  Show the Kubewise version

Exit codes: 0 no errors, 1 at least one finding at error severity,
2 usage error, unreadable path or invalid configuration.
`;

const OPTIONS_WITH_VALUE = new Set(['--format', '--config', '--max-file-size-kb']);

export function parseArgs(argv: readonly string[]): ParsedArgs {
  // --help and --version win wherever they appear, as in most CLIs, so that
  // `kubewise check --help` helps instead of complaining about missing paths.
  const endOfOptions = argv.indexOf('--');
  const options = endOfOptions >= 0 ? argv.slice(0, endOfOptions) : argv;
  if (options.includes('--help') || options.includes('-h')) return { kind: 'help' };
  if (options.includes('--version')) return { kind: 'version' };

  const [command, ...rest] = argv;
  if (command === undefined) return usageError('missing command');
  if (command !== 'check') return usageError(`unknown command '${command}'`);

  const check: CheckCommand = { kind: 'check', paths: [], format: 'text' };
  let onlyPathsFollow = false;
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index] ?? '';
    if (onlyPathsFollow || arg === '-' || !arg.startsWith('-')) {
      check.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPathsFollow = true;
      continue;
    }
    const equals = arg.indexOf('=');
    const name = equals >= 0 ? arg.slice(0, equals) : arg;
    if (!OPTIONS_WITH_VALUE.has(name)) return usageError(`unknown option '${arg}'`);
    let value: string | undefined;
    if (equals >= 0) {
      value = arg.slice(equals + 1);
    } else {
      value = rest[index + 1];
      index++;
    }
    if (value === undefined || value === '') return usageError(`option '${name}' needs a value`);
    const problem = applyOption(check, name, value);
    if (problem) return usageError(problem);
  }
  if (check.paths.length === 0) return usageError('no files or directories to check');
  return check;
}

/** Returns a usage problem, or undefined when the option was applied. */
function applyOption(check: CheckCommand, name: string, value: string): string | undefined {
  switch (name) {
    case '--format': {
      const format = OUTPUT_FORMATS.find((candidate) => candidate === value);
      if (!format) return `unknown format '${value}' (expected ${OUTPUT_FORMATS.join(', ')})`;
      check.format = format;
      return undefined;
    }
    case '--config':
      check.configPath = value;
      return undefined;
    case '--max-file-size-kb': {
      const kib = Number(value);
      if (!Number.isFinite(kib) || kib <= 0) return `--max-file-size-kb needs a positive number, got '${value}'`;
      check.maxFileSizeBytes = Math.floor(kib * 1024);
      return undefined;
    }
    default:
      return `unknown option '${name}'`;
  }
}

function usageError(message: string): ParsedArgs {
  return { kind: 'usageError', message };
}
