import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-network-name';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a template name is filled in before the runtime reads it',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "__NETWORK__", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'dots, dashes and underscores',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "name": "k8s-pod_network.v2", "plugins": [{"type": "loopback"}]}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-unnamed-list.conflist', { errors: [{ messageId: 'missing', line: 1, column: 1, endColumn: 2 }] }),
    fixtures.invalid('fire-invalid-name.conflist', {
      errors: [
        { messageId: 'invalid', data: { name: 'pod network', reason: 'contains a space' }, line: 3, column: 11, endColumn: 24 },
      ],
    }),
    {
      name: 'a ConfigMap plugin list without a name',
      code: inConfigMap('{\n  "cniVersion": "0.3.1",\n  "plugins": [{"type": "flannel"}]\n}'),
      errors: [{ messageId: 'missing', line: 8, column: 5, endColumn: 6 }],
    },
    {
      name: 'a name starting with a dot, and a misspelt key',
      fileName: '10-x.conflist',
      code: '{"cniVersion": "1.0.0", "Name": "n", "plugins": [{"type": "loopback"}]}',
      errors: [{ messageId: 'misspelt', line: 1, column: 25, endColumn: 31 }],
      output: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'a leading dot and a slash',
      fileName: '10-x.conf',
      code: '{"cniVersion": "0.3.1", "name": ".net/a", "type": "loopback"}',
      errors: [{ messageId: 'invalid', data: { name: '.net/a', reason: 'starts with "."' }, line: 1, column: 33 }],
      output: '{"cniVersion": "0.3.1", "name": "net-a", "type": "loopback"}',
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
