/**
 * A manifest never makes the server read outside the workspace, over real LSP: the
 * server runs with test/support/sideEffectTrap.ts preloaded, which reports every fs call
 * on a path under the folder beside the workspace (and every program run or network
 * connection). A kustomization names files there (`../outside/…`, through a symlinked
 * folder, by absolute path) and the workspace holds a symlink to one: none is read, none
 * is called missing, the hover says why, and the walk leaves the symlink out.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { SERVER_BUNDLE, TestLspClient } from '../support/lspClient';

const TRAP = path.resolve(__dirname, '../support/sideEffectTrap.js');
const deployment = (name: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  selector:\n    matchLabels: {app: ${name}}\n  template:\n    metadata:\n      labels: {app: ${name}}\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27.0\n`;

let root: string;
let workspace: string;
let outside: string;
let client: TestLspClient;
let kustomizationUri: string;
let kustomization: string;

before(async () => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-scope-')));
  workspace = path.join(root, 'ws');
  outside = path.join(root, 'outside');
  fs.mkdirSync(workspace);
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'deploy.yaml'), deployment('outside-only'));
  fs.writeFileSync(path.join(outside, 'secret.yaml'), deployment('linked-secret'));
  fs.writeFileSync(path.join(workspace, 'deployment.yaml'), deployment('web'));
  fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'linked.yaml'));
  fs.symlinkSync(outside, path.join(workspace, 'linkdir'));
  kustomization = [
    'resources:',
    '  - deployment.yaml',
    '  - gone.yaml',
    '  - ../outside/deploy.yaml',
    '  - ../outside/missing.yaml',
    '  - linkdir/deploy.yaml',
    `  - ${path.join(outside, 'deploy.yaml')}`,
    '',
  ].join('\n');
  fs.writeFileSync(path.join(workspace, 'kustomization.yaml'), kustomization);
  kustomizationUri = pathToFileURL(path.join(workspace, 'kustomization.yaml')).toString();
  // The spawned server inherits the environment: the trap watches the folder beside the workspace.
  process.env.KUBEWISE_TRAP_PATH = outside;
  client = new TestLspClient([process.execPath, '--require', TRAP, SERVER_BUNDLE, '--stdio']);
  delete process.env.KUBEWISE_TRAP_PATH;
  await client.initialize([pathToFileURL(workspace).toString()]);
});

after(async () => {
  await client.shutdown();
  fs.rmSync(root, { recursive: true, force: true });
});

const hoverAt = async (line: number, character: number): Promise<string> => {
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri: kustomizationUri },
    position: { line, character },
  })) as { contents: { value: string } } | null;
  return hover?.contents.value ?? '';
};

test('kustomization entries outside the workspace are not read and not called missing; one inside still is', async () => {
  const diagnostics = await client.open(kustomizationUri, kustomization);
  await client.idle();
  const missing = (client.latest(kustomizationUri) ?? diagnostics).filter((d) => d.code === 'kustomize-missing-path');
  assert.deepEqual(
    missing.map((d) => d.range.start.line),
    [2],
    'gone.yaml only: whether ../outside/missing.yaml exists is not the server’s to look up',
  );
  for (const line of [3, 4, 5, 6]) {
    const markdown = await hoverAt(line, 8);
    assert.match(markdown, /lies outside the workspace/, `line ${line}`);
    assert.doesNotMatch(markdown, /outside-only|contributing/, `line ${line}: nothing of the file is shown`);
  }
  assert.match(await hoverAt(1, 8), /A file contributing 1 object/, 'a file inside is read');
});

test('the walk leaves out a symlink that leads out of the workspace, also when the client reports it', async () => {
  await client.filesChanged([{ uri: pathToFileURL(path.join(workspace, 'linked.yaml')).toString(), type: 1 }]);
  await client.idle();
  const status = await client.connection.sendRequest<{ indexedFiles: number }>('kubewise/status');
  assert.equal(status.indexedFiles, 2, 'kustomization.yaml and deployment.yaml');
  const result = await client.connection.sendRequest<{ files: number }>('kubewise/checkWorkspace', {
    workDoneToken: 'scope-1',
  });
  assert.equal(result.files, 2);
});

test('nothing under the folder outside was touched, no program ran and no connection was opened', async () => {
  await client.idle();
  const trapped = client.stderr.split('\n').filter((line) => line.startsWith('TRAPPED'));
  assert.deepEqual(trapped, []);
  assert.equal(client.exited, false);
});
