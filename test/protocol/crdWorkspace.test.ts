/**
 * Custom resources against the CRDs of the workspace, over real LSP: an edit to an open
 * CRD re-checks its open custom resources, and a custom resource gets hovers and
 * completion from its CRD on disk.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';
import { widgetCrd } from '../support/widgetCrd';

const CRD = widgetCrd(['size:', '  description: How many gears the widget turns.', '  type: integer', 'mode:', '  type: string']);
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: 3\n';

let client: TestLspClient;
let workspace: string;
let crdUri: string;
let widgetUri: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-crd-'));
  fs.writeFileSync(path.join(workspace, 'crd.yaml'), CRD);
  fs.writeFileSync(path.join(workspace, 'widget.yaml'), WIDGET);
  crdUri = pathToFileURL(path.join(workspace, 'crd.yaml')).toString();
  widgetUri = pathToFileURL(path.join(workspace, 'widget.yaml')).toString();
  client = new TestLspClient();
  await client.initialize([pathToFileURL(workspace).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const crdFindings = (uri: string): Diagnostic[] => (client.latest(uri) ?? []).filter((d) => d.code === 'crd-schema-violation');

test('editing an open CRD re-checks its open custom resources: a type change, then a required field', async () => {
  await client.open(widgetUri, WIDGET);
  await client.open(crdUri, CRD);
  await client.idle();
  assert.deepEqual(crdFindings(widgetUri), [], 'the widget matches its CRD');

  let count = client.publishCount(widgetUri);
  await client.changeFull(crdUri, CRD.replace('type: integer', 'type: string'), 2);
  await client.until(() => crdFindings(widgetUri).length > 0, 'the widget re-checked against the retyped field');
  assert.ok(client.publishCount(widgetUri) > count);
  const [typeError] = crdFindings(widgetUri);
  assert.match(String(typeError?.message), /'size' must be a string, not the number 3/);
  assert.deepEqual(typeError?.range, { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } });

  count = client.publishCount(widgetUri);
  await client.changeFull(
    crdUri,
    CRD.replace(
      '              properties:\n                size',
      '              required: [mode]\n              properties:\n                size',
    ),
    3,
  );
  await client.until(
    () => crdFindings(widgetUri).some((d) => /requires 'mode'/.test(String(d.message))),
    'the widget re-checked against the new required field',
  );
  assert.equal(crdFindings(widgetUri).length, 1, 'the type error went with the retyped field');
  assert.ok(client.publishCount(widgetUri) > count);

  await client.changeFull(crdUri, CRD, 4);
  await client.until(() => crdFindings(widgetUri).length === 0, 'the widget is clean again');
  await client.close(crdUri);
  await client.close(widgetUri);
  await client.idle();
});

test('hover and completion on a custom resource come from its CRD on disk', async () => {
  const uri = pathToFileURL(path.join(workspace, 'new-widget.yaml')).toString();
  const text = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: n\nspec:\n  size: 1\n  \n';
  await client.open(uri, text);
  await client.idle();
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 5, character: 3 },
  })) as { contents: { value: string } } | null;
  assert.match(hover?.contents.value ?? '', /\*\*spec\.size\*\* `<integer>`/);
  assert.match(hover?.contents.value ?? '', /How many gears the widget turns\./);
  const items = (await client.connection.sendRequest('textDocument/completion', {
    textDocument: { uri },
    position: { line: 6, character: 2 },
  })) as { label: string }[];
  assert.deepEqual(
    items.map((item) => item.label),
    ['mode'],
  );
});

test('kubewise.crdPaths: CRDs of a folder outside the workspace validate its custom resources; that folder is not checked', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-crd-paths-'));
  const app = path.join(root, 'app');
  const crds = path.join(root, 'platform', 'crds');
  fs.mkdirSync(app);
  fs.mkdirSync(crds, { recursive: true });
  fs.writeFileSync(path.join(crds, 'widgets.yaml'), CRD);
  const other = new TestLspClient();
  other.settings = { crdPaths: ['../platform/crds'] };
  try {
    await other.initialize([pathToFileURL(app).toString()]);
    const uri = pathToFileURL(path.join(app, 'widget.yaml')).toString();
    await other.open(uri, WIDGET.replace('size: 3', 'size: big'));
    await other.until(
      () => (other.latest(uri) ?? []).some((d) => d.code === 'crd-schema-violation'),
      'the widget checked against the CRD of the crdPaths folder',
    );
    assert.ok(!(other.latest(uri) ?? []).some((d) => d.code === 'unknown-kind'));

    // An unsaved edit of the CRD (opened from the CRD folder) applies at once.
    const crdUri = pathToFileURL(path.join(crds, 'widgets.yaml')).toString();
    await other.open(crdUri, CRD.replace('type: integer', 'type: string'));
    await other.until(
      () => !(other.latest(uri) ?? []).some((d) => d.code === 'crd-schema-violation'),
      'the widget re-checked against the edited CRD',
    );
  } finally {
    await other.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});
