/**
 * Talks real LSP to the bundled server over stdio: the path VS Code takes, minus VS Code.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-frontend
spec:
  selector:
    matchLabels:
      app: shop
  template:
    metadata:
      labels:
        app: shop
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
`;

let client: TestLspClient;
let workspace: string;
const uriOf = (name: string): string => pathToFileURL(path.join(workspace, name)).toString();

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-protocol-'));
  client = new TestLspClient();
  const result = (await client.initialize([pathToFileURL(workspace).toString()])) as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.hoverProvider, 'server announces hovers');
  assert.ok(result.capabilities.codeActionProvider, 'server announces code actions');
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const byCode = (diagnostics: Diagnostic[], code: string): Diagnostic | undefined => diagnostics.find((d) => d.code === code);

test('didOpen publishes both probe findings on the container, with code and docs link, and no fix edits', async () => {
  const diagnostics = await client.open(uriOf('deployment.yaml'), DEPLOYMENT);
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['missing-liveness-probe', 'missing-readiness-probe']);
  const readiness = byCode(diagnostics, 'missing-readiness-probe')!;
  assert.equal(readiness.source, 'kubewise');
  assert.equal(readiness.severity, 2, 'warning');
  assert.deepEqual(readiness.range, { start: { line: 14, character: 10 }, end: { line: 14, character: 19 } });
  assert.match(readiness.codeDescription?.href ?? '', /docs\/rules\/missing-readiness-probe\.md$/);
  // Code actions take the edits from the latest check (quickFixLookup.test.ts).
  assert.equal(readiness.data, undefined);
});

test('hover on the finding explains why and how', async () => {
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: uriOf('deployment.yaml') },
    position: { line: 14, character: 13 },
  })) as Hover;
  const value = (hover.contents as { value: string }).value;
  assert.match(value, /traffic/);
  assert.match(value, /readinessProbe/);
  assert.match(value, /livenessProbe|hangs/);
  const none = await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: uriOf('deployment.yaml') },
    position: { line: 0, character: 14 },
  });
  assert.equal(none, null, 'no hover away from findings and keys');
  const explain = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: uriOf('deployment.yaml') },
    position: { line: 0, character: 2 },
  })) as { contents: { value: string } };
  assert.match(explain.contents.value, /^\*\*apiVersion\*\* `<string>`/, 'a key gets the kubectl explain view');
});

test('code actions offer the fix (preferred), disable-for-line and docs; applying the fix clears the finding', async () => {
  const uri = uriOf('deployment.yaml');
  const diagnostics = await client.nextDiagnostics(uri, 0);
  const readiness = byCode(diagnostics, 'missing-readiness-probe')!;
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: readiness.range,
    context: { diagnostics: [readiness] },
  })) as CodeAction[];
  const titles = actions.map((a) => a.title);
  assert.deepEqual(titles, [
    'Add readinessProbe',
    'Disable missing-readiness-probe for this line',
    'Show documentation for missing-readiness-probe',
    'Fix all auto-fixable Kubewise problems',
  ]);
  assert.equal(actions[0]?.isPreferred, true);
  assert.equal(actions[2]?.command?.command, 'kubewise.showRuleDocs');

  const document = TextDocument.create(uri, 'yaml', 1, DEPLOYMENT);
  const fixed = TextDocument.applyEdits(document, actions[0]!.edit!.changes![uri]!);
  assert.match(fixed, /readinessProbe:\n {12}httpGet:\n {14}path: \/\n {14}port: http/);
  const after = await client.changeFull(uri, fixed, 2);
  assert.deepEqual(
    after.map((d) => d.code),
    ['missing-liveness-probe'],
  );

  const disable = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, fixed), actions[1]!.edit!.changes![uri]!);
  assert.match(disable, / {8}# kubewise-disable-next-line missing-readiness-probe\n {8}- name: web/);
});

test('source.fixAll.kubewise applies every fix at once', async () => {
  const uri = uriOf('fix-all.yaml');
  const text = DEPLOYMENT + '---\n' + DEPLOYMENT.replace('shop-frontend', 'shop-backend');
  const opened = await client.open(uri, text);
  assert.equal(opened.length, 4);
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    context: { diagnostics: [], only: ['source.fixAll.kubewise'] },
  })) as CodeAction[];
  assert.equal(actions.length, 1);
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), actions[0]!.edit!.changes![uri]!);
  assert.deepEqual(await client.changeFull(uri, fixed, 2), []);
});

test('settings pulled from the client turn a rule off, and a change of settings re-checks open files', async () => {
  const uri = uriOf('settings.yaml');
  assert.equal((await client.open(uri, DEPLOYMENT)).length, 2);
  client.settings = { rules: { 'missing-liveness-probe': 'off', 'missing-readiness-probe': 'error' } };
  const before = client.publishCount(uri);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const diagnostics = await client.nextDiagnostics(uri, before);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity]),
    [['missing-readiness-probe', 1]],
  );
  client.settings = {};
  const reset = client.publishCount(uri);
  await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  assert.equal((await client.nextDiagnostics(uri, reset)).length, 2);
});

test('.kubewise.yaml applies to the folder, and its mistakes are reported in that file', async () => {
  const configPath = path.join(workspace, '.kubewise.yaml');
  fs.writeFileSync(configPath, 'rules:\n  missing-readiness-probe: off\n  no-such-rule: warning\n');
  const configUri = pathToFileURL(configPath).toString();
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 1 }] });
  const diagnostics = await client.open(uriOf('with-config.yaml'), DEPLOYMENT);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['missing-liveness-probe'],
  );
  const configDiagnostics = await client.nextDiagnostics(configUri, 0);
  assert.equal(configDiagnostics.length, 1);
  assert.match(String(configDiagnostics[0]!.message), /Unknown rule 'no-such-rule'/);
  assert.equal(configDiagnostics[0]!.range.start.line, 2);
  fs.rmSync(configPath);
  await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri, type: 3 }] });
});

test('non-Kubernetes YAML gets nothing; JSON manifests are checked too', async () => {
  const workflow = 'name: ci\non: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';
  assert.deepEqual(await client.open(uriOf('.github-workflow.yml'), workflow), []);
  const json = JSON.stringify(
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p' },
      spec: {
        containers: [
          {
            name: 'c',
            image: 'i:1',
            ports: [{ containerPort: 8080 }],
            resources: { requests: { cpu: '100m', memory: '128Mi' }, limits: { memory: '128Mi' } },
          },
        ],
      },
    },
    null,
    2,
  );
  const diagnostics = await client.open(uriOf('pod.json'), json, 'json');
  assert.deepEqual(diagnostics.map((d) => d.code).sort(), ['missing-liveness-probe', 'missing-readiness-probe']);
});

test('an open .kubewise.yaml applies unsaved, even where VS Code and Node spell the URI differently', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'team@kubewise-'));
  // VS Code percent-encodes '@' in paths; Node's pathToFileURL does not.
  const vscodeUri = (name: string): string => pathToFileURL(path.join(folder, name)).toString().replace(/@/g, '%40');
  const other = new TestLspClient();
  try {
    await other.initialize([vscodeUri('')]);
    fs.writeFileSync(path.join(folder, '.kubewise.yaml'), 'rules: {}\n');
    const config = await other.open(vscodeUri('.kubewise.yaml'), 'rules:\n  missing-liveness-probe: off\n  typo-rule: error\n');
    assert.deepEqual(
      config.map((d) => [d.code, d.range.start.line]),
      [['invalid-config', 2]],
      'the unsaved text is validated, not the file on disk',
    );
    const manifest = await other.open(vscodeUri('deployment.yaml'), DEPLOYMENT);
    assert.deepEqual(
      manifest.map((d) => d.code),
      ['missing-readiness-probe'],
      'the unsaved severities apply to the folder',
    );
  } finally {
    await other.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test("hovers follow the user's maxFileSizeKB, as the check does", async () => {
  const uri = uriOf('big.yaml');
  // Past the 4 MiB default in one document before it, which no cut can split: not checked.
  const big = `# ${'padding '.repeat(600_000)}\n---\n${DEPLOYMENT}`;
  const onCpu = { textDocument: { uri }, position: { line: 23, character: 20 } }; // `cpu: 100m`
  const hover = async (): Promise<string> => {
    const result = (await client.connection.sendRequest('textDocument/hover', onCpu)) as Hover | null;
    return result ? (result.contents as { value: string }).value : '';
  };
  try {
    assert.deepEqual(
      (await client.open(uri, big)).map((d) => d.code),
      ['file-not-checked'],
    );
    assert.equal(await hover(), '', 'over the default limit: not checked, no hover');
    client.settings = { maxFileSizeKB: 8192 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.match(await hover(), /0\.1 CPU/, 'a raised limit: the hover explains the value');
    client.settings = { maxFileSizeKB: 0.25 };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.changeFull(uri, DEPLOYMENT, 2);
    const onSmall = { textDocument: { uri }, position: { line: 21, character: 20 } };
    assert.equal(
      await client.connection.sendRequest('textDocument/hover', onSmall),
      null,
      'a lowered limit: a small file gets none',
    );
  } finally {
    client.settings = {};
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await client.close(uri);
  }
});
