/**
 * Reads each collected file and runs the language service on it. Every problem with
 * one file (unreadable, binary, too large) becomes a finding on that file, so one bad
 * file never hides the results for the others.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHelmChartTemplatePath } from '../service/document/textGuards';
import { checkText, fileFinding } from '../service/engine/checkFile';
import type { RuleOptions } from '../service/config/ruleOptions';
import { unreadableFile } from '../service/engine/engineDiagnostics';
import type { Finding, SeveritySetting } from '../service/types';
import type { CheckTarget } from './collectFiles';
import { describeFsError } from './collectFiles';

export interface FileReport {
  /** Relative to the working directory with forward slashes, or `<stdin>`. */
  displayPath: string;
  /** Sorted by position, so every output format lists them in reading order. */
  findings: Finding[];
}

export const STDIN_DISPLAY_PATH = '<stdin>';

export interface CheckSettings {
  cwd: string;
  severities: Readonly<Record<string, SeveritySetting>>;
  maxFileSizeBytes?: number;
  ruleOptions?: RuleOptions;
  readStdin: () => Promise<string>;
}

export async function checkTargets(targets: readonly CheckTarget[], settings: CheckSettings): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  for (const target of targets) {
    if (target.kind === 'stdin') {
      const text = await settings.readStdin();
      reports.push({ displayPath: STDIN_DISPLAY_PATH, findings: sortByPosition(check(text, 'yaml', false, settings)) });
      continue;
    }
    const displayPath = toDisplayPath(settings.cwd, target.absolutePath);
    if (target.kind === 'unlistableDirectory') {
      reports.push({ displayPath, findings: ioFinding(target.detail, settings.severities) });
      continue;
    }
    let text: string;
    try {
      // Invalid UTF-8 becomes U+FFFD rather than an exception; NUL bytes survive
      // decoding, which is what the service's binary check looks for.
      text = fs.readFileSync(target.absolutePath, 'utf8');
    } catch (error) {
      reports.push({ displayPath, findings: ioFinding(describeFsError(error), settings.severities) });
      continue;
    }
    const languageId = path.extname(target.absolutePath).toLowerCase() === '.json' ? 'json' : 'yaml';
    const isHelmChartTemplate = isHelmChartTemplatePath(target.absolutePath, (candidate) => fs.existsSync(candidate));
    reports.push({ displayPath, findings: sortByPosition(check(text, languageId, isHelmChartTemplate, settings)) });
  }
  return reports;
}

function check(text: string, languageId: 'yaml' | 'json', isHelmChartTemplate: boolean, settings: CheckSettings): Finding[] {
  const options: Parameters<typeof checkText>[1] = { languageId, severities: settings.severities, isHelmChartTemplate };
  if (settings.maxFileSizeBytes !== undefined) options.maxFileSizeBytes = settings.maxFileSizeBytes;
  if (settings.ruleOptions) options.ruleOptions = settings.ruleOptions;
  return checkText(text, options);
}

/** The service never sees a file it could not read, so the CLI raises this one itself. */
function ioFinding(detail: string, severities: CheckSettings['severities']): Finding[] {
  return fileFinding(unreadableFile, 'io', { detail }, severities);
}

function sortByPosition(findings: Finding[]): Finding[] {
  // Array.prototype.sort is stable, so findings at the same position keep the service's order.
  return [...findings].sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}

export function toDisplayPath(cwd: string, absolutePath: string): string {
  return path.relative(cwd, absolutePath).split(path.sep).join('/');
}
