import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inNetworkAttachment } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-missing-key';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'bridge with its container interface down needs no IPAM',
      fileName: '10-x.conf',
      code: '{"cniVersion": "1.0.0", "name": "n", "type": "bridge", "disableContainerInterface": true}',
    },
    {
      name: 'host-device may go without IPAM',
      fileName: '10-x.conf',
      code: '{"cniVersion": "0.3.1", "type": "host-device", "device": "enp0s1"}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-vlan.conflist', {
      errors: [
        {
          messageId: 'missing',
          data: { owner: 'vlan', key: 'vlanId', description: 'the VLAN id, 0 to 4094' },
          line: 5,
          column: 6,
          endColumn: 12,
        },
        { messageId: 'missing', line: 5, column: 83, endColumn: 84 },
      ],
    }),
    fixtures.invalid('fire-no-ipam.conflist', {
      errors: [{ messageId: 'ipam', data: { type: 'macvlan' }, line: 5, column: 6, endColumn: 23 }],
    }),
    {
      name: 'ipvlan first in the chain',
      fileName: '10-x.conflist',
      code: conflist('{"type": "ipvlan", "master": "eth0"}'),
      errors: [{ messageId: 'ipamFirst', line: 5, column: 6, endColumn: 22 }],
    },
    {
      name: 'a route without dst, in a NetworkAttachmentDefinition',
      code: inNetworkAttachment(
        '{\n  "cniVersion": "1.0.0",\n  "type": "macvlan",\n  "ipam": {"type": "static", "addresses": [{"address": "10.1.0.5/24"}], "routes": [{"gw": "10.1.0.1"}]}\n}',
      ),
      errors: [
        {
          messageId: 'missing',
          data: {
            owner: 'a static ipam route',
            key: 'dst',
            description: 'the destination CIDR (0.0.0.0/0 for the default route)',
          },
          line: 9,
          column: 88,
        },
      ],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
