import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-duplicate-key';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-mtu-twice.conflist', {
      errors: [{ messageId: 'duplicate', data: { key: 'mtu' }, line: 9, column: 7, endColumn: 12 }],
    }),
    {
      name: 'in a ConfigMap, on the second key',
      code: inConfigMap('{"cniVersion": "1.0.0", "name": "a", "name": "b", "plugins": [{"type": "loopback"}]}'),
      errors: [{ messageId: 'duplicate', data: { key: 'name' }, line: 8, column: 42, endColumn: 48 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
