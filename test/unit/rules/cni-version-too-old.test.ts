import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-version-too-old';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'one IPv4 and one IPv6 address fit a 0.2.0 result',
      fileName: '10-x.conf',
      code: '{"cniVersion": "0.2.0", "name": "n", "type": "bridge", "ipam": {"type": "host-local", "ranges": [[{"subnet": "10.1.0.0/24"}], [{"subnet": "fd00::/64"}]]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-old-list.conflist', {
      errors: [
        { messageId: 'key', data: { key: 'disableGC', since: '1.1.0', version: '0.2.0' }, line: 4, column: 3, endColumn: 14 },
        { messageId: 'list', line: 5, column: 3, endColumn: 12 },
        { messageId: 'addresses', data: { family: 4, version: '0.2.0' }, line: 6, column: 55, endColumn: 63 },
      ],
    }),
    {
      name: 'disableCheck under 0.3.1',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "0.3.1", "name": "n", "disableCheck": true, "plugins": [{"type": "loopback"}]}',
      errors: [
        { messageId: 'key', data: { key: 'disableCheck', since: '0.4.0', version: '0.3.1' }, line: 1, column: 38, endColumn: 52 },
      ],
    },
    {
      name: 'static addresses of one family under 0.1.0',
      fileName: '10-x.conf',
      code: '{"cniVersion": "0.1.0", "type": "macvlan", "ipam": {"type": "static", "addresses": [{"address": "10.0.0.2/24"}, {"address": "10.0.1.2/24"}]}}',
      errors: [{ messageId: 'addresses', line: 1, column: 71, endColumn: 82 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
