/**
 * Reads each collected file and runs the language service on it. Every problem with
 * one file (unreadable, binary, too large) becomes a finding on that file, so one bad
 * file never hides the results for the others.
 */
import * as path from 'node:path';
import { ChunkCache } from '../service/engine/chunkCache';
import { checkText, factsOfText, fileFinding } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import type { DocumentFacts } from '../service/facts/factKind';
import type { RuleOptions } from '../service/config/ruleOptions';
import { unreadableFile } from '../service/core/engineDiagnostics';
import type { Finding, SeveritySetting } from '../service/core/types';
import { readManifest, realPathOf } from '../host/manifestFile';
import { WorkspaceModel } from '../host/workspaceModel';
import { KustomizeIndex } from '../host/kustomizeIndex';
import { ReadScope } from '../host/readScope';
import type { KustomizeRole } from '../service/kustomize/inputs';
import type { CrdFile } from '../host/crdFolders';
import type { CheckTarget } from './collectFiles';

export interface FileReport {
  /** Relative to the working directory with forward slashes, or `<stdin>`. */
  displayPath: string;
  /** Sorted by position, so every output format lists them in reading order. */
  findings: Finding[];
  /**
   * For findings mapped to a Helm template from `helm template` output (helmSources.ts):
   * where each was in the rendered output, at the same index as `findings`.
   */
  renderedAt?: RenderedLocation[];
}

/** A 0-based position in the rendered output a finding was mapped from. */
export interface RenderedLocation {
  displayPath: string;
  line: number;
  character: number;
}

export const STDIN_DISPLAY_PATH = '<stdin>';

export interface CheckSettings {
  cwd: string;
  severities: Readonly<Record<string, SeveritySetting>>;
  maxFileSizeBytes?: number;
  ruleOptions?: RuleOptions;
  readStdin: () => Promise<string>;
  /** Files of `--crd-path` / `crdPaths:` folders: their CRDs count for the others, and they are not reported. */
  crdFiles?: readonly CrdFile[];
}

interface ReadFile {
  displayPath: string;
  /** Where the workspace model keeps the file's facts. */
  modelPath: string;
  text: string;
  languageId: 'yaml' | 'json';
  isHelmChartTemplate: boolean;
  cache: ChunkCache;
  kustomize?: KustomizeRole | undefined;
}

/**
 * Two passes: read every file and record what rules across files need in the
 * workspace model the editor uses too (ResourceQuota sums a namespace spread over many
 * files), then check each file against the others. Each file's cache makes the second
 * pass re-use the first pass's parse.
 */
export async function checkTargets(targets: readonly CheckTarget[], settings: CheckSettings): Promise<FileReport[]> {
  const slots: (FileReport | ReadFile)[] = [];
  for (const target of targets) {
    if (target.kind === 'stdin') {
      const text = await settings.readStdin();
      slots.push({
        displayPath: STDIN_DISPLAY_PATH,
        modelPath: STDIN_DISPLAY_PATH,
        text,
        ...FROM_STDIN,
        cache: new ChunkCache(),
      });
      continue;
    }
    const displayPath = toDisplayPath(settings.cwd, target.absolutePath);
    if (target.kind === 'unlistableDirectory') {
      slots.push({ displayPath, findings: ioFinding(target.detail, settings.severities) });
      continue;
    }
    const read = readManifest(target.absolutePath);
    if (!read.ok) {
      slots.push({ displayPath, findings: ioFinding(read.detail, settings.severities) });
      continue;
    }
    slots.push({ displayPath, modelPath: target.absolutePath, ...read.manifest, cache: new ChunkCache() });
  }

  // Kustomizations first: whether a file is a patch decides what it contributes. Their
  // entries are read in the working directory and the folders checked, never elsewhere.
  const fileFolders = targets.flatMap((target) => (target.kind === 'file' ? [path.dirname(target.absolutePath)] : []));
  const kustomize = new KustomizeIndex(ReadScope.of([settings.cwd, ...new Set(fileFolders)]));
  for (const slot of slots) if ('text' in slot) kustomize.set(slot.modelPath, slot.text);
  kustomize.addNeighbours(
    slots.flatMap((slot) => ('text' in slot && slot.modelPath !== STDIN_DISPLAY_PATH ? [slot.modelPath] : [])),
  );
  for (const slot of slots) if ('text' in slot) slot.kustomize = kustomize.roleOf(slot.modelPath);
  const model = new WorkspaceModel();
  // First, so that a file that is both checked and in a CRD folder counts with all its facts.
  for (const file of settings.crdFiles ?? []) model.setDisk(file.path, file.facts, file.key);
  for (const slot of slots) {
    if ('text' in slot) {
      // A symlink and its target are one file: its workloads count once.
      const key = slot.modelPath === STDIN_DISPLAY_PATH ? slot.modelPath : realPathOf(slot.modelPath);
      model.setDisk(slot.modelPath, factsOfText(slot.text, checkOptions(slot, [], settings)), key);
    }
  }
  return slots.map((slot) => {
    if (!('text' in slot)) return slot;
    return {
      displayPath: slot.displayPath,
      findings: sortByPosition(check(slot, model.othersThan(slot.modelPath, kustomize.factsView), settings)),
    };
  });
}

const FROM_STDIN = { languageId: 'yaml', isHelmChartTemplate: false } as const;

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
  // CNI configs mean different things by name (a `.conf` holds one plugin, a `.conflist` a chain).
  if (file.modelPath !== STDIN_DISPLAY_PATH) options.filePath = file.modelPath;
  if (settings.maxFileSizeBytes !== undefined) options.maxFileSizeBytes = settings.maxFileSizeBytes;
  if (settings.ruleOptions) options.ruleOptions = settings.ruleOptions;
  if (file.kustomize) options.kustomize = file.kustomize;
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
