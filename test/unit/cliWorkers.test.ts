// `kubewise check --jobs N`: worker threads give exactly the report of one thread,
// a worker that dies costs only its file, and the progress bar shows on a terminal only.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkTargets } from '../../server/src/cli/checkTargets';
import type { CheckSettings, FileReport } from '../../server/src/cli/checkTargets';
import { collectFiles } from '../../server/src/cli/collectFiles';
import { WorkspaceFilter } from '../../server/src/host/workspaceFiles';
import { FIXTURES, runCli } from './cliHarness';

const ALL_FIXTURES = path.resolve(FIXTURES, '..');
const WORKER = path.resolve(__dirname, '../../server/src/cli/cliWorker.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-workers-'));
after(() => fs.rmSync(scratch, { recursive: true, force: true }));

async function check(folder: string, settings: Partial<CheckSettings>): Promise<FileReport[]> {
  const { targets } = await collectFiles([folder], ALL_FIXTURES, new WorkspaceFilter([]));
  return checkTargets(targets, {
    cwd: ALL_FIXTURES,
    severities: {},
    readStdin: () => Promise.reject(new Error('no stdin in this test')),
    ...settings,
  });
}

const inWorkers = { jobs: 2, minFilesForWorkers: 0 };

test('all test fixtures: two workers report exactly what one thread does, in the same order', async () => {
  const serial = await check('.', { jobs: 1 });
  assert.ok(serial.length > 400, `${serial.length} files`);
  assert.ok(
    serial.some((report) => report.findings.some((f) => f.ruleId === 'quota-exceeded')),
    'a rule across files fired',
  );
  assert.deepEqual(await check('.', inWorkers), serial);
});

/** A worker that dies on a file holding `CRASH-HERE` (as one out of memory would), and otherwise is the real one. */
function crashingWorker(): string {
  const file = path.join(scratch, 'crashingWorker.js');
  fs.writeFileSync(
    file,
    `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (message) => {
  if (message.job && message.job.text.includes('CRASH-HERE')) process.exit(7);
});
require(${JSON.stringify(WORKER)});
`,
  );
  return file;
}

test('a worker that dies costs only the file it was on: an internal-error finding, and the rest are checked', async () => {
  const folder = path.join(scratch, 'crash');
  fs.cpSync(path.join(FIXTURES, 'findings'), folder, { recursive: true });
  fs.writeFileSync(path.join(folder, 'crash.yaml'), '# CRASH-HERE\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n');
  const serial = await check(folder, { jobs: 1 });
  const crashed = await check(folder, { ...inWorkers, workerFile: crashingWorker() });
  const crashReport = crashed.find((report) => report.displayPath.endsWith('crash/crash.yaml'));
  assert.equal(crashReport?.findings.length, 1);
  assert.equal(crashReport?.findings[0]?.ruleId, 'internal-error');
  assert.match(crashReport?.findings[0]?.message ?? '', /^Checking this file failed: the check worker stopped \(exit code 7\)\./);
  const others = (reports: FileReport[]): FileReport[] =>
    reports.filter((report) => report !== crashReport && !report.displayPath.endsWith('crash.yaml'));
  assert.deepEqual(others(crashed), others(serial));
});

test('workers that cannot start: the run goes on in one thread, gives what --jobs 1 gives, and says so once', async () => {
  const notes: string[] = [];
  const folder = path.join(FIXTURES, 'findings');
  const reports = await check(folder, {
    ...inWorkers,
    workerFile: path.join(scratch, 'missing.js'),
    note: (message) => notes.push(message),
  });
  assert.ok(reports.length > 1);
  assert.deepEqual(reports, await check(folder, { jobs: 1 }));
  assert.equal(notes.length, 1);
  assert.match(notes[0] ?? '', /^check workers could not start \(.*missing\.js.*\); checking in one thread$/s);
});

test('the progress bar is drawn on a terminal, and nothing is written to a pipe or with --no-progress', async () => {
  const args = ['check', '--format', 'json', 'findings'];
  const onTerminal = await runCli(args, { stderrIsTTY: true });
  assert.match(onTerminal.stderr, /kubewise check \[[=-]+\] 100%/);
  const piped = await runCli(args);
  assert.equal(piped.stderr, '');
  assert.equal((await runCli([...args, '--no-progress'], { stderrIsTTY: true })).stderr, '');
  // The report on stdout is the same either way.
  assert.equal(onTerminal.stdout, piped.stdout);
});

test('--jobs takes a whole number of threads, 1 or more', async () => {
  for (const bad of ['0', 'two', '1.5', '-1']) {
    const result = await runCli(['check', '--jobs', bad, 'clean']);
    assert.equal(result.code, 2, bad);
    assert.match(result.stderr, /--jobs/);
  }
  assert.equal((await runCli(['check', '--jobs', '1', 'clean'])).stdout, 'No problems in 2 files.\n');
});
