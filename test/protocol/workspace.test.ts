/**
 * Rules across files over real LSP: the server indexes the workspace's manifests, so a
 * ResourceQuota on disk applies to a Deployment being edited, and an edit to the quota
 * re-checks the open Deployment.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

const QUOTA =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: compute, namespace: shop}\nspec:\n  hard: {requests.memory: 4Gi}\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: shop}
spec:
  replicas: 2
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: {cpu: 100m}
`;

let client: TestLspClient;
let workspace: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-workspace-'));
  fs.mkdirSync(path.join(workspace, 'quotas'));
  fs.writeFileSync(path.join(workspace, 'quotas', 'quota.yaml'), QUOTA);
  client = new TestLspClient();
  await client.initialize([pathToFileURL(workspace).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

/** Publishes until one satisfies `done` (the workspace scan finishes after the first check). */
async function until(uri: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (let seen = 0; ; seen++) {
    const diagnostics = await client.nextDiagnostics(uri, seen);
    if (done(diagnostics)) return diagnostics;
  }
}

const codes = (diagnostics: Diagnostic[]): unknown[] => diagnostics.map((d) => d.code);

test('a quota on disk applies to the open Deployment; editing the quota re-checks it', async () => {
  const webUri = pathToFileURL(path.join(workspace, 'web.yaml')).toString();
  await client.open(webUri, DEPLOYMENT);
  const withQuota = await until(webUri, (d) => codes(d).includes('quota-requires-requests'));
  const finding = withQuota.find((d) => d.code === 'quota-requires-requests');
  assert.match(
    String(finding?.message),
    /declares no requests\.memory, but namespace 'shop' has a ResourceQuota on it \('compute'\)/,
  );
  assert.equal(finding?.range.start.line, 8);

  const quotaUri = pathToFileURL(path.join(workspace, 'quotas', 'quota.yaml')).toString();
  const before = client.publishCount(webUri);
  await client.open(quotaUri, QUOTA.replace('requests.memory: 4Gi', 'requests.cpu: 100m'));
  const quotaDiagnostics = await until(quotaUri, (d) => codes(d).includes('quota-exceeded'));
  assert.match(
    String(quotaDiagnostics.find((d) => d.code === 'quota-exceeded')?.message),
    /ask for 0\.2 CPU \(Deployment web 2 × 0\.1 CPU\)/,
  );
  const after = await until(webUri, (d) => !codes(d).includes('quota-requires-requests'));
  assert.ok(client.publishCount(webUri) > before);
  assert.ok(!codes(after).includes('quota-requires-requests'));
});

test("VS Code's files.exclude leaves files out of the workspace; a change of it re-applies", async () => {
  const folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-exclude-')));
  const other = new TestLspClient();
  try {
    const cpuQuota = QUOTA.replace('requests.memory: 4Gi', 'requests.cpu: "1"');
    const withCpu = (name: string, cpu: string): string =>
      DEPLOYMENT.replace('name: web,', `name: ${name},`).replace('cpu: 100m', `cpu: ${cpu}`);
    fs.writeFileSync(path.join(folder, 'quota.yaml'), cpuQuota);
    fs.writeFileSync(path.join(folder, 'web.yaml'), withCpu('web', '300m'));
    fs.mkdirSync(path.join(folder, 'vendor'));
    fs.writeFileSync(path.join(folder, 'vendor', 'big.yaml'), withCpu('vendored', '2'));
    other.filesExclude = { '**/vendor': true, '**/*.tmp': false };
    await other.initialize([pathToFileURL(folder).toString()]);
    const quotaUri = pathToFileURL(path.join(folder, 'quota.yaml')).toString();
    await other.open(quotaUri, cpuQuota);
    await other.idle();
    assert.ok(!codes(other.latest(quotaUri) ?? []).includes('quota-exceeded'), 'vendor/ is excluded: 0.6 CPU fits');

    other.filesExclude = {};
    await other.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await other.idle();
    const exceeded = (other.latest(quotaUri) ?? []).find((d) => d.code === 'quota-exceeded');
    assert.match(String(exceeded?.message), /ask for 4\.6 CPU \(Deployment vendored 2 × 2 CPU, Deployment web 2 × 0\.3 CPU\)/);
  } finally {
    await other.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
