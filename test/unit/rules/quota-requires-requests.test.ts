import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, factsOfText } from '../../../server/src/service/engine/checkFile';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'quota-requires-requests';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: fixtures.valid,
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
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('the quota may live in another file of the workspace', () => {
  const quota = factsOfText(
    'apiVersion: v1\nkind: ResourceQuota\nmetadata: {name: mem, namespace: shop}\nspec:\n  hard: {requests.memory: 1Gi}\n',
    { languageId: 'yaml' },
  );
  const pod =
    'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop}\nspec:\n  containers:\n    - name: web\n      image: nginx:1.27\n';
  assert.equal(checkText(pod, { languageId: 'yaml' }).filter((f) => f.ruleId === RULE).length, 0);
  const findings = checkText(pod, { languageId: 'yaml', workspace: quota }).filter((f) => f.ruleId === RULE);
  assert.deepEqual(
    findings.map((f) => [f.range.start.line, f.message]),
    [
      [
        5,
        "Container 'web' declares no requests.memory, but namespace 'shop' has a ResourceQuota on it ('mem'): the API server rejects its pods.",
      ],
    ],
  );
});
