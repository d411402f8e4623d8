/**
 * `kubewise/status`, the start-up log line, and `kubewise/checkWorkspace`: every
 * indexed file that is not open gets its diagnostics published, with work-done
 * progress from begin to end.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

const POD = (name: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: ${name}}\nspec:\n  containers:\n    - name: ${name}\n      image: nginx:1.27\n`;

let client: TestLspClient;
let root: string;
const logs: string[] = [];
const progress: { token: unknown; value: { kind: string; percentage?: number } }[] = [];
const statusNotifications: unknown[] = [];

before(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-status-'));
  fs.mkdirSync(path.join(root, 'apps'));
  fs.writeFileSync(path.join(root, 'apps', 'a.yaml'), POD('a'));
  fs.writeFileSync(path.join(root, 'apps', 'b.yaml'), POD('b'));
  fs.writeFileSync(path.join(root, 'notes.yaml'), 'just: yaml\n');
  fs.writeFileSync(path.join(root, '.kubewise.yaml'), 'rules:\n  missing-readiness-probe: "off"\n');
  client = new TestLspClient();
  client.connection.onNotification('window/logMessage', (params: { message: string }) => void logs.push(params.message));
  client.connection.onNotification('$/progress', (params: (typeof progress)[number]) => void progress.push(params));
  client.connection.onNotification('kubewise/status', (params: unknown) => void statusNotifications.push(params));
  await client.initialize([pathToFileURL(root).href]);
  await client.idle();
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

test('the server logs and reports its version, what it indexed and the configuration in use', async () => {
  const status = (await client.connection.sendRequest('kubewise/status')) as {
    version: string;
    indexedFiles: number;
    configFiles: string[];
    folders: string[];
  };
  const version = (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { version: string })
    .version;
  assert.equal(status.version, version);
  assert.equal(status.indexedFiles, 3);
  assert.deepEqual(status.configFiles, [path.join(root, '.kubewise.yaml')]);
  assert.deepEqual(status.folders, [root]);
  await client.until(() => logs.some((line) => line.startsWith(`Kubewise ${version}: 3 manifests indexed`)), 'the log line');
  assert.ok(logs.some((line) => line.includes(path.join(root, '.kubewise.yaml'))));
  assert.deepEqual(statusNotifications.at(-1), status);
});

test('Check Workspace publishes every indexed file that is not open, with progress', async () => {
  const aUri = pathToFileURL(path.join(root, 'apps', 'a.yaml')).href;
  const bUri = pathToFileURL(path.join(root, 'apps', 'b.yaml')).href;
  await client.open(aUri, POD('a'));
  const before = client.publishCount(aUri);
  const result = (await client.connection.sendRequest('kubewise/checkWorkspace', { workDoneToken: 'check-1' })) as {
    files: number;
    cancelled: boolean;
  };
  assert.deepEqual(result, { ...result, files: 3, cancelled: false });
  const codes = (client.latest(bUri) ?? []).map((diagnostic) => diagnostic.code);
  assert.ok(codes.includes('missing-liveness-probe'), 'b.yaml, never opened, has its findings');
  assert.ok(!codes.includes('missing-readiness-probe'), 'with the configuration file applied');
  assert.equal(client.publishCount(aUri), before, 'the open file is not published twice');
  const kinds = progress.filter((entry) => entry.token === 'check-1').map((entry) => entry.value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds.at(-1), 'end');
  assert.ok(kinds.includes('report'));
});
