import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-ipam-route';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-routes.conflist', {
      errors: [
        { messageId: 'invalidDst', data: { text: 'default' }, line: 10, column: 28, endColumn: 37 },
        { messageId: 'invalidGw', data: { text: '10.10.5' }, line: 10, column: 72 },
        { messageId: 'familyMismatch', data: { gw: '10.10.0.1', gwFamily: 4, dst: '::/0', dstFamily: 6 }, line: 10, column: 106 },
      ],
    }),
    {
      name: 'static IPAM routes',
      fileName: '10-x.conflist',
      code: conflist(
        '{"type": "macvlan", "ipam": {"type": "static", "addresses": [{"address": "10.0.0.2/24"}], "routes": [{"dst": "0.0.0.0/0", "gw": "10.0.0.1"}, {"dst": "0.0.0.0/0/0"}]}}',
      ),
      errors: [{ messageId: 'invalidDst', line: 5, column: 154 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
