import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-unknown-key';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'keys that resemble nothing may be a newer plugin’s',
      fileName: '10-x.conflist',
      code: conflist('{"type": "bridge", "someFutureFlag": true, "ipam": {}}'),
    },
    {
      name: 'runtime keys are another rule’s',
      fileName: '10-x.conflist',
      code: conflist('{"type": "bridge", "args": {}, "ipam": {}}'),
    },
  ],
  invalid: [
    fixtures.invalid('fire-misspelt.conflist', {
      errors: [
        {
          messageId: 'misspelt',
          data: { key: 'isGateWay', owner: 'bridge', suggestion: 'isGateway' },
          line: 7,
          column: 7,
          endColumn: 18,
        },
        { messageId: 'misspelt', data: { key: 'ipmasq', owner: 'bridge', suggestion: 'ipMasq' }, line: 8, column: 7 },
        {
          messageId: 'misspelt',
          data: { key: 'rangeStrat', owner: 'a host-local ipam range', suggestion: 'rangeStart' },
          line: 9,
          column: 76,
        },
      ],
    }),
    {
      name: 'at the top of a list, in a ConfigMap',
      code: inConfigMap('{"cniVersion": "1.0.0", "name": "n", "disablecheck": true, "plugins": [{"type": "loopback"}]}'),
      errors: [
        {
          messageId: 'misspelt',
          data: { key: 'disablecheck', owner: 'the network', suggestion: 'disableCheck' },
          line: 8,
          column: 42,
        },
      ],
      output: inConfigMap('{"cniVersion": "1.0.0", "name": "n", "disableCheck": true, "plugins": [{"type": "loopback"}]}'),
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
