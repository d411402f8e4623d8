/**
 * Kustomization files in the editor, over the protocol: go to definition on their paths and
 * patch targets, completion of their paths, their Outline, a file named `Kustomization`, and
 * a missing resource created on disk while the kustomization is open.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CompletionItem, DocumentSymbol, Location } from 'vscode-languageserver-protocol/node';
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
        - name: shop
          image: nginx:1.27
`;
const BASE = `resources:
  - deployment.yaml
configMapGenerator:
  - name: settings
    files:
      - app.properties
      - extra=conf/extra.properties
`;
// Line numbers below are of this text.
const OVERLAY = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
namePrefix: prod-
resources:
  - ../base
  - budget.yaml
components:
  - ../components/monitoring
patches:
  - path: replicas.yaml
  - target:
      kind: Deployment
      name: prod-shop
    patch: |-
      - op: replace
        path: /spec/replicas
        value: 3
images:
  - name: nginx
    newTag: "1.27.1"
`;
const REPLICAS = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop
spec:
  replicas: 2
`;
const BUDGET = `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: shop
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: shop}
`;

let root: string;
let client: TestLspClient;
const full = (relative: string): string => path.join(root, ...relative.split('/'));
const uriOf = (relative: string): string => pathToFileURL(full(relative)).toString();
const write = (relative: string, text: string): void => {
  fs.mkdirSync(path.dirname(full(relative)), { recursive: true });
  fs.writeFileSync(full(relative), text);
};
const request = <T>(method: string, params: unknown): Promise<T> => client.connection.sendRequest(method, params) as Promise<T>;
const OVERLAY_FILE = 'overlay/kustomization.yaml';

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-kustomize-')));
  write('base/kustomization.yaml', BASE);
  write('base/deployment.yaml', DEPLOYMENT);
  write('base/app.properties', 'color=blue\n');
  write('base/conf/extra.properties', 'size=large\n');
  write('components/monitoring/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\n');
  write(OVERLAY_FILE, OVERLAY);
  write('overlay/replicas.yaml', REPLICAS);
  write('overlay/notes.yaml', '# not listed yet\n');
  write('overlay/README.md', 'not a manifest\n');
  write('overlay/.hidden.yaml', '# hidden\n');
  fs.mkdirSync(full('overlay/extra'));
  client = new TestLspClient();
  await client.initialize([pathToFileURL(root).toString()]);
  await client.open(uriOf(OVERLAY_FILE), OVERLAY);
  await client.idle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

const definition = (relative: string, line: number, character: number): Promise<[string, number][]> =>
  request<Location[]>('textDocument/definition', { textDocument: { uri: uriOf(relative) }, position: { line, character } }).then(
    (locations) => locations.map((l) => [l.uri, l.range.start.line]),
  );

test('go to definition on a folder opens its kustomization; on a patch path, the file', async () => {
  assert.deepEqual(await definition(OVERLAY_FILE, 4, 6), [[uriOf('base/kustomization.yaml'), 0]]);
  assert.deepEqual(await definition(OVERLAY_FILE, 7, 10), [[uriOf('components/monitoring/kustomization.yaml'), 0]]);
  assert.deepEqual(await definition(OVERLAY_FILE, 9, 14), [[uriOf('overlay/replicas.yaml'), 0]]);
  // A path that does not exist, and a key, lead nowhere.
  assert.deepEqual(await definition(OVERLAY_FILE, 5, 6), []);
  assert.deepEqual(await definition(OVERLAY_FILE, 3, 3), []);
});

test("go to definition on a patch's target: the object it selects, through the base folder, under its prefixed name", async () => {
  assert.deepEqual(await definition(OVERLAY_FILE, 12, 14), [[uriOf('base/deployment.yaml'), 3]]);
  assert.deepEqual(await definition(OVERLAY_FILE, 11, 8), [[uriOf('base/deployment.yaml'), 3]]);
});

test("go to definition on a generator's files, with or without a key", async () => {
  await client.open(uriOf('base/kustomization.yaml'), BASE);
  assert.deepEqual(await definition('base/kustomization.yaml', 5, 10), [[uriOf('base/app.properties'), 0]]);
  assert.deepEqual(await definition('base/kustomization.yaml', 6, 20), [[uriOf('base/conf/extra.properties'), 0]]);
});

const completion = async (relative: string, text: string, line: number, character: number, version: number) => {
  await client.changeFull(uriOf(relative), text, version);
  const items = await request<CompletionItem[] | null>('textDocument/completion', {
    textDocument: { uri: uriOf(relative) },
    position: { line, character },
  });
  return (items ?? []).map((item) => {
    const edit = item.textEdit as { newText: string; range: { start: { character: number } } } | undefined;
    return [item.label, edit?.newText, edit?.range.start.character];
  });
};

test('completion of a resource: folders and manifests beside the kustomization, none already listed', async () => {
  const text = OVERLAY.replace('  - budget.yaml\n', '  - budget.yaml\n  - \n');
  assert.deepEqual(await completion(OVERLAY_FILE, text, 6, 4, 2), [
    ['extra/', 'extra/', 4],
    ['notes.yaml', 'notes.yaml', 4],
  ]);
});

test('completion in a folder typed so far, and in a patch path', async () => {
  const upward = OVERLAY.replace('  - budget.yaml\n', '  - budget.yaml\n  - ../\n');
  assert.deepEqual(await completion(OVERLAY_FILE, upward, 6, 7, 3), [
    ['components/', '../components/', 4],
    ['overlay/', '../overlay/', 4],
  ]);
  const patch = OVERLAY.replace('  - path: replicas.yaml\n', '  - path: replicas.yaml\n  - path: no\n');
  assert.deepEqual(await completion(OVERLAY_FILE, patch, 10, 12, 4), [
    ['extra/', 'extra/', 10],
    ['notes.yaml', 'notes.yaml', 10],
  ]);
  await client.changeFull(uriOf(OVERLAY_FILE), OVERLAY, 5);
});

test("completion of a generator's file keeps its key and offers any file", async () => {
  const text = BASE.replace('      - extra=conf/extra.properties\n', '      - extra=conf/extra.properties\n      - more=conf/\n');
  assert.deepEqual(await completion('base/kustomization.yaml', text, 7, 18, 2), []);
  const deeper = BASE.replace('      - extra=conf/extra.properties\n', '      - more=\n');
  assert.deepEqual(await completion('base/kustomization.yaml', deeper, 6, 13, 3), [
    ['conf/', 'more=conf/', 8],
    ['deployment.yaml', 'more=deployment.yaml', 8],
  ]);
  await client.changeFull(uriOf('base/kustomization.yaml'), BASE, 4);
});

test('the Outline of a kustomization groups its inputs', async () => {
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: uriOf(OVERLAY_FILE) } });
  assert.deepEqual(
    symbols.map((s) => [s.name, s.range.start.line, (s.children ?? []).map((c) => [c.name, c.detail])]),
    [
      [
        'resources',
        3,
        [
          ['../base', ''],
          ['budget.yaml', ''],
        ],
      ],
      ['components', 6, [['../components/monitoring', '']]],
      [
        'patches',
        8,
        [
          ['replicas.yaml', ''],
          ['(inline)', 'Deployment/prod-shop'],
        ],
      ],
      ['images', 17, [['nginx', '→ 1.27.1']]],
    ],
  );
  const base = await request<DocumentSymbol[]>('textDocument/documentSymbol', {
    textDocument: { uri: uriOf('base/kustomization.yaml') },
  });
  assert.deepEqual(
    base.map((s) => [s.name, (s.children ?? []).map((c) => [c.name, (c.children ?? []).map((f) => f.name)])]),
    [
      ['resources', [['deployment.yaml', []]]],
      ['generators', [['ConfigMap/settings', ['app.properties', 'conf/extra.properties']]]],
    ],
  );
});

const missing = (): string[] =>
  (client.latest(uriOf(OVERLAY_FILE)) ?? []).filter((d) => d.code === 'kustomize-missing-path').map((d) => String(d.message));

test('a missing resource created on disk: its kustomize-missing-path goes without editing the kustomization', async () => {
  await client.idle();
  assert.equal(missing().length, 1, missing().join(' | '));
  assert.match(missing()[0] ?? '', /'budget\.yaml' does not exist/);
  write('overlay/budget.yaml', BUDGET);
  await client.filesChanged([{ uri: uriOf('overlay/budget.yaml'), type: 1 }]);
  await client.idle();
  assert.deepEqual(missing(), []);
});

test('a missing resource created empty, or outside the walk, is still found', async () => {
  fs.rmSync(full('overlay/budget.yaml'));
  await client.filesChanged([{ uri: uriOf('overlay/budget.yaml'), type: 3 }]);
  await client.idle();
  assert.equal(missing().length, 1);
  write('overlay/budget.yaml', '');
  await client.filesChanged([{ uri: uriOf('overlay/budget.yaml'), type: 1 }]);
  await client.idle();
  assert.deepEqual(missing(), []);
  // A hidden folder is never walked; a kustomization may still name it.
  const hidden = OVERLAY.replace('  - budget.yaml\n', '  - budget.yaml\n  - .generated/extra.yaml\n');
  await client.changeFull(uriOf(OVERLAY_FILE), hidden, 10);
  await client.idle();
  assert.equal(missing().length, 1);
  write('overlay/.generated/extra.yaml', BUDGET);
  await client.filesChanged([{ uri: uriOf('overlay/.generated/extra.yaml'), type: 1 }]);
  await client.idle();
  assert.deepEqual(missing(), []);
});

test('a file named Kustomization is a kustomization: its patches are known as such before it is opened', async () => {
  // A patch without the selector a Deployment requires: fine as a patch, an error as a Deployment.
  write('named/base.yaml', DEPLOYMENT);
  write('named/replicas.yaml', REPLICAS);
  const patchUri = uriOf('named/replicas.yaml');
  const schema = (): unknown[] => (client.latest(patchUri) ?? []).filter((d) => d.code === 'schema-violation');
  write('named/Kustomization', 'resources:\n  - base.yaml\npatches:\n  - path: replicas.yaml\n');
  await client.filesChanged([{ uri: uriOf('named/Kustomization'), type: 1 }]);
  await client.open(patchUri, REPLICAS);
  await client.idle();
  assert.deepEqual(schema(), []);
  const diagnostics = await client.open(uriOf('named/Kustomization'), 'resources:\n  - base.yaml\n  - gone.yaml\n');
  await client.idle();
  assert.deepEqual(
    (client.latest(uriOf('named/Kustomization')) ?? diagnostics).map((d) => d.code),
    ['kustomize-missing-path'],
  );
});
