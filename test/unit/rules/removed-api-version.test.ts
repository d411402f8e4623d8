import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { builtinSchema } from '../../../server/src/service/schema/builtinSchemas';
import data from '../../../schemas/kubernetes-removed-apis.json';
import { markedCase } from '../../support/markedRange';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'removed-api-version';
const fixtures = ruleFixtures(RULE);

const object = (apiVersion: string, kind: string, rest = '') =>
  `apiVersion: «${apiVersion}»\nkind: ${kind}\nmetadata:\n  name: fire\n${rest}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a custom resource on a beta version',
      code: 'apiVersion: example.com/v1beta1\nkind: Deployment\nmetadata:\n  name: x\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-removed.yaml', {
      errors: [
        {
          messageId: 'removed',
          data: { apiVersion: 'batch/v1beta1', kind: 'CronJob', release: '1.25', replacement: 'batch/v1' },
          line: 2,
          column: 13,
          endColumn: 26,
        },
        { messageId: 'removed', line: 17, column: 13 },
        { messageId: 'removedWithChanges', line: 34, column: 13 },
        { messageId: 'removedNoReplacement', line: 43, column: 13 },
      ],
    }),
    markedCase(
      'policy/v1beta1 PDB: the selector semantics change, so no fix',
      object('policy/v1beta1', 'PodDisruptionBudget'),
      'removedWithChanges',
      {
        apiVersion: 'policy/v1beta1',
        kind: 'PodDisruptionBudget',
        release: '1.25',
        replacement: 'policy/v1',
        changes: 'an empty spec.selector ({}) selects every pod of the namespace in policy/v1 (none in v1beta1)',
      },
      { output: null },
    ),
    markedCase(
      'extensions/v1beta1 Deployment without a selector',
      object('extensions/v1beta1', 'Deployment'),
      'removedWithChanges',
      undefined,
      { output: null },
    ),
    markedCase(
      'apps/v1beta2 Deployment without a selector must gain one',
      object('apps/v1beta2', 'Deployment', 'spec:\n  replicas: 2\n'),
      'removedWithChanges',
      {
        apiVersion: 'apps/v1beta2',
        kind: 'Deployment',
        release: '1.16',
        replacement: 'apps/v1',
        changes: 'spec.selector required',
      },
      { output: null },
    ),
    markedCase('autoscaling/v2beta2 HPA', object('autoscaling/v2beta2', 'HorizontalPodAutoscaler'), 'removed', undefined, {
      output: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: fire\n',
    }),
    markedCase(
      'networking.k8s.io/v1beta1 Ingress',
      object('networking.k8s.io/v1beta1', 'Ingress'),
      'removedWithChanges',
      undefined,
      { output: null },
    ),
    markedCase(
      'rbac v1beta1 ClusterRole',
      object('rbac.authorization.k8s.io/v1beta1', 'ClusterRole', 'rules: []\n'),
      'removed',
      undefined,
      { output: 'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: fire\nrules: []\n' },
    ),
    markedCase(
      'a quoted apiVersion keeps its quotes',
      'apiVersion: «"scheduling.k8s.io/v1beta1"»\nkind: PriorityClass\nmetadata:\n  name: fire\nvalue: 10\n',
      'removed',
      undefined,
      { output: 'apiVersion: "scheduling.k8s.io/v1"\nkind: PriorityClass\nmetadata:\n  name: fire\nvalue: 10\n' },
    ),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('every removed API is absent from the current OpenAPI, and its replacement is served', () => {
  for (const entry of data.removed) {
    assert.equal(builtinSchema(entry.apiVersion, entry.kind), undefined, `${entry.apiVersion} ${entry.kind}`);
    if ('replacement' in entry && entry.replacement)
      assert.ok(builtinSchema(entry.replacement, entry.kind), `${entry.replacement} ${entry.kind}`);
  }
  assert.ok(data.removed.length >= 40);
});

test('rules across files do not count an object on a removed API', () => {
  const budget =
    'apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: web\nspec:\n  minAvailable: 1\n  selector:\n    matchLabels: {app: web}\n';
  const web =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers: [{name: web, image: "web:1"}]\n';
  const ids = (text: string) => checkText(text, { languageId: 'yaml' }).map((f) => f.ruleId);
  assert.ok(ids(`${web}---\n${budget}`).includes('missing-pod-disruption-budget'));
  assert.ok(!ids(`${web}---\n${budget.replace('policy/v1beta1', 'policy/v1')}`).includes('missing-pod-disruption-budget'));
});
