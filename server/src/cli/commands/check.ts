/**
 * `kubewise check`: the language service over files, directories or standard input,
 * for CI.
 */
import type { CheckCommand } from '../args';
import { checkTargets, toDisplayPath } from '../checkTargets';
import { collectFiles } from '../collectFiles';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatPlainFindings, formatText } from '../formatters/text';
import { loadConfig } from '../loadConfig';
import { resolveRuleOptions } from '../../service/config/ruleOptions';
import { kubewiseVersion } from '../version';
import { EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_USAGE_OR_IO } from './command';
import type { CliIo } from './command';

export async function runCheck(command: CheckCommand, io: CliIo): Promise<number> {
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

  const { targets, badPaths } = collectFiles(command.paths, io.cwd);
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
