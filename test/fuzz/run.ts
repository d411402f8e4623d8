/**
 * The long fuzz run: `npm run fuzz -- --runs 100000 [--seed N]`. Prints the seed (to replay a
 * failure with the same cases), a line per 10,000 cases, and on failure the shrunk counterexample.
 */
import fc from 'fast-check';
import { invariantsHold } from './property';

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`--${name} needs a whole number`);
  return value;
}

const runs = flag('runs', 100_000);
const seed = flag('seed', Date.now() % 2 ** 31);
const started = Date.now();
let done = 0;
console.log(`fuzz: ${runs} cases, seed ${seed}`);
const property = invariantsHold().afterEach(() => {
  done++;
  if (done % 10_000 === 0) console.log(`  ${done} cases, ${((Date.now() - started) / 1000).toFixed(0)} s`);
});
const result = fc.check(property, { numRuns: runs, seed, includeErrorInReport: true });
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (result.failed) {
  console.error(fc.defaultReportMessage(result) ?? 'failed');
  console.error(`fuzz: FAILED after ${result.numRuns} cases in ${seconds} s (seed ${seed})`);
  process.exit(1);
}
console.log(`fuzz: ${result.numRuns} cases, no failure, in ${seconds} s (seed ${seed})`);
