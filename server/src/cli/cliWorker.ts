/**
 * A check worker of `kubewise check --jobs N` (checkPool.ts): extracts the facts of
 * the files it is sent, keeping each parse, then checks files against the
 * workspace's facts, one file per message. Bundled as dist/cliWorker.js.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ChunkCache } from '../service/engine/chunkCache';
import type { WorkspaceFacts } from './checkJob';
import { factsOfJob, findingsOfJob } from './checkRunner';
import type { FromWorker, ToWorker, WorkerInit } from './workerMessages';

const { settings } = workerData as WorkerInit;
/** Parses of pass one by file index: a file is usually checked by the worker that read its facts. */
const caches = new Map<number, ChunkCache>();
let workspace: WorkspaceFacts = [];

parentPort?.on('message', (message: ToWorker) => {
  let reply: FromWorker;
  switch (message.type) {
    case 'workspace':
      workspace = message.workspace;
      return;
    case 'facts': {
      const cache = new ChunkCache();
      caches.set(message.index, cache);
      const result = factsOfJob(message.job, settings, cache);
      // The `locate` function beside each document's facts cannot cross threads, and no check reads it.
      if ('facts' in result) result.facts = result.facts.map((facts) => new Map(facts));
      reply = { type: 'facts', index: message.index, result };
      break;
    }
    case 'check':
      reply = {
        type: 'check',
        index: message.index,
        findings: findingsOfJob(message.job, workspace, settings, caches.get(message.index)),
      };
      caches.delete(message.index);
      break;
  }
  parentPort?.postMessage(reply);
});
parentPort?.postMessage({ type: 'ready' } satisfies FromWorker);
