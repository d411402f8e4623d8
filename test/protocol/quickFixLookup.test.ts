/**
 * Quick fixes over real LSP, now that a diagnostic carries no fix edits: the server matches
 * the diagnostic the client sends back to its finding in the check of the text on screen. A
 * request that comes before the check of the latest edit waits for it; a diagnostic of an
 * older text gets no fix, whose edits would be for that text.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TestLspClient } from '../support/lspClient';

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  selector:
    matchLabels: {app: shop}
  template:
    metadata:
      labels: {app: shop}
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
          ports:
            - name: http
              containerPort: 80
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 128Mi}
`;

let client: TestLspClient;
let folder: string;

before(async () => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-quickfix-'));
  client = new TestLspClient();
  await client.initialize([pathToFileURL(folder).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(folder, { recursive: true, force: true });
});

const uriOf = (name: string): string => pathToFileURL(path.join(folder, name)).toString();

async function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: diagnostic.range,
    context: { diagnostics: [diagnostic], only: ['quickfix'] },
  })) as CodeAction[];
}

const down = (range: Range, lines: number): Range => ({
  start: { line: range.start.line + lines, character: range.start.character },
  end: { line: range.end.line + lines, character: range.end.character },
});

test('a published diagnostic, as the client sends it back, gets its fix from the latest check', async () => {
  const uri = uriOf('lookup.yaml');
  const diagnostics = await client.open(uri, DEPLOYMENT);
  const readiness = diagnostics.find((d) => d.code === 'missing-readiness-probe');
  assert.ok(readiness, 'the finding is published');
  assert.equal(readiness.data, undefined, 'no fix edits travel in the publish');
  const actions = await actionsFor(uri, readiness);
  assert.deepEqual(
    actions.map((action) => action.title),
    ['Add readinessProbe', 'Disable missing-readiness-probe for this line', 'Show documentation for missing-readiness-probe'],
  );
  assert.equal(actions[0]!.diagnostics?.[0]?.code, 'missing-readiness-probe', 'the fix answers that diagnostic');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, DEPLOYMENT), actions[0]!.edit!.changes![uri]!);
  const after = await client.changeFull(uri, fixed, 2);
  assert.ok(!after.some((d) => d.code === 'missing-readiness-probe'), 'the fix clears the finding');
});

test('a diagnostic of an older text gets no fix; the same finding where the new text has it does', async () => {
  const uri = uriOf('stale.yaml');
  const opened = await client.open(uri, DEPLOYMENT);
  const stale = opened.find((d) => d.code === 'missing-readiness-probe')!;
  // Two lines added at the top: the finding moves down two lines.
  const moved = `# shop\n# web\n${DEPLOYMENT}`;
  await client.changeFull(uri, moved, 2);
  const old = await actionsFor(uri, stale);
  assert.ok(!old.some((action) => action.title === 'Add readinessProbe'), 'no edits meant for the old text');
  const now = await actionsFor(uri, { ...stale, range: down(stale.range, 2) });
  assert.equal(now[0]?.title, 'Add readinessProbe');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, moved), now[0]!.edit!.changes![uri]!);
  assert.match(fixed, /^# shop\n# web\napiVersion/);
  assert.match(fixed, /readinessProbe:\n {12}httpGet:/);
});

test('a request sent right after an edit, before its check is published, is answered for the edited text', async () => {
  const uri = uriOf('racing.yaml');
  const opened = await client.open(uri, DEPLOYMENT);
  const readiness = opened.find((d) => d.code === 'missing-readiness-probe')!;
  const moved = `# shop\n${DEPLOYMENT}`;
  const before = client.publishCount(uri);
  // No wait for the publish: the server's check of version 2 is still debounced.
  await client.connection.sendNotification('textDocument/didChange', {
    textDocument: { uri, version: 2 },
    contentChanges: [{ text: moved }],
  });
  const actions = await actionsFor(uri, { ...readiness, range: down(readiness.range, 1) });
  assert.equal(actions[0]?.title, 'Add readinessProbe');
  const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, moved), actions[0]!.edit!.changes![uri]!);
  assert.match(fixed, /readinessProbe:\n {12}httpGet:/);
  await client.nextDiagnostics(uri, before);
});
