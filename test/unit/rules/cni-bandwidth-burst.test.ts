import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-bandwidth-burst';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-rate-alone.conflist', {
      errors: [
        {
          messageId: 'alone',
          data: { present: 'ingressRate', missing: 'ingressBurst', direction: 'ingress' },
          line: 6,
          column: 27,
          endColumn: 40,
        },
        { messageId: 'alone', data: { present: 'egressBurst', missing: 'egressRate', direction: 'egress' }, line: 6, column: 51 },
      ],
    }),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
