import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'missing-pod-disruption-budget';
const fixtures = ruleFixtures(RULE);

const DEPLOYMENT =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  replicas: 2\n  template:\n    metadata:\n      labels: {app: api}\n    spec:\n      containers:\n        - {name: api, image: "nginx:1.27"}\n';

const BUDGET =
  'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: {app: api}}\n';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no template labels: nothing to match, nothing said', code: DEPLOYMENT.replace('      labels: {app: api}\n', '') },
    {
      name: 'a Job is not replicated',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  parallelism: 4\n  template:\n    metadata:\n      labels: {app: j}\n    spec:\n      restartPolicy: Never\n      containers: [{name: j, image: "busybox:1.36"}]\n',
    },
    { name: 'a budget in another file of the workspace counts', code: DEPLOYMENT, otherFiles: [{ code: BUDGET }] },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          message:
            'Deployment fire runs 3 replicas and no PodDisruptionBudget selects its pods: a node drain may evict them all at once.',
          line: 7,
          column: 3,
        },
      ],
    }),
    {
      name: 'without the budget in another file, the same Deployment has none',
      code: DEPLOYMENT,
      errors: [
        {
          message:
            'Deployment api runs 2 replicas and no PodDisruptionBudget selects its pods: a node drain may evict them all at once.',
          line: 5,
          column: 3,
        },
      ],
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
