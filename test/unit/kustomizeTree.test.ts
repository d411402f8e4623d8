// The Kustomize fixture tree through the CLI: a correct base, component and two overlays
// (patches of every kind) yield nothing; the broken overlay yields exactly the kustomize
// findings, and a value mistake in a patch is still reported on the patch's own line.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { runJson } from './cliHarness';

const TREE = path.resolve(__dirname, '../../../test/fixtures/kustomize');

const summary = (json: Awaited<ReturnType<typeof runJson>>['json']): string[] =>
  json.findings.map((f) => `${f.file}:${f.range.start.line}:${f.range.start.column} ${f.ruleId}`);

test('a correct kustomize tree: no finding on its patches, its base or its kustomizations', async () => {
  const { code, json } = await runJson(['shop'], { cwd: TREE });
  assert.deepEqual(summary(json), []);
  assert.equal(code, 0);
  assert.equal(json.summary.files, 11);
});

test('a broken overlay: exactly the kustomization mistakes, and value rules on its patches', async () => {
  const { code, json } = await runJson(['broken', 'shop'], { cwd: TREE });
  assert.deepEqual(summary(json), [
    'broken/overlay/kustomization.yaml:5:5 kustomize-missing-path',
    'broken/overlay/kustomization.yaml:6:5 kustomize-duplicate-resource',
    'broken/overlay/kustomization.yaml:7:1 kustomize-deprecated-field',
    'broken/overlay/kustomization.yaml:12:7 kustomize-patch-target-missing',
    'broken/overlay/kustomization.yaml:17:11 kustomize-unused-image',
    'broken/overlay/limits.yaml:12:30 memory-unit-slip',
    'broken/overlay/scale.yaml:2:15 kustomize-patch-path-unknown',
  ]);
  assert.equal(code, 1);
});

test('a patch checked on its own is still known as one by the kustomization beside it', async () => {
  const { json } = await runJson(['shop/overlays/staging/replicas.yaml'], { cwd: TREE });
  assert.deepEqual(summary(json), []);
});

test('a patch file outside any kustomization is judged as a whole object', async () => {
  const { json } = await runJson(['--', '-'], {
    cwd: TREE,
    stdin: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop\nspec:\n  replicas: 2\n',
  });
  assert.ok(
    json.findings.some((f) => f.ruleId === 'schema-violation'),
    'a lone replicas patch is an incomplete Deployment',
  );
});

test('facts across files follow each overlay: its namespace, replicas and commonLabels', async () => {
  // prod scales the base to 3 replicas with no budget; guarded does too, with a budget that
  // selects the pods only through its commonLabels. Checked alone, the base runs 1 replica.
  const { json } = await runJson(['rendering'], { cwd: TREE });
  assert.deepEqual(summary(json), [
    'rendering/base/deployment.yaml:4:3 missing-pod-disruption-budget',
    'rendering/guarded/kustomization.yaml:3:1 kustomize-deprecated-field',
  ]);
  assert.match(json.findings[0]?.message ?? '', /runs 3 replicas/);
  assert.equal(json.findings[0]?.object?.namespace, 'prod');
  const alone = await runJson(['rendering/base'], { cwd: TREE });
  assert.deepEqual(summary(alone.json), []);
});

test("kustomize's own configuration is not a cluster object: no unknown-kind for a Kustomization or a builtin transformer", async () => {
  const { json } = await runJson(['-'], {
    cwd: TREE,
    stdin:
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n---\napiVersion: builtin\nkind: LabelTransformer\nmetadata: {name: labels}\nlabels: {team: a}\n',
  });
  assert.deepEqual(summary(json), []);
});
