/**
 * One file's check as both CLI paths run it, in-process and in a worker thread
 * (cliWorker.ts): the same job data and the same options, so the two cannot drift
 * apart and a parallel run prints what a serial one prints.
 */
import { checkText, fileFinding } from '../service/engine/checkFile';
import type { CheckOptions } from '../service/engine/checkFile';
import type { ChunkCache } from '../service/engine/chunkCache';
import type { DocumentFacts } from '../service/facts/factKind';
import type { RuleOptions } from '../service/config/ruleOptions';
import { internalError } from '../service/core/engineDiagnostics';
import type { Finding, SeveritySetting } from '../service/core/types';
import type { KustomizeRole } from '../service/kustomize/inputs';

/** What checking one file needs besides the workspace: plain data, so it crosses to a worker as it is. */
export interface CheckJob {
  text: string;
  /** The file's path (the workspace model's path); undefined for standard input. */
  filePath: string | undefined;
  /** The file's key in the workspace model (its real path): its own facts are left out of the workspace. */
  key: string;
  languageId: 'yaml' | 'json';
  isHelmChartTemplate: boolean;
  kustomize?: KustomizeRole | undefined;
}

/** Every file's facts as its kustomization trees render them, by its key, in the workspace model's order. */
export type WorkspaceFacts = readonly { key: string; facts: DocumentFacts[] }[];

/** The facts of every file but the one with this key, in the order WorkspaceModel.othersThan gives them. */
export function othersThan(workspace: WorkspaceFacts, key: string): DocumentFacts[] {
  const others: DocumentFacts[] = [];
  for (const file of workspace) if (file.key !== key) others.push(...file.facts);
  return others;
}

/** Settings every file of a run shares. */
export interface JobSettings {
  severities: Readonly<Record<string, SeveritySetting>>;
  maxFileSizeBytes?: number | undefined;
  ruleOptions?: RuleOptions | undefined;
}

export function checkJob(
  job: CheckJob,
  workspace: readonly DocumentFacts[],
  settings: JobSettings,
  cache?: ChunkCache,
): Finding[] {
  return checkText(job.text, jobOptions(job, workspace, settings, cache));
}

export function jobOptions(
  job: CheckJob,
  workspace: readonly DocumentFacts[],
  settings: JobSettings,
  cache?: ChunkCache,
): CheckOptions {
  const options: CheckOptions = {
    languageId: job.languageId,
    severities: settings.severities,
    isHelmChartTemplate: job.isHelmChartTemplate,
    workspace,
  };
  if (cache) options.cache = cache;
  // CNI configs mean different things by name (a `.conf` holds one plugin, a `.conflist` a chain).
  if (job.filePath !== undefined) options.filePath = job.filePath;
  if (settings.maxFileSizeBytes !== undefined) options.maxFileSizeBytes = settings.maxFileSizeBytes;
  if (settings.ruleOptions) options.ruleOptions = settings.ruleOptions;
  if (job.kustomize) options.kustomize = job.kustomize;
  return options;
}

/**
 * A check that threw or whose worker died: one finding on the file instead of its
 * findings, and the run goes on with the other files.
 */
export function checkFailedFinding(detail: string, severities: JobSettings['severities']): Finding[] {
  return fileFinding(internalError, 'checkFailed', { detail }, severities);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
