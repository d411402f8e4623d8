/** What the CLI's main thread and its check workers (cliWorker.ts) send each other. */
import type { Finding } from '../service/core/types';
import type { CheckJob, JobSettings, WorkspaceFacts } from './checkJob';
import type { FactsResult } from './checkRunner';

/** Given to every worker at its start, as its workerData. */
export interface WorkerInit {
  settings: JobSettings;
}

export type ToWorker =
  /** Pass one: the file's facts; the worker keeps its parse under `index` for pass two. */
  | { type: 'facts'; index: number; job: CheckJob }
  /** Every file's facts, once, before the worker's first check. */
  | { type: 'workspace'; workspace: WorkspaceFacts }
  | { type: 'check'; index: number; job: CheckJob };

export type FromWorker =
  /** Sent once the worker's script has loaded: before it, a worker that exits could not start. */
  | { type: 'ready' }
  | { type: 'facts'; index: number; result: FactsResult }
  | { type: 'check'; index: number; findings: Finding[] };
