/**
 * The check pass of `kubewise check --jobs N` in worker threads (cliWorker.ts). Each
 * worker gets the workspace's facts once, then one file at a time, so a worker that
 * finishes early takes the next file and no worker idles behind a slow shard. Results
 * come back in any order and are put back in the files' order, so the report is the
 * one a run in-process prints.
 *
 * A worker that dies (out of memory, a native crash) costs only the file it was
 * checking: that file gets one internal-error finding, and a fresh worker takes over
 * the rest of the queue.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../service/core/types';
import { checkFailedFinding } from './checkJob';
import type { CheckJob } from './checkJob';
import type { JobMessage, ResultMessage, WorkerInit } from './workerMessages';

export interface PoolOptions {
  workers: number;
  /** The worker's script; cliWorker.js beside this module (dist/ when bundled, out/ under tsc). */
  workerFile?: string | undefined;
  /** Called once per file, when its findings are in. */
  onChecked?: () => void;
}

/** Workers started to replace dead ones, at most, before the rest of the files fail without trying. */
const MAX_REPLACEMENTS = 4;

export function checkInWorkers(jobs: readonly CheckJob[], init: WorkerInit, options: PoolOptions): Promise<Finding[][]> {
  const workerFile = options.workerFile ?? path.join(__dirname, 'cliWorker.js');
  const results: (Finding[] | undefined)[] = new Array<Finding[] | undefined>(jobs.length);
  let nextJob = 0;
  let done = 0;
  let replacements = 0;
  let running = 0;

  return new Promise((resolve) => {
    const finish = (index: number, findings: Finding[]): void => {
      if (results[index] !== undefined) return;
      results[index] = findings;
      done++;
      options.onChecked?.();
    };
    const settleIfDone = (): void => {
      if (done === jobs.length && running === 0) resolve(results.map((findings) => findings ?? []));
    };

    const start = (): void => {
      const worker = new Worker(workerFile, { workerData: init });
      running++;
      let current: number | undefined;
      let failure: string | undefined;
      const sendNext = (): void => {
        if (nextJob >= jobs.length) {
          current = undefined;
          void worker.terminate();
          return;
        }
        current = nextJob++;
        const message: JobMessage = { index: current, job: jobs[current]! };
        worker.postMessage(message);
      };
      worker.on('message', (message: ResultMessage) => {
        finish(message.index, 'findings' in message ? message.findings : checkFailedFinding(message.failed, init.settings.severities));
        sendNext();
      });
      worker.on('error', (error) => (failure = error.message));
      worker.on('exit', (code) => {
        running--;
        if (current !== undefined) {
          // It died checking this file: the file says so, and the others go on.
          const detail = failure ?? `the check worker stopped (exit code ${code})`;
          finish(current, checkFailedFinding(detail, init.settings.severities));
          current = undefined;
          if (nextJob < jobs.length) {
            if (replacements < MAX_REPLACEMENTS) {
              replacements++;
              start();
            } else if (running === 0) {
              failRemaining(`${detail}; no worker is left to check it`);
            }
          }
        }
        settleIfDone();
      });
      sendNext();
    };

    const failRemaining = (detail: string): void => {
      while (nextJob < jobs.length) finish(nextJob++, checkFailedFinding(detail, init.settings.severities));
    };

    if (jobs.length === 0) resolve([]);
    for (let i = 0; i < options.workers && i < jobs.length; i++) start();
  });
}
