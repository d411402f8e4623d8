/**
 * The progress bar of `kubewise check` on a terminal (cli-progress), on stderr so
 * that stdout stays the report. Nothing at all is written when stderr is not a
 * terminal or with --no-progress: a CI log or a pipe gets only the report.
 */
import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number): void;
  tick(): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start() {}, tick() {}, stop() {} };

/** Where the bar is drawn: a terminal's stderr, or a test's stand-in for one. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export function shouldShowProgress(stream: ProgressStream, disabled: boolean): boolean {
  return !disabled && stream.isTTY === true;
}

export function progressBar(stream: ProgressStream): Progress {
  const bar = new SingleBar({
    // cli-progress writes through the stream's write() and readline's cursor moves, which only need write().
    stream: stream as NodeJS.WritableStream,
    format: 'kubewise check [{bar}] {percentage}% | ETA {eta_formatted}',
    clearOnComplete: true,
    hideCursor: false,
    etaBuffer: 50,
  });
  let total = 0;
  return {
    start(steps) {
      total = steps;
      // A run of one or two files is over before the bar could be read.
      if (total > 2) bar.start(total, 0);
    },
    tick() {
      if (total > 2) bar.increment();
    },
    stop() {
      if (total > 2) bar.stop();
    },
  };
}
