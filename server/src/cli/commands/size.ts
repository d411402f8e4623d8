/**
 * `kubewise size prometheus|pods|capacity|series [flags] [paths]`: the sizing estimates of
 * the language service (service/sizing/) for scripts and people. Flags are the estimates'
 * inputs; files and folders, walked as `check` walks them, give the workspace's objects
 * (Prometheus, monitors, workloads, quotas, aws-node). Bad input exits 2 with the reason.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ESTIMATES, isEstimateKind, runEstimate } from '../../service/sizing/estimates';
import type { EstimateField } from '../../service/sizing/fields';
import type { EstimateKind } from '../../service/sizing/report';
import { ESTIMATE_KINDS } from '../../service/sizing/report';
import { reportAsMarkdown, reportAsText } from '../../service/sizing/render';
import { sizingWorkspace } from '../../service/sizing/workspace';
import type { SizingFile } from '../../service/sizing/workspace';
import { toDisplayPath } from '../checkTargets';
import { collectFiles } from '../collectFiles';
import { describeFsError } from '../../host/fsErrors';
import { WorkspaceFilter } from '../../host/workspaceFiles';
import { loadConfig } from '../loadConfig';
import { kubewiseVersion } from '../version';
import { EXIT_OK, EXIT_USAGE_OR_IO, usageProblem } from './command';
import type { CliCommand, CliIo, UsageProblem } from './command';
import { parseOptions } from './parseOptions';
import type { OptionsConfig } from './parseOptions';

export type SizeFormat = 'text' | 'json' | 'markdown';
const SIZE_FORMATS: readonly SizeFormat[] = ['text', 'json', 'markdown'];

export interface SizeArgs {
  kind: 'size';
  estimate: EstimateKind;
  inputs: Record<string, string>;
  paths: string[];
  format: SizeFormat;
}

const SYNOPSIS = 'kubewise size prometheus|pods|capacity|series [options] [file|directory]...';

const USAGE = `Usage: ${SYNOPSIS}

Sizing estimates from flags and from the manifests in the files or folders given.
"kubewise size <estimate> --help" lists an estimate's inputs.

Estimates:
${ESTIMATE_KINDS.map((kind) => `  ${kind.padEnd(11)} ${ESTIMATES[kind].summary}`).join('\n')}

Options:
  --format text|json|markdown   Output format (default: text)
  --help                        Show this help

Exit codes: 0 estimated, 2 bad input or unreadable path.
`;

function flagOf(field: EstimateField): string {
  return field.type === 'boolean' ? `--${field.name}` : `--${field.name} <${field.type}>`;
}

export function estimateUsage(kind: EstimateKind): string {
  const estimate = ESTIMATES[kind];
  const width = Math.max(...estimate.fields.map((field) => flagOf(field).length), '--format text|json|markdown'.length);
  const lines = estimate.fields.map((field) => {
    const fallback = field.fallback ? ` (default ${field.fallback.value}: ${field.fallback.reason})` : '';
    return `  ${flagOf(field).padEnd(width)}  ${field.prompt}${fallback}`;
  });
  return `Usage: kubewise size ${kind} [options] [file|directory]...

${estimate.title}: ${estimate.summary.charAt(0).toLowerCase()}${estimate.summary.slice(1)}.
${estimate.notes}
Durations and sizes are in Prometheus' notation (15s, 15d, 500GB = 500 × 1024³ bytes); CPU and
memory are Kubernetes quantities (4, 3500m, 16Gi).

Options:
${lines.join('\n')}
  ${'--format text|json|markdown'.padEnd(width)}  Output format (default: text)
  ${'--help'.padEnd(width)}  Show this help
`;
}

/** Every estimate's flags: an unknown one is caught by strict parsing, another estimate's below. */
const OPTIONS: OptionsConfig = Object.fromEntries([
  ['format', { type: 'string' }],
  ...Object.values(ESTIMATES).flatMap((estimate) =>
    estimate.fields.map((field) => [field.name, { type: field.type === 'boolean' ? 'boolean' : 'string' }] as const),
  ),
]);

export const sizeCommand: CliCommand<SizeArgs> = {
  name: 'size',
  summary: 'Estimate Prometheus storage, pods per node on EKS, namespace capacity or series count',
  synopsis: SYNOPSIS,
  usage: USAGE,
  helpFor: (args) => {
    const kind = args.find((arg) => !arg.startsWith('-'));
    return isEstimateKind(kind) ? estimateUsage(kind) : undefined;
  },
  parse: parseSizeArgs,
  run: runSize,
};

function parseSizeArgs(args: readonly string[]): SizeArgs | UsageProblem {
  const [kind, ...rest] = args;
  if (kind === undefined || kind.startsWith('-')) return usageProblem(`which estimate? (${ESTIMATE_KINDS.join(', ')})`);
  if (!isEstimateKind(kind)) return usageProblem(`unknown estimate '${kind}' (expected ${ESTIMATE_KINDS.join(', ')})`);
  const parsed = parseOptions(rest, OPTIONS);
  if (parsed.kind === 'usageError') return parsed;
  const fields = new Map(ESTIMATES[kind].fields.map((field) => [field.name, field]));
  const inputs: Record<string, string> = {};
  let format: SizeFormat = 'text';
  for (const [name, given] of Object.entries(parsed.values)) {
    if (name === 'help' || name === 'version' || given === undefined) continue;
    if (name === 'format') {
      const found = SIZE_FORMATS.find((candidate) => candidate === String(given));
      if (!found) return usageProblem(`unknown format '${String(given)}' (expected ${SIZE_FORMATS.join(', ')})`);
      format = found;
      continue;
    }
    if (!fields.has(name))
      return usageProblem(`option '--${name}' is not an input of 'size ${kind}' (see kubewise size ${kind} --help)`);
    inputs[name] = String(given);
  }
  return { kind: 'size', estimate: kind, inputs, paths: parsed.positionals, format };
}

async function runSize(command: SizeArgs, io: CliIo): Promise<number> {
  const files: SizingFile[] = [];
  if (command.paths.length > 0) {
    // The files `kubewise check` would read: the same walk and the same `ignore:` globs.
    const config = loadConfig(io.cwd, undefined);
    const ignore = config.kind === 'ok' ? config.ignore : [];
    const { targets, badPaths } = await collectFiles(command.paths, io.cwd, new WorkspaceFilter(ignore));
    if (badPaths.length > 0) {
      for (const bad of badPaths) io.stderr.write(`kubewise: ${bad.path}: ${bad.detail}\n`);
      return EXIT_USAGE_OR_IO;
    }
    for (const target of targets) {
      if (target.kind === 'stdin') {
        files.push({ path: '<stdin>', text: (await io.readStdin?.()) ?? '', languageId: 'yaml' });
      } else if (target.kind === 'file') {
        try {
          const text = fs.readFileSync(target.absolutePath, 'utf8');
          const languageId = path.extname(target.absolutePath).toLowerCase() === '.json' ? 'json' : 'yaml';
          files.push({ path: toDisplayPath(io.cwd, target.absolutePath), text, languageId });
        } catch (error) {
          io.stderr.write(`kubewise: ${toDisplayPath(io.cwd, target.absolutePath)}: ${describeFsError(error)}\n`);
          return EXIT_USAGE_OR_IO;
        }
      }
    }
  }
  const outcome = runEstimate(command.estimate, command.inputs, sizingWorkspace(files), (field) => `--${field.name}`);
  if (!outcome.ok) {
    const flags = new Map(ESTIMATES[command.estimate].fields.map((field) => [field.name, field]));
    for (const [name, message] of Object.entries(outcome.errors)) {
      io.stderr.write(`kubewise size ${command.estimate}: --${flags.get(name)?.name ?? name}: ${message}\n`);
    }
    io.stderr.write(`See kubewise size ${command.estimate} --help.\n`);
    return EXIT_USAGE_OR_IO;
  }
  const { report } = outcome;
  if (command.format === 'json') io.stdout.write(`${JSON.stringify({ version: kubewiseVersion(), ...report }, null, 2)}\n`);
  else if (command.format === 'markdown') io.stdout.write(reportAsMarkdown(report));
  else io.stdout.write(reportAsText(report));
  return EXIT_OK;
}
