import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-ipam-overlap';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'one subnet split by rangeStart and rangeEnd',
      fileName: '10-x.conflist',
      code: conflist(
        '{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.0.0.0/24", "rangeEnd": "10.0.0.99"}, {"subnet": "10.0.0.0/24", "rangeStart": "10.0.0.100"}]]}}',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-overlap.conflist', {
      errors: [
        { messageId: 'overlapInSet', data: { text: '10.10.5.0/24', other: '10.10.0.0/16' }, line: 10, column: 51, endColumn: 65 },
        { messageId: 'mixed', data: { text: 'fd00::/64', family: 6, other: 4 }, line: 10, column: 79 },
        {
          messageId: 'overlapAcrossSets',
          data: { text: '10.10.8.0/24', other: '10.10.0.0/16', otherSet: 1 },
          line: 11,
          column: 23,
        },
      ],
    }),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
