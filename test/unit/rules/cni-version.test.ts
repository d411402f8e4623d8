import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-version';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a placeholder version',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "__CNI_VERSION__", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'broken JSON is the syntax rule’s',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0", "name": "n", "plugins": [',
    },
  ],
  invalid: [
    fixtures.invalid('fire-short-version.conflist', {
      errors: [
        { messageId: 'unknownMeant', data: { version: '1.0', suggestion: '1.0.0' }, line: 2, column: 17, endColumn: 22 },
        { messageId: 'unknownInList', line: 3, column: 37, endColumn: 44 },
      ],
    }),
    fixtures.invalid('fire-missing.conf', { errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 2 }] }),
    fixtures.invalid('fire-network-attachment.yaml', {
      errors: [{ messageId: 'unknownMeant', data: { version: '0.4', suggestion: '0.4.0' }, line: 7, column: 21, endColumn: 26 }],
    }),
    {
      name: 'a number, and a misspelt key',
      fileName: '10-x.conflist',
      code: '{"cniversion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
      errors: [{ messageId: 'misspelt', line: 1, column: 2, endColumn: 14 }],
      output: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'a number',
      fileName: '10-x.conflist',
      code: '{"cniVersion": 1.0, "name": "n", "plugins": [{"type": "loopback"}]}',
      errors: [{ messageId: 'notString', data: { type: 'an integer' }, line: 1, column: 16, endColumn: 19 }],
    },
    {
      name: 'in a ConfigMap block scalar, fixed in place',
      code: inConfigMap('{\n  "cniVersion": "v0.3.1",\n  "name": "cbr0",\n  "plugins": [{"type": "flannel"}]\n}'),
      errors: [
        { messageId: 'unknownMeant', data: { version: 'v0.3.1', suggestion: '0.3.1' }, line: 9, column: 21, endColumn: 29 },
      ],
      output: inConfigMap('{\n  "cniVersion": "0.3.1",\n  "name": "cbr0",\n  "plugins": [{"type": "flannel"}]\n}'),
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
