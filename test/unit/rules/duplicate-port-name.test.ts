import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'duplicate-port-name';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-copied-port.yaml', {
      errors: [
        { messageId: 'duplicate', data: { container: 'app', name: 'http' }, line: 12, column: 17 },
        { messageId: 'duplicate', data: { container: 'sidecar', name: 'metrics' }, line: 18, column: 18 },
      ],
      output: null,
    }),
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
