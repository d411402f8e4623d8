/** What the CLI's main thread and its check workers (cliWorker.ts) send each other. */
import type { Finding } from '../service/core/types';
import type { CheckJob, JobSettings, WorkspaceFacts } from './checkJob';

/** Given to every worker once, as its workerData: the run's settings and every file's facts. */
export interface WorkerInit {
  settings: JobSettings;
  workspace: WorkspaceFacts;
}

export interface JobMessage {
  index: number;
  job: CheckJob;
}

export type ResultMessage = { index: number; findings: Finding[] } | { index: number; failed: string };
