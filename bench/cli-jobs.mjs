// `kubewise check` over about 2,000 real files, in one thread (--jobs 1) and in worker
// threads (--jobs 2, ...): wall time, CPU time and peak memory, and a check that every
// run prints the same JSON report.
//
// The tree is the development corpus (/work/shared/corpus-dev, or BENCH_CORPUS) and
// examples/, each copied BENCH_COPIES times (4: 1,996 files) into a temporary folder.
// The copies count for each other's rules across files, as a monorepo of similar
// services would.
//
// Usage: npm run build && node bench/cli-jobs.mjs   (BENCH_JOBS=1,2 BENCH_ROUNDS=3 BENCH_COPIES=4)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = process.env.BENCH_CORPUS ?? '/work/shared/corpus-dev';
const COPIES = Number(process.env.BENCH_COPIES ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const JOBS = (process.env.BENCH_JOBS ?? '1,2').split(',').map(Number);
const cli = path.join(root, 'dist', 'cli.js');

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-cli-jobs-'));
for (let copy = 1; copy <= COPIES; copy++) {
  fs.cpSync(CORPUS, path.join(tree, `corpus-${copy}`), { recursive: true });
  fs.cpSync(path.join(root, 'examples'), path.join(tree, `examples-${copy}`), { recursive: true });
}
const files = fs.readdirSync(tree, { recursive: true }).filter((entry) => fs.statSync(path.join(tree, entry)).isFile());
console.log(`${files.length} files in ${tree}; ${os.availableParallelism()} cores; load ${os.loadavg()[0].toFixed(1)}`);

/** One run under GNU time: wall and CPU seconds, peak memory; the report for comparison. */
function measure(jobs) {
  const result = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', process.execPath, cli, 'check', '--format', 'json', '--jobs', String(jobs), '.'],
    { cwd: tree, encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  if (result.status !== 0 && result.status !== 1) throw new Error(`exit ${result.status}: ${result.stderr}`);
  const [wall, user, sys, kb] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { wall, cpu: user + sys, mb: kb / 1024, report: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
let reference;
const rows = [];
for (const jobs of JOBS) {
  const runs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const run = measure(jobs);
    reference ??= run.report;
    if (run.report !== reference) throw new Error(`--jobs ${jobs} printed another report than --jobs ${JOBS[0]}`);
    runs.push(run);
  }
  rows.push({
    jobs,
    wall: median(runs.map((run) => run.wall)),
    cpu: median(runs.map((run) => run.cpu)),
    mb: median(runs.map((run) => run.mb)),
  });
}
fs.rmSync(tree, { recursive: true, force: true });
console.log(`\n| --jobs | wall (median of ${ROUNDS}) | CPU (user + sys) | peak memory |\n|---:|---:|---:|---:|`);
for (const row of rows)
  console.log(`| ${row.jobs} | ${row.wall.toFixed(1)} s | ${row.cpu.toFixed(1)} s | ${Math.round(row.mb)} MB |`);
console.log(`\nSame JSON report from every run (${JSON.parse(reference).findings.length} findings).`);
