// Completion over LSP: the server announces it, and answers with keys, values and snippets.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;

before(async () => {
  client = new TestLspClient();
  const result = (await client.initialize([])) as { capabilities: Record<string, unknown> };
  assert.ok(result.capabilities.completionProvider, 'server announces completion');
});

after(async () => {
  await client.shutdown();
});

interface Item {
  label: string;
  insertTextFormat?: number;
  documentation?: { value: string };
}

async function complete(uri: string, text: string, line: number, character: number): Promise<Item[]> {
  await client.open(uri, text);
  return (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line, character },
  })) as Item[];
}

test('keys of a container, with descriptions', async () => {
  const text =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: app:1\n      read\n';
  const items = await complete('untitled:complete-keys', text, 8, 10);
  const probe = items.find((item) => item.label === 'readinessProbe');
  assert.ok(probe, 'readinessProbe is offered');
  assert.match(probe.documentation?.value ?? '', /readiness/);
  assert.equal(items.find((item) => item.label === 'resources (snippet)')?.insertTextFormat, 2, 'snippets are LSP snippets');
});

test('enum values, and snippets in an empty file', async () => {
  const values = await complete(
    'untitled:complete-values',
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: s\nspec:\n  type: \n',
    5,
    8,
  );
  assert.deepEqual(
    values.map((item) => item.label),
    ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'],
  );
  const snippets = await complete('untitled:complete-empty', '', 0, 0);
  assert.deepEqual(
    snippets.map((item) => item.label),
    ['Deployment', 'Service'],
  );
});
