import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inNetworkAttachment } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-ipam-range';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'rangeStart alone, before the default end',
      fileName: '10-x.conflist',
      code: conflist(
        '{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.0.0.0/24", "rangeStart": "10.0.0.100"}]]}}',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-outside.conflist', {
      errors: [
        {
          messageId: 'outside',
          data: { key: 'rangeStart', text: '10.11.0.10', subnet: '10.10.0.0/16' },
          line: 10,
          column: 53,
          endColumn: 65,
        },
        { messageId: 'gatewayOutside', line: 10, column: 78 },
        { messageId: 'startAfterEnd', data: { start: '10.20.0.200', end: '10.20.0.100' }, line: 11, column: 80 },
        { messageId: 'notAnAddress', data: { key: 'rangeEnd', text: '10.30.0.300' }, line: 12, column: 51 },
      ],
    }),
    {
      name: 'an IPv6 rangeEnd in an IPv4 subnet, in a NetworkAttachmentDefinition',
      code: inNetworkAttachment(
        '{\n  "cniVersion": "1.0.0",\n  "type": "macvlan",\n  "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24", "rangeEnd": "fd00::9"}]]}\n}',
      ),
      errors: [
        {
          messageId: 'outside',
          data: { key: 'rangeEnd', text: 'fd00::9', subnet: '10.1.0.0/24' },
          line: 9,
          column: 88,
          endColumn: 97,
        },
      ],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
