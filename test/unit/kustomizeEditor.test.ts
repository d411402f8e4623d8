// The kustomization editor features on their own, with what a host would pass: definition
// on paths and targets, completion of paths, the Outline. The protocol test drives them on disk.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { kustomizePathCompletions } from '../../server/src/service/features/kustomizeCompletion';
import type { FolderEntry } from '../../server/src/service/features/kustomizeCompletion';
import { kustomizeDefinitionAt } from '../../server/src/service/features/kustomizeNavigation';
import { documentSymbols } from '../../server/src/service/features/symbols';
import type { InputObject, KustomizeInputs } from '../../server/src/service/kustomize/inputs';

const at = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 12 } });
const object = (kind: string, name: string, line: number): InputObject => ({
  apiVersion: 'apps/v1',
  kind,
  name,
  images: [],
  origin: { file: '/w/base/app.yaml', range: at(line) },
});
const INPUTS: KustomizeInputs = {
  paths: new Map([
    ['base', { status: 'directory', key: '/w/base', objects: [object('Deployment', 'web', 3), object('Service', 'web', 20)] }],
    ['https://example.com/app.yaml', { status: 'unknown' }],
  ]),
  destinations: new Map([['base', '/w/base/kustomization.yaml']]),
};
const TEXT = [
  'resources: [base, "https://example.com/app.yaml"]',
  'patches:',
  '  - path: p.yaml',
  '    target: {labelSelector: app=web}',
  '  - target:',
  '      name: web',
  '    patch: "[]"',
  '',
].join('\n');
const definition = (line: number, character: number, text = TEXT) =>
  kustomizeDefinitionAt(text, 'yaml', { line, character }, INPUTS).map((p) => [p.path, p.range.start.line]);

test('definition: a flow-style entry leads to its folder; a remote one, nowhere', () => {
  assert.deepEqual(definition(0, 13), [['/w/base/kustomization.yaml', 0]]);
  assert.deepEqual(definition(0, 25), []);
});

test('definition: a target by name alone selects every kind of that name; a label selector is not followed', () => {
  assert.deepEqual(definition(5, 12), [
    ['/w/base/app.yaml', 3],
    ['/w/base/app.yaml', 20],
  ]);
  assert.deepEqual(definition(3, 20), []);
  assert.deepEqual(kustomizeDefinitionAt(TEXT, 'yaml', { line: 0, character: 13 }, undefined), []);
});

const FOLDER: Record<string, FolderEntry[]> = {
  '': [
    { name: 'kustomization.yaml', directory: false },
    { name: 'web.yaml', directory: false },
    { name: 'notes.txt', directory: false },
    { name: '.git', directory: true },
    { name: 'base', directory: true },
  ],
};
const complete = (text: string, line: number, character: number) =>
  kustomizePathCompletions(text, 'yaml', { line, character }, (relative) => FOLDER[relative]).map((c) => c.newText);

test('completion: a quoted item, an item being edited, and nothing on a key or in another field', () => {
  assert.deepEqual(complete('resources:\n  - "w"\n', 1, 6), ['base/', 'web.yaml']);
  // The whole path is replaced: editing `web.yaml` offers it again, and `base/` still.
  assert.deepEqual(complete('resources:\n  - web.yaml\n', 1, 6), ['base/', 'web.yaml']);
  assert.deepEqual(complete('resources:\n  - base\n  - \n', 2, 4), ['web.yaml']);
  assert.deepEqual(complete('resources:\n  - web.yaml\nnamespace: \n', 2, 11), []);
  assert.deepEqual(complete('images:\n  - name: \n', 1, 10), []);
  assert.deepEqual(complete('kind: Deployment\nmetadata:\n  name: \n', 2, 8), []);
  assert.deepEqual(
    kustomizePathCompletions('{"resources": [""]}', 'json', { line: 0, character: 16 }, () => []),
    [],
  );
});

test('completion: a folder that cannot be listed offers nothing', () => {
  assert.deepEqual(complete('resources:\n  - missing/\n', 1, 13), []);
});

test('the Outline of a kustomization without apiVersion, by its file name only', () => {
  const text = 'resources:\n  - base\nimages:\n  - name: nginx\n    newName: registry.local/nginx\n    newTag: "1.27"\n';
  const outline = (fileName: string) =>
    documentSymbols(text, 'yaml', fileName).map((s) => [s.name, s.kind, s.children.map((c) => [c.name, c.detail])]);
  assert.deepEqual(outline('Kustomization'), [
    ['resources', 'group', [['base', '']]],
    ['images', 'group', [['nginx', '→ registry.local/nginx:1.27']]],
  ]);
  assert.deepEqual(outline('values.yaml'), []);
});
