import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-beside-selector';
const fixtures = ruleFixtures(RULE);
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';
const ENDPOINTS = 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: web\nsubsets:\n  - addresses: [{ip: 10.0.0.7}]\n';

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'alone', code: ENDPOINTS }],
  invalid: [
    fixtures.invalid('fire-overwritten.yaml', {
      errors: [
        { messageId: 'service', data: { name: 'fire-web' }, line: 6, column: 3 },
        { messageId: 'overwritten', data: { name: 'fire-web' }, line: 14, column: 3 },
      ],
    }),
    {
      name: 'the Service in another file',
      code: ENDPOINTS,
      otherFiles: [{ code: SERVICE }],
      errors: [{ messageId: 'overwritten', line: 4, column: 3 }],
    },
    {
      name: 'the Endpoints in another file',
      code: SERVICE,
      otherFiles: [{ code: ENDPOINTS }],
      errors: [{ messageId: 'service', line: 6, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
