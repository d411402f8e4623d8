import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-without-service';
const fixtures = ruleFixtures(RULE);
const ENDPOINTS =
  'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\n  namespace: shop\nsubsets:\n  - addresses: [{ip: 10.0.0.7}]\n';
const service = (name: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  ports: [{port: 5432}]\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone, an Endpoints object says nothing', code: ENDPOINTS },
    { name: 'its Service in another file', code: ENDPOINTS, otherFiles: [{ code: service('db') }] },
  ],
  invalid: [
    fixtures.invalid('fire-typo.yaml', {
      errors: [
        { messageId: 'endpoints', data: { name: 'fire-postgress', namespace: "namespace 'shop'" }, line: 13, column: 3 },
        { messageId: 'slice', data: { name: 'postgre', namespace: "namespace 'shop'" }, line: 25, column: 5 },
      ],
    }),
    {
      name: 'another file declares only other Services',
      code: ENDPOINTS,
      otherFiles: [{ code: service('postgres') }],
      errors: [{ messageId: 'endpoints', line: 4, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
