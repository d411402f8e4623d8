#!/usr/bin/env node
/**
 * `kubewise check`: the language service on the command line, for CI. `run` takes its
 * streams and working directory as arguments so tests drive it in-process; the
 * bootstrap at the bottom wires it to the real process.
 */
import { parseArgs, USAGE } from './args';
import type { CheckCommand } from './args';
import { checkTargets, toDisplayPath } from './checkTargets';
import { collectFiles } from './collectFiles';
import { formatJson } from './formatters/json';
import { formatSarif } from './formatters/sarif';
import { formatPlainFindings, formatText } from './formatters/text';
import { loadConfig } from './loadConfig';
import { WorkspaceFilter } from '../host/workspaceFiles';
import { resolveRuleOptions } from '../service/config/ruleOptions';
import { kubewiseVersion } from './version';

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

export async function run(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv);
  switch (parsed.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${kubewiseVersion()}\n`);
      return EXIT_OK;
    case 'usageError':
      io.stderr.write(`kubewise: ${parsed.message}\n\n${USAGE}`);
      return EXIT_USAGE_OR_IO;
    case 'check':
      return runCheck(parsed, io);
  }
}

async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
  const config = loadConfig(io.cwd, command.configPath);
  if (config.kind === 'unreadable') {
    io.stderr.write(`kubewise: cannot read configuration ${config.configPath}: ${config.detail}\n`);
    return EXIT_USAGE_OR_IO;
  }
  if (config.kind === 'invalid') {
    const displayPath = toDisplayPath(io.cwd, config.configPath);
    io.stderr.write(`kubewise: invalid configuration ${displayPath}; nothing was checked.\n`);
    io.stderr.write(formatPlainFindings({ displayPath, findings: config.findings }));
    return EXIT_USAGE_OR_IO;
  }

  const { targets, badPaths } = await collectFiles(command.paths, io.cwd, new WorkspaceFilter(config.ignore));
  if (badPaths.length > 0) {
    // A mistyped path in CI must fail loudly, not pass as "no problems".
    for (const bad of badPaths) io.stderr.write(`kubewise: ${bad.path}: ${bad.detail}\n`);
    return EXIT_USAGE_OR_IO;
  }

  const reports = await checkTargets(targets, {
    cwd: io.cwd,
    severities: config.severities,
    ruleOptions: resolveRuleOptions(config.options),
    maxFileSizeBytes: command.maxFileSizeBytes,
    readStdin: io.readStdin ?? readProcessStdin,
  });

  const version = kubewiseVersion();
  if (command.format === 'json') io.stdout.write(formatJson(reports, version));
  else if (command.format === 'sarif') io.stdout.write(formatSarif(reports, { version, cwd: io.cwd }));
  else io.stdout.write(formatText(reports, { color: useColor(io) }));

  const hasError = reports.some((report) => report.findings.some((finding) => finding.severity === 'error'));
  return hasError ? EXIT_ERROR_FINDINGS : EXIT_OK;
}

/** Colour only for a person at a terminal; https://no-color.org says any non-empty NO_COLOR disables it. */
function useColor(io: CliIo): boolean {
  const env = io.env ?? process.env;
  return io.stdout.isTTY === true && !env.NO_COLOR;
}

async function readProcessStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

if (require.main === module) {
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
