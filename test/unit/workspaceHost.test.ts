/**
 * The host layer both the CLI and the editor use: one walker (which files make up a
 * workspace), one configuration lookup, one workspace model (which facts count).
 */
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { findConfigFile, lookupConfig } from '../../server/src/host/configLookup';
import { WorkspaceFilter, walkManifests } from '../../server/src/host/workspaceFiles';
import { WorkspaceModel, signatureOf } from '../../server/src/host/workspaceModel';
import { factsOfText } from '../../server/src/service/engine/checkFile';

let root: string;
const write = (relative: string, text = 'a: 1\n'): void => {
  fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
  fs.writeFileSync(path.join(root, relative), text);
};

before(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'kubewise-host-')));
  for (const file of ['b.yaml', 'a.yml', 'B.json', 'notes.txt', '.hidden.yaml', '.github/ci.yaml', 'node_modules/x/d.yaml']) {
    write(file);
  }
  for (const file of ['apps/web.yaml', 'apps/generated/gen.yaml', 'apps-list.yaml', 'legacy/old.yaml']) write(file);
  fs.symlinkSync(path.join(root, 'b.yaml'), path.join(root, 'link.yaml'));
  fs.symlinkSync(root, path.join(root, 'apps', 'loop')); // a cycle, if directory links were followed
});

after(() => fs.rmSync(root, { recursive: true, force: true }));

const walked = async (filter = new WorkspaceFilter(), maxFiles?: number): Promise<string[]> =>
  (await walkManifests(root, filter, maxFiles)).entries.map((entry) => path.relative(root, entry.absolutePath));

test('the walk: manifests only, no dot entries or node_modules, links to files but not folders, code-unit order', async () => {
  assert.deepEqual(await walked(), [
    'B.json',
    'a.yml',
    'apps/generated/gen.yaml',
    'apps/web.yaml',
    'apps-list.yaml',
    'b.yaml',
    'legacy/old.yaml',
    'link.yaml',
  ]);
});

test('globs exclude files and whole folders, relative to their base; the filter agrees with the walk', async () => {
  const filter = new WorkspaceFilter([
    { base: path.join(root, 'apps'), patterns: ['generated/**'] },
    { base: root, patterns: ['legacy', '*.json'] },
  ]);
  const files = await walked(filter);
  assert.deepEqual(files, ['a.yml', 'apps/web.yaml', 'apps-list.yaml', 'b.yaml', 'link.yaml']);
  for (const file of [
    'apps/generated/gen.yaml',
    'legacy/old.yaml',
    'B.json',
    '.github/ci.yaml',
    'node_modules/x/d.yaml',
    'notes.txt',
  ]) {
    assert.equal(filter.includes(root, path.join(root, file)), false, file);
  }
  for (const file of files) assert.equal(filter.includes(root, path.join(root, file)), true, file);
  assert.equal(filter.includes(root, path.join(os.tmpdir(), 'elsewhere.yaml')), false);
});

test('the walk stops at its bound and says so', async () => {
  const result = await walkManifests(root, new WorkspaceFilter(), 3);
  assert.equal(result.truncated, true);
  assert.equal(result.entries.length, 3);
});

test('the nearest .kubewise.yaml from the start folder upward; its ignore globs are parsed', () => {
  write('.kubewise.yaml', 'ignore:\n  - generated/**\n  - 7\n');
  write('apps/deep/er/x.yaml');
  assert.equal(findConfigFile(path.join(root, 'apps', 'deep', 'er')), path.join(root, '.kubewise.yaml'));
  const found = lookupConfig(path.join(root, 'apps'));
  assert.equal(found.kind, 'found');
  if (found.kind !== 'found') return;
  assert.deepEqual(found.parsed.ignore, ['generated/**'], 'the valid entries apply');
  assert.match(found.parsed.findings[0]?.message ?? '', /ignore\.1/);
  assert.equal(lookupConfig(root, { explicitPath: 'missing.yaml' }).kind, 'unreadable');
});

const QUOTA = 'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: q, namespace: shop}\nspec:\n  hard: {requests.cpu: "1"}\n';
const deployment = (cpu: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          resources: {requests: {cpu: ${cpu}}}\n`;
const facts = (text: string) => factsOfText(text, { languageId: 'yaml' });

test('the model: live text replaces the disk entry while open; changes are reported only when others can see them', () => {
  const model = new WorkspaceModel();
  assert.equal(model.setDisk('/w/quota.yaml', facts(QUOTA)), true);
  assert.equal(model.setDisk('/w/web.yaml', facts(deployment('300m'))), true);
  assert.equal(model.setDisk('/w/notes.yaml', facts('a: 1\n')), false, 'no facts, nothing to see');
  assert.equal(model.othersThan('/w/web.yaml').length, 1);
  assert.equal(model.othersThan('/w/quota.yaml').length, 1);

  assert.equal(model.setLive('/w/web.yaml', facts(`# moved down\n${deployment('300m')}`)), false, 'positions only');
  assert.equal(model.setLive('/w/web.yaml', facts(deployment('500m'))), true);
  assert.equal(model.setDisk('/w/web.yaml', facts(deployment('900m'))), false, 'the live text wins while open');
  assert.equal(model.closeLive('/w/web.yaml'), true, 'closed: the disk entry applies again');
  assert.equal(model.deletePath('/w/web.yaml'), true);
  assert.deepEqual(model.othersThan('/w/quota.yaml'), []);
});

test('the model: a symlink and its target are one file, counted once while any path reaches it', () => {
  const model = new WorkspaceModel();
  model.setDisk('/w/quota.yaml', facts(QUOTA));
  model.setDisk('/w/web.yaml', facts(deployment('300m')));
  model.setDisk('/w/link.yaml', facts(deployment('300m')), '/w/web.yaml');
  assert.equal(model.othersThan('/w/quota.yaml').length, 1);
  assert.equal(model.othersThan('/w/link.yaml').length, 1, 'the link is its target: only the quota is another file');
  assert.equal(model.deletePath('/w/web.yaml'), false, 'still reached through the link');
  assert.equal(model.deletePath('/w/link.yaml'), true);
  assert.equal(
    model.deleteUnder('/w', (child, parent) => child.startsWith(`${parent}/`)),
    true,
  );
  assert.deepEqual(model.paths(), []);
});

test('the signature ignores positions but sees Maps, Sets and bigints', () => {
  const a = new Map([['k', [{ at: { start: 1, end: 2 }, set: new Set(['x']), n: 5n }]]]);
  const b = new Map([['k', [{ at: { start: 9, end: 12 }, set: new Set(['x']), n: 5n }]]]);
  const c = new Map([['k', [{ at: { start: 1, end: 2 }, set: new Set(['y']), n: 5n }]]]);
  const d = new Map([['k', [{ at: { start: 1, end: 2 }, set: new Set(['x']), n: 6n }]]]);
  const sig = (m: unknown): string => signatureOf([m as Parameters<typeof signatureOf>[0][number]]).join('\n');
  assert.equal(sig(a), sig(b));
  assert.notEqual(sig(a), sig(c));
  assert.notEqual(sig(a), sig(d));
});
