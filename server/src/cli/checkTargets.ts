/**
 * Reads each collected file and runs the language service on it. Every problem with
 * one file (unreadable, binary, too large) becomes a finding on that file, so one bad
 * file never hides the results for the others.
 */
import * as path from 'node:path';
import { fileFinding } from '../service/engine/checkFile';
import type { DocumentFacts } from '../service/facts/factKind';
import type { RuleOptions } from '../service/config/ruleOptions';
import { unreadableFile } from '../service/core/engineDiagnostics';
import type { Finding, SeveritySetting } from '../service/core/types';
import { readManifest, realPathOf } from '../host/manifestFile';
import { WorkspaceModel } from '../host/workspaceModel';
import { KustomizeIndex } from '../host/kustomizeIndex';
import { ReadScope } from '../host/readScope';
import type { CrdFile } from '../host/crdFolders';
import type { CheckJob, JobSettings } from './checkJob';
import { workerRunner } from './checkPool';
import { inProcessRunner } from './checkRunner';
import type { CheckRunner } from './checkRunner';
import { NO_PROGRESS } from './progress';
import type { Progress } from './progress';
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
  /** Worker threads for the check pass (`--jobs`); 1 or undefined checks in-process. */
  jobs?: number;
  /** Fewer files than this are checked in-process whatever `jobs` says: starting workers costs more. */
  minFilesForWorkers?: number;
  /** The worker's script, for tests that make it crash; defaults to cliWorker.js beside this module. */
  workerFile?: string;
  progress?: Progress;
  /** A note for the user on stderr (not the report): the workers could not start, say. */
  note?: (message: string) => void;
}

/** Below this many files, starting workers (about 0.4 s each: the bundle, then the schemas again) costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 50;

interface ReadFile {
  displayPath: string;
  job: CheckJob;
}

/**
 * Two passes: read every file and record what rules across files need in the
 * workspace model the editor uses too (ResourceQuota sums a namespace spread over many
 * files), then check each file against the others; both in this thread or both in
 * worker threads (checkRunner.ts).
 */
export async function checkTargets(targets: readonly CheckTarget[], settings: CheckSettings): Promise<FileReport[]> {
  const progress = settings.progress ?? NO_PROGRESS;
  const slots = await readTargets(targets, settings);
  const files = slots.filter((slot): slot is ReadFile => 'job' in slot);
  const jobs = files.map((file) => file.job);
  // Facts count for one half of the bar, checks for the other.
  progress.start(jobs.length * 2);

  // Kustomizations first: whether a file is a patch decides what it contributes. Their
  // entries are read in the working directory and the folders checked, never elsewhere.
  const fileFolders = targets.flatMap((target) => (target.kind === 'file' ? [path.dirname(target.absolutePath)] : []));
  const kustomize = new KustomizeIndex(ReadScope.of([settings.cwd, ...new Set(fileFolders)]));
  for (const job of jobs) kustomize.set(job.key, job.text);
  kustomize.addNeighbours(jobs.flatMap((job) => (job.filePath === undefined ? [] : [job.filePath])));
  for (const job of jobs) job.kustomize = kustomize.roleOf(job.key);

  const runner = runnerFor(jobs.length, settings);
  try {
    const facts = await runner.facts(jobs, () => progress.tick());
    const model = new WorkspaceModel();
    // First, so that a file that is both checked and in a CRD folder counts with all its facts.
    for (const file of settings.crdFiles ?? []) model.setDisk(file.path, file.facts, file.key);
    for (const [index, job] of jobs.entries()) {
      // A symlink and its target are one file: its workloads count once.
      const key = job.filePath === undefined ? job.key : realPathOf(job.filePath);
      const result = facts[index];
      model.setDisk(job.key, result && 'facts' in result ? result.facts : [], key);
    }
    // Each file's view of the others is the same whichever file looks, so it is computed
    // once, and each check leaves out the file it checks (as WorkspaceModel.othersThan).
    const workspace = model
      .files()
      .map((file) => ({ key: file.path, facts: cloneable(kustomize.factsView(file.path, file.documents)) }));
    const checked = jobs.map((job) => ({ ...job, key: model.keyOf(job.key) }));
    const findings = await runner.check(checked, workspace, () => progress.tick());
    let next = 0;
    return slots.map((slot) =>
      'job' in slot ? { displayPath: slot.displayPath, findings: sortByPosition(findings[next++] ?? []) } : slot,
    );
  } finally {
    progress.stop();
    await runner.close();
  }
}

function runnerFor(fileCount: number, settings: CheckSettings): CheckRunner {
  const jobSettings: JobSettings = {
    severities: settings.severities,
    maxFileSizeBytes: settings.maxFileSizeBytes,
    ruleOptions: settings.ruleOptions,
  };
  const workers = Math.min(settings.jobs ?? 1, fileCount);
  if (workers < 2 || fileCount < (settings.minFilesForWorkers ?? MIN_FILES_FOR_WORKERS)) return inProcessRunner(jobSettings);
  return workerRunner({
    workers,
    settings: jobSettings,
    workerFile: settings.workerFile,
    onFallback: (detail) => settings.note?.(`check workers could not start (${detail}); checking in one thread`),
  });
}

async function readTargets(targets: readonly CheckTarget[], settings: CheckSettings): Promise<(FileReport | ReadFile)[]> {
  const slots: (FileReport | ReadFile)[] = [];
  for (const target of targets) {
    if (target.kind === 'stdin') {
      const text = await settings.readStdin();
      const job: CheckJob = { text, filePath: undefined, key: STDIN_DISPLAY_PATH, ...FROM_STDIN };
      slots.push({ displayPath: STDIN_DISPLAY_PATH, job });
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
    const { text, languageId, isHelmChartTemplate } = read.manifest;
    const job: CheckJob = { text, filePath: target.absolutePath, key: target.absolutePath, languageId, isHelmChartTemplate };
    slots.push({ displayPath, job });
  }
  return slots;
}

/** Facts without their `locate` function, which no worker can receive; checks never read it (only navigation does). */
function cloneable(documents: readonly DocumentFacts[]): DocumentFacts[] {
  return documents.map((facts) => new Map(facts));
}

const FROM_STDIN = { languageId: 'yaml', isHelmChartTemplate: false } as const;

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
