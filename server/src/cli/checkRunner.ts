/**
 * The two passes of `kubewise check` over the files that were read: their facts
 * (what rules across files compare), then their checks against everyone else's
 * facts. One runner does both in this thread, the other in worker threads
 * (checkPool.ts); checkTargets.ts drives either the same way, so both print the same.
 */
import { ChunkCache } from '../service/engine/chunkCache';
import { factsOfText } from '../service/engine/checkFile';
import type { DocumentFacts } from '../service/facts/factKind';
import type { Finding } from '../service/core/types';
import { checkFailedFinding, checkJob, describeError, jobOptions, othersThan } from './checkJob';
import type { CheckJob, JobSettings, WorkspaceFacts } from './checkJob';

/** A file's facts, or why it has none: a file whose facts failed contributes nothing. */
export type FactsResult = { facts: DocumentFacts[] } | { failed: string };

export interface CheckRunner {
  /** Pass one, in the order of `jobs`; `onDone` once per file. */
  facts(jobs: readonly CheckJob[], onDone: () => void): Promise<FactsResult[]>;
  /** Pass two, for the same jobs (by index) as pass one, each against the others' facts in `workspace`. */
  check(jobs: readonly CheckJob[], workspace: WorkspaceFacts, onDone: () => void): Promise<Finding[][]>;
  close(): Promise<void>;
}

/** Extracts a file's facts, keeping its parse in `cache` for the check. The service should not throw; if it does, the file has no facts. */
export function factsOfJob(job: CheckJob, settings: JobSettings, cache: ChunkCache): FactsResult {
  try {
    return { facts: factsOfText(job.text, jobOptions(job, [], settings, cache)) };
  } catch (error) {
    return { failed: describeError(error) };
  }
}

/** Checks a file; one that throws gets one finding saying so, and the other files are still checked. */
export function findingsOfJob(job: CheckJob, workspace: WorkspaceFacts, settings: JobSettings, cache?: ChunkCache): Finding[] {
  try {
    return checkJob(job, othersThan(workspace, job.key), settings, cache);
  } catch (error) {
    return checkFailedFinding(describeError(error), settings.severities);
  }
}

/** Both passes in this thread; each file's cache makes the check re-use the parse its facts came from. */
export function inProcessRunner(settings: JobSettings): CheckRunner {
  const caches: ChunkCache[] = [];
  return {
    facts: async (jobs, onDone) =>
      jobs.map((job, index) => {
        const result = factsOfJob(job, settings, (caches[index] = new ChunkCache()));
        onDone();
        return result;
      }),
    check: async (jobs, workspace, onDone) =>
      jobs.map((job, index) => {
        const findings = findingsOfJob(job, workspace, settings, caches[index]);
        onDone();
        return findings;
      }),
    close: async () => {},
  };
}
