import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-port-mismatch';
const fixtures = ruleFixtures(RULE);
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  ports:\n    - {name: postgres, port: 5432}\n    - {name: metrics, port: 9187}\n';
const ENDPOINTS =
  'apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}\nsubsets:\n  - addresses: [{ip: 10.0.0.7}]\n    ports:\n      - {port: 5432}\n';

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'no Service in the workspace', code: ENDPOINTS }],
  invalid: [
    fixtures.invalid('fire-names.yaml', {
      errors: [
        {
          messageId: 'mismatch',
          data: { port: 'metric', service: 'dont-fire-db', names: 'postgres, metrics' },
          line: 22,
          column: 5,
        },
      ],
    }),
    {
      name: 'an unnamed port against a Service in another file',
      code: ENDPOINTS,
      otherFiles: [{ code: SERVICE }],
      errors: [
        { messageId: 'mismatch', data: { port: '(unnamed)', service: 'db', names: 'postgres, metrics' }, line: 7, column: 9 },
      ],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
