/**
 * A check worker of `kubewise check --jobs N` (checkPool.ts): checks the files it is
 * sent against the workspace's facts it was given at start, one at a time, and
 * answers each with its findings. Bundled as dist/cliWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkJob, describeError, othersThan } from './checkJob';
import type { JobMessage, ResultMessage, WorkerInit } from './workerMessages';

const init = workerData as WorkerInit;

parentPort?.on('message', ({ index, job }: JobMessage) => {
  let result: ResultMessage;
  try {
    result = { index, findings: checkJob(job, othersThan(init.workspace, job.key), init.settings) };
  } catch (error) {
    result = { index, failed: describeError(error) };
  }
  parentPort?.postMessage(result);
});
