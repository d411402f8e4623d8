/**
 * References across files in the editor and the CLI: an Ingress whose Service is in
 * another file, checked by both hosts alike, while the Service's file is created,
 * deleted and renamed with the workspace open; and the navigation along the same
 * references (definition, references, Outline, workspace symbols, CodeLens, hover).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeLens, DocumentSymbol, Hover, Location, SymbolInformation } from 'vscode-languageserver-protocol/node';
import { TestLspClient } from '../support/lspClient';

const CLI_BUNDLE = path.resolve(__dirname, '../../../dist/cli.js');
const RULE = 'ingress-backend-missing';

const INGRESS = `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop, namespace: shop}
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: web
                port: {number: 80}
`;
const service = (name: string): string => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: shop
spec:
  selector:
    app: ${name}
  ports:
    - port: 80
      targetPort: http
`;
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
---
apiVersion: v1
kind: ConfigMap
metadata: {name: web-settings, namespace: shop}
`;

let root: string;
let client: TestLspClient;
const full = (relative: string): string => path.join(root, ...relative.split('/'));
const uriOf = (relative: string): string => pathToFileURL(full(relative)).toString();
const write = (relative: string, text: string): void => {
  fs.mkdirSync(path.dirname(full(relative)), { recursive: true });
  fs.writeFileSync(full(relative), text);
};

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-refs-')));
  write('ingress.yaml', INGRESS);
  write('services/api.yaml', service('api'));
  write('apps/web.yaml', DEPLOYMENT);
  client = new TestLspClient();
  await client.initialize([pathToFileURL(root).toString()]);
  await client.open(uriOf('ingress.yaml'), INGRESS);
  await client.idle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

function cliMessages(file: string): string[] {
  const run = spawnSync(process.execPath, [CLI_BUNDLE, 'check', '.', '--format', 'json'], { cwd: root, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { findings: { file: string; ruleId: string; message: string }[] };
  return report.findings.filter((f) => f.file === file && f.ruleId === RULE).map((f) => f.message);
}

async function serverMessages(file: string): Promise<string[]> {
  await client.idle();
  return (client.latest(uriOf(file)) ?? []).filter((d) => d.code === RULE).map((d) => String(d.message));
}

async function assertAgree(file: string, count: number): Promise<void> {
  const cli = cliMessages(file);
  assert.equal(cli.length, count, `the CLI finds ${count}: ${cli.join(' | ')}`);
  assert.deepEqual(await serverMessages(file), cli);
}

test('a backend naming a Service no file declares: both hosts report it', async () => {
  await assertAgree('ingress.yaml', 1);
});

test('the Service file is created while the Ingress is open: the finding goes', async () => {
  write('services/web.yaml', service('web'));
  await client.filesChanged([{ uri: uriOf('services/web.yaml'), type: 1 }]);
  await assertAgree('ingress.yaml', 0);
});

test('the Service file is renamed while open: still resolved; then deleted: reported again', async () => {
  await client.open(uriOf('services/web.yaml'), service('web'));
  fs.mkdirSync(full('moved'));
  fs.renameSync(full('services/web.yaml'), full('moved/web.yaml'));
  // As VS Code does for an open file renamed: the old editor closes, the new one opens, the watcher reports both.
  await client.close(uriOf('services/web.yaml'));
  await client.open(uriOf('moved/web.yaml'), service('web'));
  await client.filesChanged([
    { uri: uriOf('services/web.yaml'), type: 3 },
    { uri: uriOf('moved/web.yaml'), type: 1 },
  ]);
  await assertAgree('ingress.yaml', 0);

  await client.close(uriOf('moved/web.yaml'));
  fs.rmSync(full('moved/web.yaml'));
  await client.filesChanged([{ uri: uriOf('moved/web.yaml'), type: 3 }]);
  await assertAgree('ingress.yaml', 1);
});

test('an unsaved edit of an open file counts for the others', async () => {
  write('moved/web.yaml', '# empty for now\n');
  await client.filesChanged([{ uri: uriOf('moved/web.yaml'), type: 1 }]);
  await client.open(uriOf('moved/web.yaml'), '# empty for now\n');
  await client.changeFull(uriOf('moved/web.yaml'), service('web'), 2);
  assert.deepEqual(await serverMessages('ingress.yaml'), []);
});

const request = <T>(method: string, params: unknown): Promise<T> => client.connection.sendRequest(method, params) as Promise<T>;

test('go to definition: from the backend to the Service, in another file', async () => {
  const locations = await request<Location[]>('textDocument/definition', {
    textDocument: { uri: uriOf('ingress.yaml') },
    position: { line: 11, character: 20 },
  });
  assert.deepEqual(
    locations.map((l) => [l.uri, l.range.start.line]),
    [[uriOf('moved/web.yaml'), 3]],
  );
});

test('find references: from the Service to the Ingress; from the ConfigMap to nothing yet', async () => {
  const locations = await request<Location[]>('textDocument/references', {
    textDocument: { uri: uriOf('moved/web.yaml') },
    position: { line: 3, character: 9 },
    context: { includeDeclaration: false },
  });
  assert.deepEqual(
    locations.map((l) => [l.uri, l.range.start.line]),
    [[uriOf('ingress.yaml'), 11]],
  );
});

test('the Outline lists each object as Kind/name, with its containers', async () => {
  await client.open(uriOf('apps/web.yaml'), DEPLOYMENT);
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri: uriOf('apps/web.yaml') },
  });
  assert.deepEqual(
    symbols.map((s) => [s.name, s.range.start.line, (s.children ?? []).map((c) => c.name)]),
    [
      ['Deployment/web', 0, ['web']],
      ['ConfigMap/web-settings', 17, []],
    ],
  );
});

test('workspace symbols find any object by name', async () => {
  const symbols = await request<SymbolInformation[]>('workspace/symbol', { query: 'zzz' });
  assert.deepEqual(symbols, []);
  const found = await request<SymbolInformation[]>('workspace/symbol', { query: 'Service/we' });
  assert.deepEqual(
    found.map((s) => [s.name, s.location.uri]),
    [['Service/web', uriOf('moved/web.yaml')]],
  );
});

test('CodeLens: "selects 1 Deployment" and "selected by 1 Service"', async () => {
  const onService = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('moved/web.yaml') } });
  assert.deepEqual(
    onService.map((l) => l.command?.title),
    ['selects 1 Deployment'],
  );
  const onWorkload = await request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: uriOf('apps/web.yaml') } });
  assert.deepEqual(
    onWorkload.map((l) => l.command?.title),
    ['selected by 1 Service'],
  );
});

test('hover on a Service: DNS names, its type, the workloads it selects with links', async () => {
  const hover = await request<Hover | null>('textDocument/hover', {
    textDocument: { uri: uriOf('moved/web.yaml') },
    position: { line: 3, character: 9 },
  });
  const text = (hover?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(text, /`web\.shop\.svc\.cluster\.local`/);
  assert.match(text, /\*\*ClusterIP\*\*/);
  assert.ok(text.includes(`[Deployment web](${uriOf('apps/web.yaml')}#L4) — 80 → http (8080)`), text);
});

test("hover on a Service's selector key: the field's explanation and the Service hover together", async () => {
  const hover = await request<Hover | null>('textDocument/hover', {
    textDocument: { uri: uriOf('moved/web.yaml') },
    position: { line: 6, character: 3 },
  });
  const text = (hover?.contents as { value: string } | undefined)?.value ?? '';
  assert.match(text, /\*\*spec\.selector\*\*/);
  assert.match(text, /`web\.shop\.svc\.cluster\.local`/);
});
