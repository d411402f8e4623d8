/**
 * The workspace walk says how far it is (`kubewise/indexing`), so the status bar can show
 * "indexing … 200 of 250 files" rather than only "busy"; and the open file's diagnostics do
 * not wait for the walk.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

test('a walk of 250 files reports its progress, in order, up to the files it found', async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-indexing-'));
  for (let i = 0; i < 250; i++) {
    fs.writeFileSync(path.join(folder, `cm-${i}.yaml`), `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`);
  }
  const client = new TestLspClient();
  const progress: { read: number; total: number }[] = [];
  client.connection.onNotification('kubewise/indexing', (params: { read: number; total: number }) => {
    progress.push(params);
  });
  try {
    await client.initialize([pathToFileURL(folder).toString()]);
    await client.idle();
    assert.deepEqual(progress, [
      { read: 100, total: 250 },
      { read: 200, total: 250 },
    ]);
  } finally {
    await client.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
