import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'quota-requires-requests';
const fixtures = ruleFixtures(RULE);

const MEMORY_QUOTA =
  'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: mem, namespace: shop}\nspec:\n  hard: {requests.memory: 1Gi}\n';
const BARE_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'no quota anywhere: nothing is required', code: BARE_POD }],
  invalid: [
    fixtures.invalid('fire-no-requests.yaml', {
      errors: [
        {
          message:
            "Container 'web' declares no limits.memory, but namespace 'shop' has a ResourceQuota on it ('compute'): the API server rejects its pods.",
          line: 24,
          column: 11,
        },
        {
          messageId: 'undeclared',
          data: { container: 'sidecar', missing: 'requests.cpu, limits.memory', namespace: "namespace 'shop'", quota: 'compute' },
          line: 28,
          column: 11,
        },
      ],
    }),
    {
      name: 'the quota may live in another file of the workspace',
      code: BARE_POD,
      otherFiles: [{ code: MEMORY_QUOTA }],
      errors: [
        {
          message:
            "Container 'web' declares no requests.memory, but namespace 'shop' has a ResourceQuota on it ('mem'): the API server rejects its pods.",
          line: 6,
          column: 7,
        },
      ],
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
