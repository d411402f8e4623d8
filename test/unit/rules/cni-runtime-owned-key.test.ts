import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-runtime-owned-key';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-runtime-config.conflist', {
      errors: [
        { messageId: 'owned', data: { key: 'args' }, line: 5, column: 94, endColumn: 100 },
        { messageId: 'ownedCapability', data: { capabilities: '"portMappings": true' }, line: 8, column: 7, endColumn: 22 },
      ],
    }),
    {
      name: 'cni.dev/ keys and prevResult in a ConfigMap: removed in the block scalar',
      code: inConfigMap(
        '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{"type": "ptp", "cni.dev/valid-attachments": [], "prevResult": {}, "ipMasq": true}]\n}',
      ),
      errors: [
        { messageId: 'owned', data: { key: 'cni.dev/valid-attachments' }, line: 11, column: 35, endColumn: 62 },
        { messageId: 'owned', data: { key: 'prevResult' }, line: 11, column: 68, endColumn: 80 },
      ],
      output: inConfigMap('{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{"type": "ptp", "ipMasq": true}]\n}'),
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
