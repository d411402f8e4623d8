/**
 * The server must survive anything a user can type: each hostile input gets a clear
 * diagnostic, and the server answers the next request. Latencies are printed for the
 * record (timed assertions belong in bench/); the only time limit here is the hang guard.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

let client: TestLspClient;
before(async () => {
  client = new TestLspClient();
  await client.initialize();
});
after(() => client.shutdown());

function aliasBomb(): string {
  const lines = [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata: {name: lol}',
    'data:',
    '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const previous = names[i - 1];
    lines.push(`  ${names[i]}: &${names[i]} [${Array(9).fill(`*${previous}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

function twentyMegabytes(): string {
  const item = '  - name: item\n    value: "0123456789012345678901234567890123456789"\n';
  return 'apiVersion: v1\nkind: List\nitems:\n' + item.repeat(Math.ceil((20 * 1024 * 1024) / item.length));
}

const cases: { name: string; text: string; languageId?: string; expect: (d: Diagnostic[]) => void }[] = [
  {
    name: 'malformed YAML',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: [unclosed\n  labels: {a: b\n',
    expect: (d) => assert.ok(d.some((x) => x.code === 'yaml-syntax' && x.severity === 1)),
  },
  { name: 'empty file', text: '', expect: (d) => assert.deepEqual(d, []) },
  {
    name: '20 MB file',
    text: twentyMegabytes(),
    expect: (d) => {
      assert.equal(d.length, 1);
      assert.equal(d[0]!.code, 'file-not-checked');
      assert.match(String(d[0]!.message), /KiB is over the 4096 KiB limit/);
    },
  },
  {
    name: 'binary file',
    text: 'PK\u0003\u0004\u0000\u0000binary\u0000data',
    expect: (d) =>
      assert.deepEqual(
        d.map((x) => x.code),
        ['unreadable-file'],
      ),
  },
  {
    name: 'alias bomb',
    text: aliasBomb(),
    expect: (d) =>
      assert.deepEqual(
        d.map((x) => x.code),
        ['yaml-alias-bomb'],
      ),
  },
  {
    name: 'deeply nested flow sequence',
    text: 'a: ' + '['.repeat(100_000),
    expect: (d) => assert.ok(d.length > 0 && d.every((x) => x.code === 'yaml-syntax')),
  },
  {
    name: 'Helm template',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include "chart.fullname" . }}\n{{- if .Values.x }}\nspec: {}\n{{- end }}\n',
    expect: (d) => {
      assert.deepEqual(
        d.map((x) => [x.code, x.severity, x.range.start.line]),
        [['file-not-checked', 3, 0]],
      );
      // Outside a chart, `{{ }}` names a template in general, not `helm template` (issue 8).
      assert.match(String(d[0]!.message), /^Template: /);
    },
  },
  {
    name: 'wrong types',
    text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: 7\nspec:\n  template:\n    spec:\n      containers: "not a list"\n---\napiVersion: 3\nkind: [Pod]\n',
    // One schema finding per problem, on the value at fault; the second document is no Kubernetes object.
    expect: (d) =>
      assert.deepEqual(
        d.map((x) => [x.code, x.range.start.line, x.message]),
        [
          ['schema-violation', 2, "'metadata' must be a map, not the number 7."],
          ['schema-violation', 3, "DeploymentSpec requires 'selector'."],
          ['schema-violation', 6, "'containers' must be a list, not the string 'not a list'."],
        ],
      ),
  },
];

for (const [index, item] of cases.entries()) {
  test(`${item.name}: a clear diagnostic, and the server keeps serving`, async () => {
    const uri = `untitled:bad-${index}`;
    const started = Date.now();
    const diagnostics = await client.open(uri, item.text, item.languageId ?? 'yaml');
    console.log(`  ${item.name}: diagnostics after ${Date.now() - started} ms`);
    item.expect(diagnostics);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 0 },
    });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.exited, false);
  });
}
