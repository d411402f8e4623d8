import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inNetworkAttachment } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-plugin-type';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'an empty ipam means no addresses',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "bridge", "ipam": {}}]}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-path-and-case.conflist', {
      errors: [
        { messageId: 'nearMiss', data: { value: 'Bridge', suggestion: 'bridge' }, line: 5, column: 14, endColumn: 22 },
        { messageId: 'nearMiss', data: { value: 'host_local', suggestion: 'host-local' }, line: 5, column: 41, endColumn: 53 },
        { messageId: 'path', data: { value: '/opt/cni/bin/portmap', name: 'portmap' }, line: 6, column: 14, endColumn: 36 },
      ],
    }),
    fixtures.invalid('fire-missing.conflist', {
      errors: [
        { messageId: 'missing', line: 5, column: 5, endColumn: 6 },
        { messageId: 'ipamMissing', line: 5, column: 32, endColumn: 33 },
      ],
    }),
    {
      name: 'not a string, empty',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": 7}, {"type": ""}]}',
      errors: [
        { messageId: 'notString', data: { type: 'an integer' }, line: 1, column: 59 },
        { messageId: 'empty', line: 1, column: 72 },
      ],
    },
    {
      name: 'in a NetworkAttachmentDefinition',
      code: inNetworkAttachment(
        '{\n  "cniVersion": "1.0.0",\n  "type": "MacVlan",\n  "master": "eth0",\n  "ipam": {"type": "dhcp"}\n}',
      ),
      errors: [{ messageId: 'nearMiss', data: { value: 'MacVlan', suggestion: 'macvlan' }, line: 8, column: 15, endColumn: 24 }],
      output: inNetworkAttachment(
        '{\n  "cniVersion": "1.0.0",\n  "type": "macvlan",\n  "master": "eth0",\n  "ipam": {"type": "dhcp"}\n}',
      ),
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
