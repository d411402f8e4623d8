import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-plugin-chain';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a .conf with one plugin', fileName: '99-loopback.conf', code: '{"cniVersion": "0.3.1", "type": "loopback"}' },
    {
      name: 'a .json file may hold either',
      fileName: 'net.json',
      code: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-empty-plugins.conflist', { errors: [{ messageId: 'empty', line: 4, column: 14, endColumn: 16 }] }),
    fixtures.invalid('fire-list-in-conf.conf', { errors: [{ messageId: 'listInConf', line: 4, column: 3, endColumn: 12 }] }),
    fixtures.invalid('fire-single-in-conflist.conflist', {
      errors: [{ messageId: 'listWithoutPlugins', line: 4, column: 3, endColumn: 9 }],
    }),
    fixtures.invalid('fire-entries.conflist', {
      errors: [{ messageId: 'entryNotObject', data: { type: 'a string' }, line: 4, column: 37 }],
    }),
    {
      name: 'not an object at all',
      fileName: '10-x.conflist',
      code: '[{"cniVersion": "1.0.0"}]',
      errors: [{ messageId: 'notAnObject', data: { type: 'a list' }, line: 1, column: 1 }],
    },
    {
      name: 'plugins misspelt',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "n", "plugin": [{"type": "loopback"}]}',
      errors: [{ messageId: 'misspelt', line: 1, column: 38, endColumn: 46 }],
      output: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'plugins not a list, in a ConfigMap',
      code: inConfigMap('{"cniVersion": "1.0.0", "name": "n", "plugins": {"type": "loopback"}}'),
      errors: [{ messageId: 'notList', data: { type: 'an object' }, line: 8, column: 53 }],
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
