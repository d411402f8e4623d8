/**
 * Both passes of `kubewise check --jobs N` in worker threads (cliWorker.ts). Files go
 * to workers one at a time, so a worker that finishes early takes the next file and
 * none idles behind a slow share. A file's check goes back to the worker that read
 * its facts, whose parse of it is still in memory; a worker with nothing left of its
 * own checks another's file (and parses it again). Results are put back in the files'
 * order, so the report is the one a run in this thread prints.
 *
 * A worker that dies (out of memory, a native crash) costs only the file it was on:
 * that file gets one internal-error finding, and a fresh worker takes its place.
 * Workers that cannot start at all (their script does not load) cost nothing: a
 * worker gets files only once it says it is ready, and if none ever is, the run goes on
 * in this thread, as with `--jobs 1`, after saying so once.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Finding } from '../service/core/types';
import { checkFailedFinding } from './checkJob';
import type { CheckJob, JobSettings, WorkspaceFacts } from './checkJob';
import { inProcessRunner } from './checkRunner';
import type { CheckRunner, FactsResult } from './checkRunner';
import type { FromWorker, ToWorker, WorkerInit } from './workerMessages';

export interface PoolOptions {
  workers: number;
  settings: JobSettings;
  /** The worker's script; cliWorker.js beside this module (dist/ when bundled, out/ under tsc). */
  workerFile?: string | undefined;
  /** Told once, with the reason, when no worker could start and the run goes on in this thread. */
  onFallback?: (detail: string) => void;
}

/** Workers started in place of dead ones, at most: past that, a broken worker script fails the files, not the run. */
const MAX_REPLACEMENTS = 4;

interface Slot {
  id: number;
  worker: Worker | undefined;
  /** The worker's script has loaded: only then is it given files. */
  ready: boolean;
  /** The file being worked on, which is lost if the worker dies. */
  current: number | undefined;
  failure: string | undefined;
}

interface Phase {
  type: 'facts' | 'check';
  jobs: readonly CheckJob[];
  /** Files for each slot first (its own parses), then any slot's. */
  queues: number[][];
  shared: number[];
  remaining: number;
  accept(slot: number, message: FromWorker): void;
  lose(index: number, detail: string): void;
  onDone(): void;
  resolve(): void;
}

export function workerRunner(options: PoolOptions): CheckRunner {
  return new CheckPool(options);
}

class CheckPool implements CheckRunner {
  private readonly slots: Slot[] = [];
  private readonly workerFile: string;
  /** The slot whose worker read each file's facts. */
  private readonly reader: number[] = [];
  /** Files whose worker died on them in pass one: they are not tried again. */
  private readonly lost = new Map<number, string>();
  private workspace: WorkspaceFacts | undefined;
  private phase: Phase | undefined;
  private replacements = 0;
  private closing = false;
  /** Some worker has started: after that, a worker that exits is a crash, not a start failure. */
  private anyReady = false;
  /** Both passes in this thread, once no worker could start. */
  private inThread: CheckRunner | undefined;

  constructor(private readonly options: PoolOptions) {
    this.workerFile = options.workerFile ?? path.join(__dirname, 'cliWorker.js');
  }

  async facts(jobs: readonly CheckJob[], onDone: () => void): Promise<FactsResult[]> {
    for (let id = this.slots.length; id < Math.min(this.options.workers, jobs.length); id++) {
      const slot: Slot = { id, worker: undefined, ready: false, current: undefined, failure: undefined };
      this.slots.push(slot);
      this.startWorker(slot);
    }
    const results: FactsResult[] = jobs.map(() => ({ facts: [] }));
    await this.run({
      type: 'facts',
      jobs,
      queues: this.slots.map(() => []),
      shared: jobs.map((_, index) => index),
      accept: (slot, message) => {
        if (message.type !== 'facts') return;
        results[message.index] = message.result;
        this.reader[message.index] = slot;
      },
      lose: (index, detail) => {
        results[index] = { failed: detail };
        this.lost.set(index, detail);
      },
      onDone,
    });
    return this.inThread ? this.inThread.facts(jobs, onDone) : results;
  }

  async check(jobs: readonly CheckJob[], workspace: WorkspaceFacts, onDone: () => void): Promise<Finding[][]> {
    if (this.inThread) return this.inThread.check(jobs, workspace, onDone);
    this.workspace = workspace;
    for (const slot of this.slots) slot.worker?.postMessage({ type: 'workspace', workspace } satisfies ToWorker);
    const results: Finding[][] = jobs.map(() => []);
    const queues: number[][] = this.slots.map(() => []);
    const shared: number[] = [];
    for (const [index] of jobs.entries()) {
      const lost = this.lost.get(index);
      if (lost !== undefined) {
        results[index] = checkFailedFinding(lost, this.options.settings.severities);
        onDone();
        continue;
      }
      const own = queues[this.reader[index] ?? -1];
      if (own) own.push(index);
      else shared.push(index);
    }
    await this.run({
      type: 'check',
      jobs,
      queues,
      shared,
      accept: (_, message) => {
        if (message.type === 'check') results[message.index] = message.findings;
      },
      lose: (index, detail) => (results[index] = checkFailedFinding(detail, this.options.settings.severities)),
      onDone,
    });
    return results;
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((slot) => slot.worker?.terminate()));
  }

  private run(phase: Omit<Phase, 'remaining' | 'resolve'>): Promise<void> {
    return new Promise((resolve) => {
      const remaining = phase.shared.length + phase.queues.reduce((sum, queue) => sum + queue.length, 0);
      if (remaining === 0) return resolve();
      this.phase = { ...phase, remaining, resolve };
      for (const slot of this.slots) this.feed(slot);
      if (this.slots.every((slot) => slot.worker === undefined)) this.noWorkerLeft('no check worker could be started');
    });
  }

  /** Gives an idle worker its next file: its own, then anyone's, then one from the longest queue. */
  private feed(slot: Slot): void {
    const phase = this.phase;
    if (!phase || !slot.worker || !slot.ready || slot.current !== undefined) return;
    const longest = phase.queues.reduce((a, b) => (b.length > a.length ? b : a), []);
    const index = phase.queues[slot.id]?.shift() ?? phase.shared.shift() ?? longest.pop();
    if (index === undefined) return;
    slot.current = index;
    try {
      slot.worker.postMessage({ type: phase.type, index, job: phase.jobs[index]! } satisfies ToWorker);
    } catch (error) {
      // A job that cannot be sent (it should always be plain data) fails alone.
      slot.current = undefined;
      this.settle(() => phase.lose(index, error instanceof Error ? error.message : String(error)));
      this.feed(slot);
    }
  }

  /** Records one file's result; the phase is over with the last one. */
  private settle(record: () => void): void {
    const phase = this.phase;
    if (!phase) return;
    record();
    phase.onDone();
    if (--phase.remaining > 0) return;
    this.phase = undefined;
    phase.resolve();
  }

  private startWorker(slot: Slot): void {
    const worker = new Worker(this.workerFile, { workerData: { settings: this.options.settings } satisfies WorkerInit });
    slot.worker = worker;
    slot.ready = false;
    slot.failure = undefined;
    if (this.workspace) worker.postMessage({ type: 'workspace', workspace: this.workspace } satisfies ToWorker);
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'ready') {
        slot.ready = this.anyReady = true;
        this.feed(slot);
        return;
      }
      slot.current = undefined;
      const phase = this.phase;
      if (phase) this.settle(() => phase.accept(slot.id, message));
      this.feed(slot);
    });
    worker.on('error', (error) => (slot.failure = error.message));
    worker.on('exit', (code) => this.onExit(slot, worker, code));
  }

  private onExit(slot: Slot, worker: Worker, code: number): void {
    if (this.closing || slot.worker !== worker) return;
    slot.worker = undefined;
    const detail = slot.failure ?? `the check worker stopped (exit code ${code})`;
    const index = slot.current;
    slot.current = undefined;
    const phase = this.phase;
    if (index !== undefined && phase) this.settle(() => phase.lose(index, detail));
    // A script that never loaded will not load on a second try.
    if (!this.anyReady) {
      if (this.slots.every((other) => other.worker === undefined)) this.noWorkerLeft(detail);
    } else if (this.replacements < MAX_REPLACEMENTS) {
      this.replacements++;
      this.startWorker(slot);
      this.feed(slot);
    } else if (this.phase) {
      // Its own files go to the workers left, if any.
      this.phase.shared.push(...(this.phase.queues[slot.id]?.splice(0) ?? []));
      if (this.slots.every((other) => other.worker === undefined)) this.noWorkerLeft(`${detail}; no check worker is left`);
      else for (const other of this.slots) this.feed(other);
    }
  }

  /**
   * No worker is left. If none ever started, nothing was sent to one: the pass ends here
   * and runs again in this thread. Otherwise every file not yet sent fails with `detail`.
   */
  private noWorkerLeft(detail: string): void {
    const phase = this.phase;
    if (!phase) return;
    if (!this.anyReady && !this.inThread) {
      this.options.onFallback?.(detail);
      this.inThread = inProcessRunner(this.options.settings);
      this.phase = undefined;
      phase.resolve();
      return;
    }
    for (const index of [...phase.queues.flatMap((queue) => queue.splice(0)), ...phase.shared.splice(0)]) {
      this.settle(() => phase.lose(index, detail));
    }
  }
}
