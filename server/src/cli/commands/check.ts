/**
 * `kubewise check`: the language service over files, directories or standard input,
 * for CI.
 */
import * as path from 'node:path';
import { availableParallelism } from 'node:os';
import { DEFAULT_MAX_FILE_SIZE_BYTES } from '../../service/engine/checkFile';
import { checkTargets, MIN_FILES_FOR_WORKERS, STDIN_DISPLAY_PATH, toDisplayPath } from '../checkTargets';
import { NO_PROGRESS, progressBar, shouldShowProgress } from '../progress';
import type { FileReport } from '../checkTargets';
import { collectFiles } from '../collectFiles';
import { formatGithub } from '../formatters/github';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatPlainFindings, formatText } from '../formatters/text';
import { countFindings } from '../formatters/findingCounts';
import { splitByHelmSource } from '../helmSources';
import { loadConfig } from '../loadConfig';
import { WorkspaceFilter } from '../../host/workspaceFiles';
import { readCrdFolders, resolveCrdFolders } from '../../host/crdFolders';
import { resolveRuleOptions } from '../../service/config/ruleOptions';
import { kubewiseVersion } from '../version';
import { EXIT_ERROR_FINDINGS, EXIT_OK, EXIT_USAGE_OR_IO, usageProblem } from './command';
import type { CliCommand, CliIo, UsageProblem } from './command';
import { parseOptions } from './parseOptions';

export type OutputFormat = 'text' | 'json' | 'sarif' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif', 'github'];

export interface CheckArgs {
  kind: 'check';
  /** Files, directories, or `-` for standard input, in the order given. */
  paths: string[];
  format: OutputFormat;
  configPath?: string;
  maxFileSizeBytes?: number;
  /** ESLint's --max-warnings: more warnings than this fail the run (exit 1). */
  maxWarnings?: number;
  /** What `# Source:` paths of `helm template` output on stdin are relative to. */
  sourceRoot?: string;
  /** Folders of CRDs (`--crd-path`, repeatable) read for their CRDs only. */
  crdPaths?: string[];
  /** Worker threads for the check (`--jobs`); 1 checks in-process; the number of cores when not given. */
  jobs?: number;
  /** `--no-progress`: no progress bar even on a terminal. */
  noProgress?: boolean;
}

const SYNOPSIS = 'kubewise check [options] <file|directory|->...';

const USAGE = `Usage: ${SYNOPSIS}

Checks Kubernetes manifests and CNI network configs. Directories are searched
recursively for .yaml, .yml, .json, .conf and .conflist files (node_modules, .git
and hidden directories are skipped; a .conf that is not a CNI config is ignored);
a file named explicitly is always checked; "-" reads YAML from standard input.

Output of "helm template" on standard input is split by its "# Source:"
comments: each finding names the chart's template file, with the line counted
from the top of its rendered document, and where it was in the rendered output.

Options:
  --format text|json|sarif|github
                             Output format (default: text); github writes
                             workflow annotations (::error file=...,line=...::)
  --config <file>            Configuration file (default: .kubewise.yaml in the
                             current directory or the nearest parent)
  --max-warnings <n>         Fail (exit 1) with more than n warnings, as ESLint
                             (default: -1, no limit)
  --source-root <dir>        Directory the "# Source:" paths of helm template
                             output are relative to (default: the current one),
                             e.g. charts when the chart is charts/my-chart
  --max-file-size-kb <n>     Skip files larger than n KiB (default: ${DEFAULT_MAX_FILE_SIZE_BYTES / 1024})
  --crd-path <dir>           A folder of CustomResourceDefinitions to validate
                             custom resources against (repeatable; added to
                             crdPaths of the configuration); not itself checked
  --jobs <n>                 Check in n worker threads (default: the number of
                             cores, ${availableParallelism()} here); 1 checks in one thread. Fewer
                             than ${MIN_FILES_FOR_WORKERS} files are always checked in one thread
  --no-progress              No progress bar (it is drawn on stderr only when
                             stderr is a terminal)
  --help                     Show this help
  --version                  Show the Kubewise version

Exit codes: 0 no errors (and no more warnings than --max-warnings), 1 at least
one finding at error severity or too many warnings, 2 usage error, unreadable
path or invalid configuration.
`;

const OPTIONS = {
  format: { type: 'string' },
  config: { type: 'string' },
  'max-file-size-kb': { type: 'string' },
  'max-warnings': { type: 'string' },
  'source-root': { type: 'string' },
  'crd-path': { type: 'string', multiple: true },
  jobs: { type: 'string' },
  'no-progress': { type: 'boolean' },
} as const;

export const checkCommand: CliCommand<CheckArgs> = {
  name: 'check',
  summary: 'Check Kubernetes manifests in files, directories or standard input',
  synopsis: SYNOPSIS,
  usage: USAGE,
  parse: parseCheckArgs,
  run: runCheck,
};

function parseCheckArgs(args: readonly string[]): CheckArgs | UsageProblem {
  const parsed = parseOptions(args, OPTIONS);
  if (parsed.kind === 'usageError') return parsed;
  const { values, positionals } = parsed;
  const check: CheckArgs = { kind: 'check', paths: positionals, format: 'text' };
  if (values['no-progress'] === true) check.noProgress = true;
  if (values['crd-path'] !== undefined) check.crdPaths = values['crd-path'];
  if (values.format !== undefined) {
    const format = OUTPUT_FORMATS.find((candidate) => candidate === values.format);
    if (!format) return usageProblem(`unknown format '${values.format}' (expected ${OUTPUT_FORMATS.join(', ')})`);
    check.format = format;
  }
  if (values.config !== undefined) check.configPath = values.config;
  const maxFileSizeKiB = values['max-file-size-kb'];
  if (maxFileSizeKiB !== undefined) {
    const kib = Number(maxFileSizeKiB);
    if (!Number.isFinite(kib) || kib <= 0) {
      return usageProblem(`--max-file-size-kb needs a positive number, got '${maxFileSizeKiB}'`);
    }
    check.maxFileSizeBytes = Math.floor(kib * 1024);
  }
  const maxWarnings = values['max-warnings'];
  if (maxWarnings !== undefined) {
    // As ESLint: a whole number, and -1 for no limit.
    if (!/^(?:\d{1,9}|-1)$/.test(maxWarnings.trim())) {
      return usageProblem(
        `--max-warnings needs a whole number of warnings (0 or more, or -1 for no limit), got '${maxWarnings}'`,
      );
    }
    const limit = Number(maxWarnings);
    if (limit >= 0) check.maxWarnings = limit;
  }
  if (values['source-root'] !== undefined) check.sourceRoot = values['source-root'];
  if (values.jobs !== undefined) {
    if (!/^\d{1,4}$/.test(values.jobs.trim()) || Number(values.jobs) < 1) {
      return usageProblem(`--jobs needs a whole number of threads, 1 or more, got '${values.jobs}'`);
    }
    check.jobs = Number(values.jobs);
  }
  if (check.paths.length === 0) return usageProblem('no files or directories to check');
  return check;
}

async function runCheck(command: CheckArgs, io: CliIo): Promise<number> {
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

  const crdFolders = [...config.crdFolders, ...resolveCrdFolders(io.cwd, command.crdPaths ?? [])];
  const crds = await readCrdFolders(crdFolders, command.maxFileSizeBytes);
  if (crds.unlistable.length > 0) {
    // As for a path to check: a CRD folder that is not there would pass custom resources unchecked.
    for (const bad of crds.unlistable) io.stderr.write(`kubewise: CRD folder ${bad.path}: ${bad.detail}\n`);
    return EXIT_USAGE_OR_IO;
  }

  let stdinText = '';
  const readStdin = io.readStdin ?? readProcessStdin;
  const checked = await checkTargets(targets, {
    cwd: io.cwd,
    severities: config.severities,
    ruleOptions: resolveRuleOptions(config.options),
    maxFileSizeBytes: command.maxFileSizeBytes,
    readStdin: async () => (stdinText = await readStdin()),
    crdFiles: crds.files,
    jobs: command.jobs ?? availableParallelism(),
    progress: shouldShowProgress(io.stderr, command.noProgress === true) ? progressBar(io.stderr) : NO_PROGRESS,
    note: (message) => io.stderr.write(`kubewise: ${message}\n`),
  });
  const sourceRoot = command.sourceRoot === undefined ? '' : toDisplayPath(io.cwd, path.resolve(io.cwd, command.sourceRoot));
  const reports: FileReport[] = checked.flatMap((report) =>
    report.displayPath === STDIN_DISPLAY_PATH ? splitByHelmSource(report, stdinText, sourceRoot) : [report],
  );

  const version = kubewiseVersion();
  if (command.format === 'json') io.stdout.write(formatJson(reports, version));
  else if (command.format === 'sarif') io.stdout.write(formatSarif(reports, { version, cwd: io.cwd }));
  else if (command.format === 'github') io.stdout.write(formatGithub(reports));
  else io.stdout.write(formatText(reports, { color: useColor(io) }));

  const counts = countFindings(reports);
  if (command.maxWarnings !== undefined && counts.warnings > command.maxWarnings) {
    io.stderr.write(`kubewise: ${counts.warnings} warnings, more than --max-warnings ${command.maxWarnings} allows.\n`);
    return EXIT_ERROR_FINDINGS;
  }
  return counts.errors > 0 ? EXIT_ERROR_FINDINGS : EXIT_OK;
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
