/**
 * The series hovers over real LSP: a pod-template label key counts the series it
 * multiplies, with another file's workload in the count (the workspace index).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

const deployment = (name: string, replicas: number, track: string): string => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: checkout
  template:
    metadata:
      labels:
        app: checkout
        track: ${track}
    spec:
      containers:
        - name: checkout
          image: registry.example.com/checkout:1.4.2
`;

let client: TestLspClient;
let workspace: string;
const uriOf = (name: string): string => pathToFileURL(path.join(workspace, name)).toString();

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-series-'));
  fs.writeFileSync(path.join(workspace, 'canary.yaml'), deployment('checkout-canary', 1, 'canary'));
  client = new TestLspClient();
  await client.initialize([pathToFileURL(workspace).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

test('hover on a template label key counts values and pods across the workspace', async () => {
  const uri = uriOf('stable.yaml');
  await client.open(uri, deployment('checkout-stable', 3, 'stable'));
  let value = '';
  // The workspace index reads canary.yaml in the background: poll until it is counted.
  for (let attempt = 0; attempt < 50 && !/carried by \*\*4\*\* pods/.test(value); attempt++) {
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 13, character: 10 },
    })) as Hover | null;
    value = hover ? (hover.contents as { value: string }).value : '';
    if (!/carried by \*\*4\*\* pods/.test(value)) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assert.match(value, /\*\*2\*\* distinct values in the workspace/);
  assert.match(value, /carried by \*\*4\*\* pods of 2 workloads/);
  assert.match(value, /metric-labels-allowlist/);
});
