// The facts other files see through the kustomize trees are rendered once per facts and role:
// asked again (every check asks for every other file), the same objects come back, and the
// kustomization's entries are not read from disk again; a changed kustomization renders anew.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { KustomizeIndex } from '../../server/src/host/kustomizeIndex';
import { ReadScope } from '../../server/src/host/readScope';
import { factsOfText } from '../../server/src/service/engine/checkFile';

const tree = path.resolve(__dirname, '../../../test/fixtures/kustomize/rendering');
const file = (relative: string): string => path.join(tree, relative);

test('a rendering is made once per facts and role, and again after a kustomization changes', () => {
  const index = new KustomizeIndex(ReadScope.of([tree]));
  for (const kustomization of ['base/kustomization.yaml', 'prod/kustomization.yaml', 'guarded/kustomization.yaml']) {
    index.set(file(kustomization), fs.readFileSync(file(kustomization), 'utf8'));
  }
  const deployment = file('base/deployment.yaml');
  const facts = factsOfText(fs.readFileSync(deployment, 'utf8'), { languageId: 'yaml', filePath: deployment });
  const first = index.factsView(deployment, facts);
  assert.notEqual(first, facts, 'the base is rendered by the overlay');
  assert.equal(index.factsView(deployment, facts), first, 'the same facts and role: the same rendering');
  const prod = file('prod/kustomization.yaml');
  index.set(prod, fs.readFileSync(prod, 'utf8').replace('namespace: prod', 'namespace: staging'));
  const after = index.factsView(deployment, facts);
  assert.notEqual(after, first, 'a changed kustomization renders anew');
  const namespaces = after.flatMap((document) =>
    [...document.values()].flat().map((fact) => (fact as { namespace?: string }).namespace),
  );
  assert.ok(namespaces.includes('staging'), `rendered in the new namespace: ${namespaces.join(', ')}`);
});
