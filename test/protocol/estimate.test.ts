/**
 * The editor's sizing requests over real LSP: defaults from a Prometheus on disk, a
 * report for the open document, errors per input, code lens positions, and a malformed
 * request answered rather than thrown.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

const PROMETHEUS = `apiVersion: monitoring.coreos.com/v1
kind: Prometheus
metadata: {name: k8s, namespace: monitoring}
spec:
  retention: 15d
  storage:
    volumeClaimTemplate:
      spec:
        resources:
          requests: {storage: 500Gi}
`;
const QUOTA = `apiVersion: v1
kind: Deployment
metadata: {name: x}
---
apiVersion: v1
kind: ResourceQuota
metadata: {name: compute, namespace: shop}
spec:
  hard: {requests.cpu: "2"}
`;

let client: TestLspClient;
let workspace: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-estimate-'));
  fs.writeFileSync(path.join(workspace, 'prometheus.yaml'), PROMETHEUS);
  client = new TestLspClient();
  await client.initialize([pathToFileURL(workspace).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('the form takes its defaults from the Prometheus on disk, with the source', async () => {
  const form = (await client.connection.sendRequest('kubewise/estimateForm', { estimate: 'prometheus' })) as {
    fields: { name: string; value: string; source: string }[];
  };
  const retention = form.fields.find((field) => field.name === 'retention');
  assert.equal(retention?.value, '15d');
  assert.equal(retention?.source, 'Prometheus monitoring/k8s (prometheus.yaml)');
});

test('an estimate answers with the report, Markdown and a YAML comment; bad inputs with errors per input', async () => {
  const answer = (await client.connection.sendRequest('kubewise/estimate', {
    estimate: 'prometheus',
    inputs: { 'samples-per-second': '100000', retention: '1h' },
  })) as {
    ok: boolean;
    report: { sections: { rows: { key: string; value: unknown }[] }[] };
    markdown: string;
    yamlComment: string;
  };
  assert.equal(answer.ok, true);
  assert.equal(answer.report.sections[0]?.rows.find((row) => row.key === 'bytesPerHour')?.value, 540_000_000);
  assert.match(answer.markdown, /0\.54 GB/);
  assert.match(answer.yamlComment, /^# Kubewise estimate: Prometheus storage/);
  const bad = (await client.connection.sendRequest('kubewise/estimate', {
    estimate: 'pods',
    inputs: { 'instance-type': 'm5.huge' },
  })) as {
    ok: boolean;
    errors: Record<string, string>;
  };
  assert.equal(bad.ok, false);
  assert.match(bad.errors['instance-type'] ?? '', /not an instance type/);
  for (const malformed of [
    null,
    42,
    { estimate: 'disk' },
    { estimate: 'pods', inputs: { pods: 3 } },
    { estimate: 'pods', inputs: [] },
  ]) {
    const reply = (await client.connection.sendRequest('kubewise/estimate', malformed)) as { ok: boolean };
    assert.equal(reply.ok, false);
  }
});

test('code lenses sit on a Prometheus and a ResourceQuota of the open document', async () => {
  const uri = pathToFileURL(path.join(workspace, 'quota.yaml')).toString();
  await client.open(uri, QUOTA);
  const lenses = (await client.connection.sendRequest('kubewise/estimateLenses', { uri })) as {
    estimate: string;
    line: number;
  }[];
  assert.deepEqual(
    lenses.map((lens) => [lens.estimate, lens.line]),
    [['capacity', 4]],
  );
  assert.deepEqual(await client.connection.sendRequest('kubewise/estimateLenses', { uri: 'file:///nowhere.yaml' }), []);
});
