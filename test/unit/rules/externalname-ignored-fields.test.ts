import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'externalname-ignored-fields';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'clusterIP None and an empty selector say nothing',
      code: 'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  type: ExternalName\n  externalName: db.example.com\n  clusterIP: None\n  selector: {}\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-remapped.yaml', {
      errors: [
        { messageId: 'selector', line: 8, column: 3 },
        { messageId: 'clusterIP', data: { value: '10.0.0.12' }, line: 10, column: 3 },
        { messageId: 'targetPort', data: { port: '5432', target: '15432' }, line: 13, column: 7 },
      ],
    }),
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
