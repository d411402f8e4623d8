import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-ipam-subnet';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a /30 is the smallest block host-local takes',
      fileName: '10-x.conflist',
      code: conflist('{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.0.0.4/30"}]]}}'),
    },
    {
      name: 'other IPAM plugins are not host-local',
      fileName: '10-x.conflist',
      code: conflist('{"type": "ptp", "ipam": {"type": "whereabouts", "range": "10.0.0.1/24"}}'),
    },
  ],
  invalid: [
    fixtures.invalid('fire-host-bits.conflist', {
      errors: [
        {
          messageId: 'hostBits',
          data: { text: '10.244.1.1/24', prefix: 24, network: '10.244.1.0/24' },
          line: 5,
          column: 78,
          endColumn: 93,
        },
        {
          messageId: 'hostBits',
          data: { text: 'fd00:10:244:1::1/64', prefix: 64, network: 'fd00:10:244:1::/64' },
          line: 5,
          column: 109,
        },
      ],
    }),
    fixtures.invalid('fire-invalid-and-small.conflist', {
      errors: [
        { messageId: 'invalid', line: 5, column: 78 },
        { messageId: 'tooSmall', data: { text: '10.0.0.8/31', largest: 30 }, line: 5, column: 109 },
        { messageId: 'noPrefix', data: { text: '10.9.0.0' }, line: 5, column: 138 },
        { messageId: 'invalidAddress', line: 6, column: 96 },
      ],
    }),
    {
      name: 'the legacy range too, in a ConfigMap: fixed in the block scalar',
      code: inConfigMap(
        '{\n  "cniVersion": "0.3.1",\n  "name": "n",\n  "type": "bridge",\n  "ipam": {"type": "host-local", "subnet": "10.22.3.4/16"}\n}',
        '10-bridge.conf',
      ),
      errors: [
        {
          messageId: 'hostBits',
          data: { text: '10.22.3.4/16', prefix: 16, network: '10.22.0.0/16' },
          line: 12,
          column: 48,
          endColumn: 62,
        },
      ],
      output: inConfigMap(
        '{\n  "cniVersion": "0.3.1",\n  "name": "n",\n  "type": "bridge",\n  "ipam": {"type": "host-local", "subnet": "10.22.0.0/16"}\n}',
        '10-bridge.conf',
      ),
    },
    {
      name: 'IPv6 /127 and leading zeros in IPv4',
      fileName: '10-x.conflist',
      code: conflist(
        '{"type": "ptp", "ipam": {"type": "host-local", "ranges": [[{"subnet": "fd00::/127"}], [{"subnet": "010.0.0.0/8"}]]}}',
      ),
      errors: [
        { messageId: 'tooSmall', data: { text: 'fd00::/127', largest: 126 }, line: 5, column: 75 },
        { messageId: 'invalid', line: 5, column: 103 },
      ],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
