/**
 * A file with more findings than `kubewise.maxDiagnosticsPerFile`, over real LSP: the server
 * publishes the limit, the note first, and after an edit the findings nearest it; Fix all
 * still fixes the findings that are not published.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestLspClient } from '../support/lspClient';

/**
 * A Deployment without probes or resources, and a suppression comment it does not need (a
 * fixable finding): several findings each, on its own 16 lines with the separator.
 */
function deployment(index: number): string {
  return `# kubewise-disable-next-line removed-api-version -- nothing to suppress
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${index}
spec:
  selector:
    matchLabels: {app: web-${index}}
  template:
    metadata:
      labels: {app: web-${index}}
    spec:
      containers:
        - name: web
          image: nginx:1.27.0
`;
}

const names = (diagnostics: Diagnostic[]): number[] =>
  diagnostics.filter((d) => d.code !== 'diagnostics-not-shown').map((d) => Math.floor(d.range.start.line / 16));

test('a file over the limit: the limit published, the note first, then what is nearest the last edit', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-limit-'));
  const client = new TestLspClient();
  client.settings = { maxDiagnosticsPerFile: 6 };
  try {
    await client.initialize([pathToFileURL(folder).toString()]);
    const text = Array.from({ length: 20 }, (_, index) => deployment(index)).join('---\n');
    const uri = pathToFileURL(path.join(folder, 'many.yaml')).toString();
    const opened = await client.open(uri, text);
    assert.equal(opened.length, 6);
    const [note] = opened;
    assert.equal(note?.code, 'diagnostics-not-shown');
    assert.equal(note?.source, 'kubewise');
    const all = Number(/of the (\d+) findings/.exec(String(note?.message))?.[1]);
    assert.ok(all > 20, `every Deployment has findings: ${note?.message}`);
    // Before any edit: the top of the file.
    assert.ok(
      names(opened).every((document) => document <= 2),
      JSON.stringify(names(opened)),
    );

    // A character typed in the 18th Deployment's name: its findings and its neighbours' are shown.
    const line = 17 * 16 + 4;
    await client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character: 13 }, end: { line, character: 13 } }, text: 'x' }],
    });
    // Wait for version 2: a re-check of version 1 (the workspace index done) may come first.
    await client.until(() => client.publishedVersions(uri).at(-1) === 2, 'the edit published');
    const edited = await client.nextDiagnostics(uri, client.publishCount(uri) - 1);
    assert.equal(edited.length, 6);
    assert.equal(edited[0]?.code, 'diagnostics-not-shown');
    assert.ok(names(edited).includes(17), JSON.stringify(names(edited)));
    assert.ok(
      names(edited).every((document) => Math.abs(document - 17) <= 2),
      JSON.stringify(names(edited)),
    );

    // Fix all still fixes what is not published: the first Deployment's findings too.
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.kubewise'] },
    })) as { edit?: { changes?: Record<string, { range: { start: { line: number } } }[]> } }[];
    const edits = actions[0]?.edit?.changes?.[uri] ?? [];
    assert.ok(
      edits.some((edit) => edit.range.start.line < 16),
      `an edit in the first Deployment: ${JSON.stringify(edits.map((e) => e.range.start.line))}`,
    );
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
