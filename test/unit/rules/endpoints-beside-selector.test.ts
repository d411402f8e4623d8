import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-beside-selector';
const fixtures = ruleFixtures(RULE);
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: fire-web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n';

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'no Service of its name', code: fixtures.invalid('fire-overwritten.yaml', { errors: [{ line: 1, column: 1 }] }).code }],
  invalid: [
    fixtures.invalid('fire-overwritten.yaml', {
      otherFiles: [{ code: SERVICE }],
      errors: [{ messageId: 'overwritten', data: { name: 'fire-web' }, line: 4, column: 3 }],
    }),
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
