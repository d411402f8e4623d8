/**
 * Issue 14's hostile inputs, over the protocol: each gets a clear diagnostic (or, for text that is
 * simply not a manifest, none), ranges land where the editor shows the text, and the server answers
 * the next hover. badInput.test.ts has the first set (malformed, 20 MB, binary, alias bomb, Helm).
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

const POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: p',
  'spec:',
  '  containers:',
  '    - name: web',
  '      image: nginx:1.27',
  '      resources:',
  '        requests: {cpu: 100m, memory: 100mi}',
  '        limits: {memory: 100Mi}',
  '',
].join('\n');

const codes = (d: Diagnostic[]): string[] => d.map((x) => String(x.code));
const at = (d: Diagnostic[], code: string): [number, number] | undefined => {
  const found = d.find((x) => x.code === code);
  return found ? [found.range.start.line, found.range.start.character] : undefined;
};

function enormousCrd(): string {
  // 30 levels deep (real CRDs reach about 40) with 100 properties on each level: 3,000 fields, in
  // block style as CRDs are written, and a resource whose deepest field has the wrong type.
  const lines: string[] = [];
  for (let depth = 0; depth < 30; depth++) {
    const pad = '  '.repeat(2 * depth + 6);
    lines.push(`${pad}type: object`, `${pad}properties:`);
    for (let i = 0; i < 100; i++) lines.push(`${pad}  p${i}: {type: integer, description: field ${i} of level ${depth}}`);
    lines.push(`${pad}  next:`);
  }
  lines.push(`${'  '.repeat(66)}type: integer`);
  const deepValue = 'next: {'.repeat(30) + '}'.repeat(30);
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: deeps.example.com}',
    'spec:',
    '  group: example.com',
    '  names: {kind: Deep, plural: deeps}',
    '  scope: Namespaced',
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    '      schema:',
    '        openAPIV3Schema:',
    ...lines,
    '---',
    'apiVersion: example.com/v1',
    'kind: Deep',
    'metadata: {name: d}',
    deepValue.replace(/\{\}/, '"not an integer"'),
    '',
  ].join('\n');
}

const cases: { name: string; text: string; languageId?: string; uri?: string; expect: (d: Diagnostic[]) => void }[] = [
  {
    name: '10,000-deep block nesting',
    text: 'a:\n  ' + '- '.repeat(10_000) + 'x\n',
    expect: (d) => assert.deepEqual(codes(d), ['yaml-syntax']),
  },
  {
    name: '50 MB file',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n' + '  k: "0123456789abcdef"\n'.repeat(2_300_000),
    expect: (d) => {
      assert.deepEqual(codes(d), ['file-not-checked']);
      assert.match(String(d[0]?.message), /over the \d+ KiB limit/);
    },
  },
  {
    name: 'one 1 MB line',
    text: `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: "${'x'.repeat(1024 * 1024)}"\n  n: 1\n`,
    // Checked like any ConfigMap: the number as a data value is the only problem.
    expect: (d) => assert.deepEqual(codes(d), ['schema-violation']),
  },
  {
    name: 'lone surrogates (what invalid UTF-8 becomes once decoded)',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: s}\ndata:\n  a: "\ud800x\udfff"\n',
    expect: (d) => assert.deepEqual(d, []),
  },
  {
    name: 'CRLF line ends and a byte-order mark: ranges as the editor counts them',
    text: '\ufeff' + POD.replace(/\n/g, '\r\n'),
    expect: (d) => assert.deepEqual(at(d, 'invalid-quantity'), [9, 38]),
  },
  {
    name: 'a tab in the indentation',
    text: 'apiVersion: v1\nkind: Pod\nmetadata:\n\tname: p\n',
    expect: (d) => {
      assert.deepEqual(codes(d), ['yaml-syntax']);
      assert.deepEqual(at(d, 'yaml-syntax'), [3, 0]);
    },
  },
  {
    name: 'duplicate keys',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata:\n  a: "1"\n  a: "2"\n',
    expect: (d) => {
      assert.deepEqual(at(d, 'yaml-syntax'), [5, 2]);
      assert.match(String(d[0]?.message), /Duplicate key "a"/);
    },
  },
  {
    name: 'merge keys: the merged resources count',
    text: POD.replace(
      '      resources:\n        requests: {cpu: 100m, memory: 100mi}\n        limits: {memory: 100Mi}\n',
      '      resources:\n        <<: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 64Mi}}\n',
    ),
    expect: (d) => assert.deepEqual(codes(d), ['missing-liveness-probe']),
  },
  {
    name: 'an alias to an anchor in another document',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d {a: "1"}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: b}\ndata: *d\n',
    expect: (d) => {
      assert.deepEqual(codes(d), ['yaml-syntax']);
      assert.deepEqual(at(d, 'yaml-syntax'), [8, 6]);
      assert.match(String(d[0]?.message), /no anchor before it in this document/);
    },
  },
  {
    name: 'an alias inside the node it names',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\ndata: &d {a: *d}\n',
    expect: (d) => assert.match(String(d.find((x) => x.code === 'yaml-syntax')?.message), /contain itself/),
  },
  {
    name: 'documents that are a scalar and a list (not manifests: nothing to judge)',
    text: 'just a string\n---\n- a\n- b\n---\n42\n',
    expect: (d) => assert.deepEqual(d, []),
  },
  {
    name: 'a CNI config of 10 MB',
    uri: 'file:///tmp/kubewise-hostile/net.d/10-huge.conflist',
    languageId: 'json',
    text: JSON.stringify({
      cniVersion: '1.0.0',
      name: 'huge',
      plugins: Array.from({ length: 150_000 }, (_, i) => ({ type: 'bridge', bridge: `br${i}`, ipam: { type: 'host-local' } })),
    }),
    expect: (d) => {
      assert.deepEqual(codes(d), ['file-not-checked']);
      assert.match(String(d[0]?.message), /^File not checked: \d+ KiB is over the \d+ KiB limit/);
    },
  },
  {
    name: 'a CRD with an enormous schema, and a resource against it',
    text: enormousCrd(),
    expect: (d) => assert.deepEqual(codes(d), ['crd-schema-violation']),
  },
];

for (const [index, item] of cases.entries()) {
  test(`${item.name}: a clear diagnostic, and the server keeps serving`, async () => {
    const uri = item.uri ?? `untitled:hostile-${index}`;
    const started = Date.now();
    const diagnostics = await client.open(uri, item.text, item.languageId ?? 'yaml');
    console.log(`  ${item.name}: diagnostics after ${Date.now() - started} ms`);
    item.expect(diagnostics);
    const hover = await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 1 },
    });
    assert.ok(hover === null || typeof hover === 'object');
    assert.equal(client.exited, false);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  });
}
