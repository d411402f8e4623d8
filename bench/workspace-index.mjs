// Opening a workspace of 2,000 manifest files: the open file's first diagnostics must not
// wait for the workspace index (the walk and the facts of every file), and the index must
// complete, after which the open file is checked again against the whole workspace.
//
// The open file is a Service whose selector matches none of the workspace's Deployments:
// its first diagnostics (before the index) cannot know that; the re-check after the index
// reports service-selects-nothing. Both times are measured from `initialized`.
//
// Usage: npm run build && node bench/workspace-index.mjs   (BENCH_FILES, BENCH_ROUNDS to change)
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const require = createRequire(import.meta.url);
const { StreamMessageReader, StreamMessageWriter, createProtocolConnection } = require('vscode-languageserver-protocol/node');
const FILES = Number(process.env.BENCH_FILES ?? 2000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const deployment = (i) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: app-${i}, namespace: team-${i % 20}}
spec:
  replicas: 2
  selector: {matchLabels: {app: app-${i}}}
  template:
    metadata: {labels: {app: app-${i}}}
    spec:
      containers:
        - name: app
          image: nginx:1.27
          ports: [{name: http, containerPort: 8080}]
          readinessProbe: {httpGet: {path: /, port: http}}
          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {memory: 128Mi}}
---
apiVersion: v1
kind: Service
metadata: {name: app-${i}, namespace: team-${i % 20}}
spec:
  selector: {app: app-${i}}
  ports: [{port: 80, targetPort: http}]
`;
const OPEN = `apiVersion: v1
kind: Service
metadata: {name: orphan, namespace: team-0}
spec:
  selector: {app: nothing-has-this-label}
  ports: [{port: 80}]
`;

function makeWorkspace() {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-bench-ws-')));
  for (let i = 0; i < FILES - 1; i++) {
    const folder = path.join(dir, `team-${i % 20}`);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, `app-${i}.yaml`), deployment(i));
  }
  fs.writeFileSync(path.join(dir, 'orphan.yaml'), OPEN);
  return dir;
}

async function round(dir) {
  const child = spawn(process.execPath, [path.join(root, 'dist/server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const uri = pathToFileURL(path.join(dir, 'orphan.yaml')).toString();
  const publishes = [];
  let start = 0;
  let resolveIndexed;
  const indexed = new Promise((resolve) => (resolveIndexed = resolve));
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    if (params.uri !== uri) return;
    const dangling = params.diagnostics.some((d) => d.code === 'service-selects-nothing');
    publishes.push({ at: performance.now() - start, dangling });
    if (dangling) resolveIndexed();
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => ({})));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', () => undefined);
  connection.listen();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: null,
    capabilities: { workspace: { configuration: true } },
    workspaceFolders: [{ uri: pathToFileURL(dir).toString(), name: 'bench' }],
  });
  start = performance.now();
  await connection.sendNotification('initialized', {});
  await connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text: OPEN },
  });
  await indexed;
  const first = publishes[0];
  const complete = publishes.find((p) => p.dangling);
  await connection.sendRequest('shutdown');
  await connection.sendNotification('exit');
  connection.dispose();
  child.kill();
  return { first: first.at, firstDangling: first.dangling, indexed: complete.at };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const dir = makeWorkspace();
try {
  const results = [];
  for (let i = 0; i < ROUNDS; i++) results.push(await round(dir));
  const early = results.filter((r) => !r.firstDangling).length;
  console.log(`${FILES} files, ${ROUNDS} rounds (median):`);
  console.log(`  first diagnostics of the open file: ${median(results.map((r) => r.first)).toFixed(0)} ms`);
  console.log(
    `  index complete (open file re-checked against the workspace): ${median(results.map((r) => r.indexed)).toFixed(0)} ms`,
  );
  console.log(`  rounds whose first diagnostics came before the index: ${early} of ${ROUNDS}`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
