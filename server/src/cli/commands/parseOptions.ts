/**
 * Options parsing shared by the subcommands: Node's util.parseArgs in strict mode,
 * with its errors told in Kubewise's words ("unknown option '--fix'") rather than
 * Node's, which name the option differently per error and suggest `--` for typos.
 */
import { parseArgs } from 'node:util';
import { usageProblem } from './command';
import type { UsageProblem } from './command';

/**
 * The util.parseArgs option shapes the commands use: one value each and no defaults,
 * which a command applies itself so that "given" and "defaulted" stay apart.
 */
export type OptionsConfig = Readonly<Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>>;

/** What strict parsing gives for OptionsConfig: a string (every one given, for `multiple`) or true for each option given. */
export type OptionValues<Options extends OptionsConfig> = {
  [Name in keyof Options]?: Options[Name]['type'] extends 'string'
    ? Options[Name]['multiple'] extends true
      ? string[]
      : string
    : boolean;
};

export interface ParsedOptions<Options extends OptionsConfig> {
  kind: 'options';
  values: OptionValues<Options & typeof GLOBAL_OPTIONS>;
  positionals: string[];
}

/** Accepted before or after any subcommand; the dispatcher acts on them before parsing the rest. */
export const GLOBAL_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const satisfies OptionsConfig;

/**
 * Parses `args` strictly: unknown options, missing or empty values and values that look
 * like an option (`--config --format`; write `--config=--format` to mean it) are usage
 * problems.
 * `--` ends the options; `-` is an ordinary positional (standard input, by convention).
 */
export function parseOptions<const Options extends OptionsConfig>(
  args: readonly string[],
  options: Options,
): ParsedOptions<Options> | UsageProblem {
  const config = { args: [...args], options: { ...GLOBAL_OPTIONS, ...options }, strict: true, allowPositionals: true };
  try {
    const { values, positionals } = parseArgs(config);
    // An empty inline value (`--config=`) is as missing as no value at all.
    for (const [name, value] of Object.entries(values)) {
      if (value === '' || (Array.isArray(value) && value.includes(''))) return usageProblem(`option '--${name}' needs a value`);
    }
    return { kind: 'options', values: values as ParsedOptions<Options>['values'], positionals };
  } catch (error) {
    if (!isParseArgsError(error)) throw error;
    return usageProblem(describeRejection(config.args, config.options) ?? lowerFirst(error.message.split('\n')[0] ?? ''));
  }
}

/**
 * Finds the option strict parsing rejected by walking the tokens of a lenient parse,
 * which accepts everything and says what each argument was taken to be.
 */
function describeRejection(args: string[], options: OptionsConfig): string | undefined {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (option === undefined) return `unknown option '${token.rawName}'`;
    if (option.type === 'boolean') {
      if (token.value !== undefined) return `option '${token.rawName}' takes no value`;
    } else if (token.value === undefined) {
      return `option '${token.rawName}' needs a value`;
    } else if (!token.inlineValue && looksLikeOption(token.value)) {
      return `option '${token.rawName}' needs a value (for one that starts with '-', write ${token.rawName}=${token.value})`;
    }
  }
  return undefined;
}

/**
 * Whether --help or --version appears among the options, whatever else is wrong with
 * them, so that `kubewise check --help` helps instead of complaining about missing
 * paths. After `--` they are file names.
 */
export function helpOrVersion(args: readonly string[]): 'help' | 'version' | undefined {
  // Lenient and without the command's options, so `--config --help` still asks for help.
  const { values } = parseArgs({ args: [...args], options: GLOBAL_OPTIONS, strict: false, allowPositionals: true });
  if (values.help === true) return 'help';
  if (values.version === true) return 'version';
  return undefined;
}

function looksLikeOption(value: string): boolean {
  return value.length > 1 && value.startsWith('-');
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS_');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
