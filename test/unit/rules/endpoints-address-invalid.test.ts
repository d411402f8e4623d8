import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-address-invalid';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-addresses.yaml', {
      errors: [
        { messageId: 'special', data: { address: '127.0.0.1', why: 'loopback' }, line: 7, column: 13 },
        { messageId: 'special', data: { address: '169.254.1.2', why: 'link-local' }, line: 8, column: 13 },
        { messageId: 'hostname', data: { address: 'db.example.com' }, line: 9, column: 13 },
        { messageId: 'special', data: { address: 'fe80::1', why: 'link-local' }, line: 24, column: 17 },
        { messageId: 'special', data: { address: 'ff02::1', why: 'multicast' }, line: 25, column: 17 },
      ],
    }),
    {
      name: 'IPv4-mapped loopback and the unspecified address',
      code: 'apiVersion: v1\nkind: Endpoints\nmetadata: {name: db}\nsubsets:\n  - addresses: [{ip: "::ffff:127.0.0.1"}, {ip: 0.0.0.0}]\n',
      errors: [
        { messageId: 'special', data: { address: '::ffff:127.0.0.1', why: 'loopback' }, line: 5, column: 22 },
        { messageId: 'special', data: { address: '0.0.0.0', why: 'unspecified' }, line: 5, column: 48 },
      ],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
