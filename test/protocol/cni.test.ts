/**
 * CNI configs over real LSP: a .conflist next to another on disk (the workspace index reads
 * .conf and .conflist files), the same network name reported, the first-line hover on the
 * folder's loading order, and the .conf → .conflist fix as an edit plus a file rename.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { CodeAction, Diagnostic, Hover, RenameFile, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

const config = (name: string, type = 'loopback') =>
  `{\n  "cniVersion": "1.0.0",\n  "name": "${name}",\n  "plugins": [{"type": "${type}"}]\n}\n`;

let client: TestLspClient;
let workspace: string;

before(async () => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-cni-'));
  fs.mkdirSync(path.join(workspace, 'net.d'));
  fs.writeFileSync(path.join(workspace, 'net.d', '10-podnet.conflist'), config('podnet', 'bridge'));
  fs.writeFileSync(path.join(workspace, 'net.d', 'nginx.conf'), 'server { listen 80; }\n');
  client = new TestLspClient();
  await client.initialize([pathToFileURL(workspace).toString()], {
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
  });
});

after(async () => {
  await client.shutdown();
  fs.rmSync(workspace, { recursive: true, force: true });
});

async function until(uri: string, done: (diagnostics: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
  for (let seen = 0; ; seen++) {
    const diagnostics = await client.nextDiagnostics(uri, seen);
    if (done(diagnostics)) return diagnostics;
  }
}

test('a second config with the same name in the folder: reported, and the first line says which is loaded', async () => {
  const uri = pathToFileURL(path.join(workspace, 'net.d', '20-podnet.conflist')).toString();
  await client.open(uri, config('podnet'), 'json');
  const diagnostics = await until(uri, (d) => d.some((x) => x.code === 'cni-duplicate-network-name'));
  const duplicate = diagnostics.find((d) => d.code === 'cni-duplicate-network-name');
  assert.match(String(duplicate?.message), /also defined in 10-podnet\.conflist, which sorts first/);
  const hover = (await client.connection.sendRequest('textDocument/hover', {
    textDocument: { uri },
    position: { line: 0, character: 0 },
  })) as Hover | null;
  const text = typeof hover?.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
  assert.match(
    text,
    /lexically first config of the folder: `10-podnet\.conflist`\. It ignores `20-podnet\.conflist` \(this file\)/,
  );
});

test('a .conf that is not a CNI config gets nothing, even opened as plain text', async () => {
  const uri = pathToFileURL(path.join(workspace, 'net.d', 'nginx.conf')).toString();
  const diagnostics = await client.open(uri, 'server { listen 80; }\n', 'properties');
  assert.deepEqual(diagnostics, []);
});

test('the single-plugin .conf fix rewrites the text and renames the file', async () => {
  const uri = pathToFileURL(path.join(workspace, 'net.d', '30-lo.conf')).toString();
  const text = '{\n  "cniVersion": "1.0.0",\n  "name": "lo",\n  "type": "loopback"\n}\n';
  const diagnostics = await client.open(uri, text, 'json');
  const single = diagnostics.find((d) => d.code === 'cni-single-plugin-conf');
  assert.ok(single, JSON.stringify(diagnostics));
  const actions = (await client.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: single.range,
    context: { diagnostics: [single], only: ['quickfix'] },
  })) as CodeAction[];
  const rewrite = actions.find((a) => a.title === 'Rewrite as 30-lo.conflist');
  const changes = rewrite?.edit?.documentChanges ?? [];
  assert.equal(changes.length, 2, JSON.stringify(actions.map((a) => a.title)));
  const [edit, rename] = changes as [TextDocumentEdit, RenameFile];
  assert.match(
    (edit.edits[0] as { newText?: string } | undefined)?.newText ?? '',
    /"plugins": \[\n {4}\{\n {6}"type": "loopback"/,
  );
  assert.equal(rename.kind, 'rename');
  assert.equal(rename.newUri, pathToFileURL(path.join(workspace, 'net.d', '30-lo.conflist')).toString());
  assert.ok(!actions.some((a) => a.title.startsWith('Disable')), 'no comment directive in JSON');
});
