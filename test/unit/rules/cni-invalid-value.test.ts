import assert from 'node:assert/strict';
import { test } from 'node:test';
import { conflist, inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-invalid-value';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a placeholder MTU is not judged',
      fileName: '10-x.conflist',
      code: conflist('{"type": "ptp", "mtu": "__MTU__", "ipam": {}}'),
    },
    {
      name: 'a bare placeholder MTU is not judged',
      fileName: '10-x.conflist',
      code: conflist('{"type": "ptp", "mtu": __CNI_MTU__, "ipam": {}}'),
    },
  ],
  invalid: [
    fixtures.invalid('fire-types.conflist', {
      errors: [
        { messageId: 'numberAsString', data: { key: 'mtu', owner: 'bridge', value: '1500' }, line: 7, column: 14, endColumn: 20 },
        {
          messageId: 'notBoolean',
          data: { key: 'isGateway', owner: 'bridge', value: 'True' },
          line: 8,
          column: 20,
          endColumn: 26,
        },
        { messageId: 'notBoolean', data: { key: 'hairpinMode', owner: 'bridge', value: 'yes' }, line: 9, column: 22 },
        {
          messageId: 'wrongType',
          data: { key: 'net.core.somaxconn', owner: 'tuning', expected: 'a string', actual: 'an integer' },
          line: 12,
          column: 57,
        },
      ],
    }),
    fixtures.invalid('fire-modes-and-ranges.conflist', {
      errors: [
        {
          messageId: 'notOneOf',
          data: { key: 'mode', owner: 'macvlan', value: 'Bridge', allowed: 'bridge, private, vepa, passthru' },
          line: 5,
          column: 51,
        },
        {
          messageId: 'outOfRange',
          data: { key: 'markMasqBit', owner: 'portmap', bounds: 'from 0 to 31', value: '32' },
          line: 6,
          column: 80,
        },
        { messageId: 'notOneOf', line: 7, column: 43 },
      ],
    }),
    fixtures.invalid('fire-network-attachment.yaml', {
      errors: [
        {
          messageId: 'outOfRange',
          data: { key: 'vlanId', owner: 'vlan', bounds: 'from 0 to 4094', value: '4095' },
          line: 6,
          column: 94,
          endColumn: 98,
        },
      ],
    }),
    {
      name: 'a ConfigMap: the number fix unquotes the value inside the block scalar',
      code: inConfigMap(
        conflist('{"type": "ptp", "mtu": "9000", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24"}]]}}'),
      ),
      errors: [{ messageId: 'numberAsString', line: 12, column: 32, endColumn: 38 }],
      output: inConfigMap(
        conflist('{"type": "ptp", "mtu": 9000, "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24"}]]}}'),
      ),
    },
    {
      name: 'an empty ranges list',
      fileName: '10-x.conflist',
      code: conflist('{"type": "bridge", "ipam": {"type": "host-local", "ranges": []}}'),
      errors: [{ messageId: 'empty', data: { key: 'ranges', owner: 'the host-local ipam' }, line: 5, column: 65 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
