import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'nodeport-service';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-nodeport.yaml', {
      errors: [{ messageId: 'nodePort', data: { name: 'fire-web' }, line: 6, column: 3 }],
    }),
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
