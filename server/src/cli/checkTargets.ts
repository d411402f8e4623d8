/**
 * Reads each collected file and runs the language service on it. Every problem with
 * one file (unreadable, binary, too large) becomes a finding on that file, so one bad
 * file never hides the results for the others.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isHelmChartTemplatePath } from '../service/document/textGuards';
import { ChunkCache } from '../service/engine/chunkCache';
import { checkText, factsOfText, fileFinding } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import type { DocumentFacts } from '../service/facts/factKind';
import type { RuleOptions } from '../service/config/ruleOptions';
import { unreadableFile } from '../service/core/engineDiagnostics';
import type { Finding, SeveritySetting } from '../service/core/types';
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

/** Files read as one JSON document: `.json`, and CNI configs (`.conf`, `.conflist`). */
const JSON_EXTENSIONS = new Set(['.json', '.conf', '.conflist']);

interface ReadFile {
  displayPath: string;
  /** What the service is told the file is called (CNI configs mean different things by name). */
  filePath: string | undefined;
  text: string;
  languageId: 'yaml' | 'json';
  isHelmChartTemplate: boolean;
  cache: ChunkCache;
}

/**
 * Two passes: read every file and collect what rules across files need (ResourceQuota
 * sums a namespace spread over many files), then check each file against the others.
 * Each file's cache makes the second pass re-use the first pass's parse.
 */
export async function checkTargets(targets: readonly CheckTarget[], settings: CheckSettings): Promise<FileReport[]> {
  const slots: (FileReport | ReadFile)[] = [];
  for (const target of targets) {
    if (target.kind === 'stdin') {
      slots.push(readFile(STDIN_DISPLAY_PATH, await settings.readStdin(), 'yaml', false));
      continue;
    }
    const displayPath = toDisplayPath(settings.cwd, target.absolutePath);
    if (target.kind === 'unlistableDirectory') {
      slots.push({ displayPath, findings: ioFinding(target.detail, settings.severities) });
      continue;
    }
    let text: string;
    try {
      // Invalid UTF-8 becomes U+FFFD rather than an exception; NUL bytes survive
      // decoding, which is what the service's binary check looks for.
      text = fs.readFileSync(target.absolutePath, 'utf8');
    } catch (error) {
      slots.push({ displayPath, findings: ioFinding(describeFsError(error), settings.severities) });
      continue;
    }
    const languageId = JSON_EXTENSIONS.has(path.extname(target.absolutePath).toLowerCase()) ? 'json' : 'yaml';
    const isHelmChartTemplate = isHelmChartTemplatePath(target.absolutePath, (candidate) => fs.existsSync(candidate));
    slots.push(readFile(displayPath, text, languageId, isHelmChartTemplate, target.absolutePath));
  }

  const facts = new Map<ReadFile, DocumentFacts[]>();
  for (const slot of slots) {
    if ('text' in slot && !slot.isHelmChartTemplate) {
      facts.set(slot, factsOfText(slot.text, checkOptions(slot, [], settings)));
    }
  }
  return slots.map((slot) => {
    if (!('text' in slot)) return slot;
    const workspace = [...facts].flatMap(([file, fileFacts]) => (file === slot ? [] : fileFacts));
    return { displayPath: slot.displayPath, findings: sortByPosition(check(slot, workspace, settings)) };
  });
}

function readFile(
  displayPath: string,
  text: string,
  languageId: 'yaml' | 'json',
  isHelmChartTemplate: boolean,
  filePath?: string,
): ReadFile {
  return { displayPath, filePath, text, languageId, isHelmChartTemplate, cache: new ChunkCache() };
}

function check(file: ReadFile, workspace: readonly DocumentFacts[], settings: CheckSettings): Finding[] {
  return checkText(file.text, checkOptions(file, workspace, settings));
}

function checkOptions(file: ReadFile, workspace: readonly DocumentFacts[], settings: CheckSettings): CheckOptions {
  const options: CheckOptions = {
    languageId: file.languageId,
    severities: settings.severities,
    isHelmChartTemplate: file.isHelmChartTemplate,
    cache: file.cache,
    workspace,
  };
  if (file.filePath !== undefined) options.filePath = file.filePath;
  if (settings.maxFileSizeBytes !== undefined) options.maxFileSizeBytes = settings.maxFileSizeBytes;
  if (settings.ruleOptions) options.ruleOptions = settings.ruleOptions;
  return options;
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
