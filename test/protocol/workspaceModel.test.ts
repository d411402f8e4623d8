/**
 * The proof that the CLI and the editor share one workspace model: the same folder,
 * checked by `kubewise check --format json` and by the server with every manifest open,
 * gives the same findings (rule, file, line, message), before and after files are
 * deleted and renamed on disk and `.kubewise.yaml` changes what is ignored.
 *
 * The folder holds a ResourceQuota whose sums show which files counted: Deployments
 * in other files (one of them never opened, so it counts from disk), one reached
 * through a symlink (counted once), and Deployments that must not count, in an
 * `ignore:`d folder, a hidden folder and node_modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

const CLI_BUNDLE = path.resolve(__dirname, '../../../dist/cli.js');

const QUOTA =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec:\n  hard: {requests.cpu: "1", requests.memory: 1Gi}\n';
const deployment = (name: string, cpu = '200m'): string => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: app
          image: nginx:1.27
          resources:
            requests: {cpu: ${cpu}, memory: 128Mi}
            limits: {memory: 128Mi}
`;

let root: string;
let client: TestLspClient;
/** Paths relative to the root, with forward slashes, as the CLI prints them. */
const full = (relative: string): string => path.join(root, ...relative.split('/'));
const uriOf = (relative: string): string => pathToFileURL(full(relative)).toString();
const write = (relative: string, text: string): void => {
  fs.mkdirSync(path.dirname(full(relative)), { recursive: true });
  fs.writeFileSync(full(relative), text);
};

/** What the editor has open: every manifest the test wrote but `apps/batch.yaml`. */
const open = new Set<string>();

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-model-')));
  write('.kubewise.yaml', 'ignore:\n  - generated/**\n');
  write('quotas/quota.yaml', QUOTA);
  write('apps/web.yaml', deployment('web'));
  write('apps/api.yaml', deployment('api', '300m'));
  write('apps/batch.yaml', deployment('batch', '100m'));
  write('shared/db.yaml', deployment('db', '50m'));
  fs.symlinkSync(full('shared/db.yaml'), full('apps/db-link.yaml'));
  write('generated/gen.yaml', deployment('generated', '4'));
  write('.hidden/hidden.yaml', deployment('hidden', '4'));
  write('node_modules/pkg/dep.yaml', deployment('dependency', '4'));

  client = new TestLspClient();
  await client.initialize([pathToFileURL(root).toString()]);
  for (const file of [
    'quotas/quota.yaml',
    'apps/web.yaml',
    'apps/api.yaml',
    'apps/db-link.yaml',
    'shared/db.yaml',
    'generated/gen.yaml',
    '.hidden/hidden.yaml',
    'node_modules/pkg/dep.yaml',
  ]) {
    await client.open(uriOf(file), fs.readFileSync(full(file), 'utf8'));
    open.add(file);
  }
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

type Finding = [file: string, line: number, ruleId: string, message: string];

const sorted = (findings: Finding[]): Finding[] => findings.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));

function runCli(): { files: number; findings: Finding[] } {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, `the CLI failed: ${run.stderr}`);
  const report = JSON.parse(run.stdout) as {
    findings: { file: string; ruleId: string; message: string; range: { start: { line: number } } }[];
    summary: { files: number };
  };
  const findings = sorted(report.findings.map((f): Finding => [f.file, f.range.start.line - 1, f.ruleId, f.message]));
  return { files: report.summary.files, findings };
}

/** The server's latest diagnostics for `files` (open ones), as CLI-shaped findings. */
function serverFindings(files: readonly string[]): Finding[] | undefined {
  const findings: Finding[] = [];
  for (const file of files) {
    const diagnostics = client.latest(uriOf(file));
    if (!diagnostics) return undefined;
    for (const d of diagnostics) {
      findings.push([file, d.range.start.line, String(d.code), typeof d.message === 'string' ? d.message : d.message.value]);
    }
  }
  return sorted(findings);
}

/**
 * Runs the CLI, which must check exactly `expectedFiles`, waits until the server has
 * finished every check and disk task the test started, and compares its latest
 * publishes with the CLI's findings for every one of those files that is open.
 */
async function assertAgreement(expectedFiles: string[]): Promise<Finding[]> {
  const { files, findings: cli } = runCli();
  assert.equal(files, expectedFiles.length, 'the number of files the CLI checked');
  for (const [file] of cli) assert.ok(expectedFiles.includes(file), `the CLI checked ${file}`);
  const compared = expectedFiles.filter((file) => open.has(file));
  await client.idle();
  assert.deepEqual(
    serverFindings(compared),
    cli.filter(([file]) => open.has(file)),
  );
  return cli;
}

const quotaMessage = (findings: Finding[]): string | undefined =>
  findings.find(([file, , ruleId]) => file === 'quotas/quota.yaml' && ruleId === 'quota-exceeded')?.[3];

test('the CLI and the editor find the same, counting the same files', async () => {
  const findings = await assertAgreement([
    'apps/api.yaml',
    'apps/batch.yaml',
    'apps/db-link.yaml',
    'apps/web.yaml',
    'quotas/quota.yaml',
    'shared/db.yaml',
  ]);
  // 2 × (0.3 + 0.2 + 0.1 + 0.05) = 1.3 CPU: batch counts from disk, db once through its link,
  // and nothing from generated/ (ignored), .hidden/ or node_modules/.
  assert.match(
    quotaMessage(findings) ?? '',
    /ask for 1\.3 CPU \(Deployment api 2 × 0\.3 CPU, Deployment web 2 × 0\.2 CPU, Deployment batch 2 × 0\.1 CPU and 1 more\)/,
  );
});

test('after a delete and a rename on disk, they still agree', async () => {
  fs.rmSync(full('apps/web.yaml'));
  fs.mkdirSync(full('jobs'));
  fs.renameSync(full('apps/batch.yaml'), full('jobs/batch.yaml'));
  // As VS Code does: the deleted file's editor is closed, and the watcher reports the
  // delete, and the rename as a delete and a create.
  await client.close(uriOf('apps/web.yaml'));
  open.delete('apps/web.yaml');
  await client.filesChanged([
    { uri: uriOf('apps/web.yaml'), type: 3 },
    { uri: uriOf('apps/batch.yaml'), type: 3 },
    { uri: uriOf('jobs/batch.yaml'), type: 1 },
  ]);
  const findings = await assertAgreement([
    'apps/api.yaml',
    'apps/db-link.yaml',
    'jobs/batch.yaml',
    'quotas/quota.yaml',
    'shared/db.yaml',
  ]);
  // 2 × (0.3 + 0.1 + 0.05) = 0.9 CPU: within the quota now.
  assert.equal(quotaMessage(findings), undefined);
});

test('a .kubewise.yaml change re-reads its ignore globs in both', async () => {
  write('apps/api.yaml', deployment('api', '600m')); // 2 × (0.6 + 0.1 + 0.05) = 1.5 CPU
  await client.filesChanged([{ uri: uriOf('apps/api.yaml'), type: 2 }]);
  // The open document's text is what the editor checks; the user saves the same text.
  await client.changeFull(uriOf('apps/api.yaml'), deployment('api', '600m'), 2);
  const before = await assertAgreement([
    'apps/api.yaml',
    'apps/db-link.yaml',
    'jobs/batch.yaml',
    'quotas/quota.yaml',
    'shared/db.yaml',
  ]);
  assert.match(quotaMessage(before) ?? '', /ask for 1\.5 CPU/);

  write('.kubewise.yaml', 'ignore:\n  - generated/**\n  - jobs/**\n'); // 2 × (0.6 + 0.05) = 1.3 CPU
  await client.filesChanged([{ uri: uriOf('.kubewise.yaml'), type: 2 }]);
  const afterwards = await assertAgreement(['apps/api.yaml', 'apps/db-link.yaml', 'quotas/quota.yaml', 'shared/db.yaml']);
  assert.match(quotaMessage(afterwards) ?? '', /ask for 1\.3 CPU \(Deployment api 2 × 0\.6 CPU, Deployment db 2 × 0\.05 CPU\)/);
});
