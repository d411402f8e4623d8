/**
 * Edits that arrive faster than the server checks: each check that a newer version overtook
 * is dropped rather than published, so the versions published only go up, the last one is the
 * last edit, and a burst costs fewer checks than it has edits.
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TestLspClient } from '../support/lspClient';

const root = path.resolve(__dirname, '../../..');
const examples = ['shop/deployment.yaml', 'shop/service.yaml', 'platform/api.yaml'].map((file) =>
  fs.readFileSync(path.join(root, 'examples', file), 'utf8').trimEnd(),
);

/** A file big enough that one check takes longer than the gap between two messages. */
function stream(documents: number, image: string, names = ''): string {
  const parts: string[] = [];
  for (let i = 0; i < documents; i++) {
    parts.push((examples[i % examples.length] ?? '').replaceAll(/name: ([\w-]+)$/gm, `name: $1-${i}${names}`));
  }
  // The document in the middle carries the image whose tag each edit changes.
  parts.splice(
    Math.floor(documents / 2),
    0,
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: edited\nspec:\n  containers:\n    - name: c\n      image: ${image}`,
  );
  return parts.join('\n---\n') + '\n';
}

/** Opens a big file and waits for its first diagnostics, however busy the machine is. */
async function openSlowly(client: TestLspClient, uri: string, text: string): Promise<void> {
  await client.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version: 1, text },
  });
  await client.until(() => client.publishCount(uri) > 0, 'the first diagnostics', 120_000);
}

test('a burst of edits: published versions only go up, the last edit is the one on screen', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize([]);
    const uri = pathToFileURL(path.join(root, 'burst.yaml')).toString();
    await openSlowly(client, uri, stream(600, 'nginx:1.27.0'));
    const edits = 30;
    for (let version = 2; version <= edits + 1; version++) {
      // Odd versions pin the image, even ones use `latest`; the last (31) pins it.
      const image = version % 2 === 0 ? 'nginx:latest' : `nginx:1.27.${version}`;
      void client.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text: stream(600, image) }],
      });
      if (version % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 15));
    }
    await client.until(() => client.publishedVersions(uri).at(-1) === edits + 1, 'the last version is published', 60_000);
    await client.idle();
    const versions = client.publishedVersions(uri);
    for (let i = 1; i < versions.length; i++) {
      assert.ok((versions[i] ?? 0) > (versions[i - 1] ?? 0), `published versions go up: ${versions.join(', ')}`);
    }
    assert.equal(versions.at(-1), edits + 1);
    assert.ok(versions.length - 1 < edits, `fewer checks than edits: ${versions.length - 1} publishes for ${edits} edits`);
    const latest = client.latest(uri) ?? [];
    assert.ok(
      !latest.some((d) => d.code === 'image-tag-not-pinned' && String(d.message).includes("'c'")),
      'the diagnostics are those of the last text (its image is pinned)',
    );
  } finally {
    await client.shutdown();
  }
});

test('a check that a newer edit overtook is not published', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize([]);
    const uri = pathToFileURL(path.join(root, 'overtaken.yaml')).toString();
    await openSlowly(client, uri, stream(1000, 'nginx:1.27.0'));
    // Version 2 renames every object: no document is cached, its check takes a while (seconds
    // here). Version 3, a keystroke as an editor sends it (a range), arrives while it runs:
    // version 2's diagnostics would be out of date when they arrived.
    const renamed = stream(1000, 'nginx:latest', '-renamed');
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: renamed }],
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    const before = renamed.slice(0, renamed.indexOf('nginx:latest') + 'nginx:'.length);
    const line = before.split('\n').length - 1;
    const character = before.length - before.lastIndexOf('\n') - 1;
    void client.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 6 } }, text: '1.27.3' }],
    });
    await client.until(() => client.publishedVersions(uri).at(-1) === 3, 'version 3 is published', 120_000);
    await client.idle();
    assert.deepEqual(client.publishedVersions(uri), [1, 3]);
    assert.ok(!(client.latest(uri) ?? []).some((d) => d.code === 'image-tag-not-pinned' && String(d.message).includes("'c'")));
  } finally {
    await client.shutdown();
  }
});

test('a quick document is checked at once: no fixed wait between an edit and its diagnostics', async () => {
  const client = new TestLspClient();
  try {
    await client.initialize([]);
    const uri = pathToFileURL(path.join(root, 'quick.yaml')).toString();
    const pod = (image: string) =>
      `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: ${image}\n`;
    await client.open(uri, pod('nginx:1.27.0'));
    // The first edit may still pay for loading rules; the later ones show the wait.
    for (let version = 2; version <= 6; version++) {
      const diagnostics = await client.changeFull(uri, pod(version % 2 === 0 ? 'nginx:latest' : 'nginx:1.27.1'), version);
      assert.equal(
        diagnostics.some((d) => d.code === 'image-tag-not-pinned'),
        version % 2 === 0,
        `version ${version}: the diagnostics follow the text`,
      );
    }
    assert.deepEqual(client.publishedVersions(uri), [1, 2, 3, 4, 5, 6], 'every edit of a quick document is published');
  } finally {
    await client.shutdown();
  }
});
