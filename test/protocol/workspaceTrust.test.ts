/**
 * Workspace trust over real LSP: a client that says `trusted: false` in its
 * initializationOptions gets the defaults, whatever `.kubewise.yaml` and
 * `kubewise.crdPaths` say, and one note on the config file; `kubewise/workspaceTrusted`
 * applies both at once and re-checks what is open. A client that says nothing is trusted.
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

const CRD = widgetCrd();
const WIDGET = 'apiVersion: example.com/v1\nkind: Widget\nmetadata:\n  name: w\nspec:\n  size: big\n';
const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;
/** Switches a rule off, and points at a second CRD folder: neither may apply before trust. */
const CONFIG = 'rules:\n  missing-liveness-probe: "off"\ncrdPaths:\n  - ../more-crds\n';

let root: string;
let app: string;
let configUri: string;

before(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-trust-'));
  app = path.join(root, 'app');
  fs.mkdirSync(app);
  fs.mkdirSync(path.join(root, 'platform', 'crds'), { recursive: true });
  fs.mkdirSync(path.join(root, 'more-crds'));
  fs.writeFileSync(path.join(root, 'platform', 'crds', 'widgets.yaml'), CRD);
  fs.writeFileSync(
    path.join(root, 'more-crds', 'gadgets.yaml'),
    CRD.replaceAll('widgets', 'gadgets').replace('kind: Widget', 'kind: Gadget'),
  );
  fs.writeFileSync(path.join(app, '.kubewise.yaml'), CONFIG);
  configUri = pathToFileURL(path.join(app, '.kubewise.yaml')).toString();
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

const codes = (diagnostics: readonly Diagnostic[] | undefined): string[] => (diagnostics ?? []).map((d) => String(d.code));

interface Status {
  trusted: boolean;
  configFiles: string[];
  untrustedConfigFiles: string[];
}

test('untrusted: .kubewise.yaml and kubewise.crdPaths are ignored, the config file says why; trust applies both', async () => {
  const client = new TestLspClient();
  client.settings = { crdPaths: ['../platform/crds'] };
  try {
    await client.initialize([pathToFileURL(app).toString()], {}, { trusted: false });
    const deploymentUri = pathToFileURL(path.join(app, 'deployment.yaml')).toString();
    const widgetUri = pathToFileURL(path.join(app, 'widget.yaml')).toString();
    const gadgetUri = pathToFileURL(path.join(app, 'gadget.yaml')).toString();
    await client.open(deploymentUri, DEPLOYMENT);
    await client.open(widgetUri, WIDGET);
    await client.open(gadgetUri, WIDGET.replace('Widget', 'Gadget'));
    await client.idle();

    assert.ok(codes(client.latest(deploymentUri)).includes('missing-liveness-probe'), 'the rules: of the file do not apply');
    assert.ok(!codes(client.latest(widgetUri)).includes('crd-schema-violation'), 'kubewise.crdPaths is not read');
    assert.ok(!codes(client.latest(gadgetUri)).includes('crd-schema-violation'), 'crdPaths: of the file is not read');
    const [notice, ...others] = client.latest(configUri) ?? [];
    assert.equal(others.length, 0, 'one note, not one per document');
    assert.equal(notice?.code, 'untrusted-workspace-config');
    assert.equal(notice?.severity, 3, 'information');
    assert.match(String(notice?.message), /This workspace is not trusted: Kubewise does not read this file/);
    const untrusted = await client.connection.sendRequest<Status>('kubewise/status');
    assert.equal(untrusted.trusted, false);
    assert.deepEqual(untrusted.configFiles, []);
    assert.deepEqual(untrusted.untrustedConfigFiles, [path.join(app, '.kubewise.yaml')]);

    await client.connection.sendNotification('kubewise/workspaceTrusted');
    await client.until(
      () =>
        !codes(client.latest(deploymentUri)).includes('missing-liveness-probe') &&
        codes(client.latest(widgetUri)).includes('crd-schema-violation') &&
        codes(client.latest(gadgetUri)).includes('crd-schema-violation'),
      'the open documents re-checked with the config file and both CRD folders',
    );
    await client.idle();
    assert.deepEqual(client.latest(configUri), [], 'the note is gone once the file applies');
    const trusted = await client.connection.sendRequest<Status>('kubewise/status');
    assert.equal(trusted.trusted, true);
    assert.deepEqual(trusted.configFiles, [path.join(app, '.kubewise.yaml')]);
    assert.deepEqual(trusted.untrustedConfigFiles, []);
  } finally {
    await client.shutdown();
  }
});

test('an open .kubewise.yaml in an untrusted workspace shows the note itself, not its own problems', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize([pathToFileURL(app).toString()], {}, { trusted: false });
    const broken = 'rules:\n  no-such-rule: loud\n';
    const diagnostics = await client.open(configUri, broken);
    assert.deepEqual(codes(diagnostics), ['untrusted-workspace-config'], 'an unread file has no problems to show');
  } finally {
    await client.shutdown();
  }
});

test('a client that says nothing of trust (other editors) is trusted: the config file and crdPaths apply', async () => {
  const client = new TestLspClient();
  client.settings = { crdPaths: ['../platform/crds'] };
  try {
    // Settings pushed in initializationOptions (Helix) are not a trust answer either.
    await client.initialize([pathToFileURL(app).toString()], {}, { kubewise: { enable: true } });
    const deploymentUri = pathToFileURL(path.join(app, 'deployment.yaml')).toString();
    const widgetUri = pathToFileURL(path.join(app, 'widget.yaml')).toString();
    await client.open(deploymentUri, DEPLOYMENT);
    await client.open(widgetUri, WIDGET);
    await client.until(() => codes(client.latest(widgetUri)).includes('crd-schema-violation'), 'the CRD of crdPaths applied');
    await client.idle();
    assert.ok(!codes(client.latest(deploymentUri)).includes('missing-liveness-probe'));
    assert.ok(!codes(client.latest(configUri)).includes('untrusted-workspace-config'));
  } finally {
    await client.shutdown();
  }
});
