import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'service-account-missing';
const fixtures = ruleFixtures(RULE);
const POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: api}\nspec:\n  serviceAccountName: api\n  containers: [{name: api, image: "nginx:1.27"}]\n';
const account = (name: string) => `apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: ${name}}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: POD },
    { name: 'declared in another file', code: POD, otherFiles: [{ code: account('api') }] },
    {
      // The ServiceAccount controller makes `default` in every namespace: no manifest declares it.
      name: 'the default account',
      code: POD.replace('serviceAccountName: api', 'serviceAccountName: default'),
      otherFiles: [{ code: account('web') }],
    },
    {
      // Accounts that all name their namespace say nothing about a pod that names none.
      name: 'the only accounts name another namespace',
      code: POD,
      otherFiles: [{ code: 'apiVersion: v1\nkind: ServiceAccount\nmetadata: {name: web, namespace: shop}\n' }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-account.yaml', {
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'ServiceAccount', name: 'api', namespace: "namespace 'shop'", count: 1 },
          line: 13,
          column: 7,
        },
      ],
    }),
    {
      name: 'another file declares another account',
      code: POD,
      otherFiles: [{ code: account('web') }],
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
