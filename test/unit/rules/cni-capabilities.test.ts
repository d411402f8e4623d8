import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-capabilities';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-misspelt.conflist', {
      errors: [
        { messageId: 'misspelt', data: { name: 'portMapping', suggestion: 'portMappings' }, line: 6, column: 42, endColumn: 55 },
        { messageId: 'unknown', line: 7, column: 44, endColumn: 60 },
      ],
    }),
    {
      name: 'a single .conf',
      fileName: '10-x.conf',
      code: '{"cniVersion": "0.4.0", "name": "n", "type": "host-device", "capabilities": {"deviceid": true}}',
      errors: [{ messageId: 'misspelt', data: { name: 'deviceid', suggestion: 'deviceID' }, line: 1, column: 78, endColumn: 88 }],
      output: '{"cniVersion": "0.4.0", "name": "n", "type": "host-device", "capabilities": {"deviceID": true}}',
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
