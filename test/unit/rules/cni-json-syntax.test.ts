import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inConfigMap, inNetworkAttachment } from '../../support/cniCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cni-json-syntax';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a placeholder where a number goes is not a syntax error',
      fileName: '10-calico.conflist',
      code: '{"cniVersion": "0.3.1", "name": "k8s", "plugins": [{"type": "calico", "mtu": __CNI_MTU__}]}',
    },
    {
      name: 'tabs as indentation are JSON whitespace',
      fileName: '10-net.conflist',
      code: '{\n\t"cniVersion": "1.0.0",\n\t"name": "n",\n\t"plugins": [{"type": "loopback"}]\n}\n',
    },
    { name: 'an nginx .conf is not a CNI config and gets nothing', fileName: 'nginx.conf', code: 'server {\n  listen 80;\n}\n' },
    {
      name: 'a ConfigMap value that is not a CNI config',
      code: inConfigMap('{"Network": "10.244.0.0/16",}', 'net-conf.json', 'dont-fire'),
    },
  ],
  invalid: [
    fixtures.invalid('fire-trailing-comma.conflist', {
      errors: [
        { messageId: 'lenient', line: 8, column: 20, endLine: 8, endColumn: 24 },
        { messageId: 'lenient', line: 11, column: 49, endColumn: 50 },
      ],
    }),
    fixtures.invalid('fire-configmap.yaml', { errors: [{ messageId: 'lenient', line: 15, column: 68, endColumn: 69 }] }),
    fixtures.invalid('fire-unclosed.conflist', { errors: [{ messageId: 'fatal', line: 6, column: 3 }] }),
    {
      name: 'comments, single quotes and bare words, each where it is',
      fileName: '10-net.conflist',
      code: '{\n  # the network\n  \'cniVersion\': "1.0.0",\n  name: "n",\n  "plugins": [{"type": "loopback", "x": yes}]\n}\n',
      errors: [
        { messageId: 'lenient', line: 2, column: 3, endColumn: 16 },
        { messageId: 'lenient', line: 3, column: 3, endColumn: 4 },
        { messageId: 'lenient', line: 4, column: 3, endColumn: 7 },
        { messageId: 'lenient', line: 5, column: 41, endColumn: 44 },
      ],
      output: '{\n  "cniVersion": "1.0.0",\n  "name": "n",\n  "plugins": [{"type": "loopback", "x": yes}]\n}\n',
    },
    {
      name: 'a missing comma, repaired',
      fileName: '10-net.conflist',
      code: '{"cniVersion": "1.0.0" "name": "n", "plugins": [{"type": "loopback"}]}',
      errors: [
        { messageId: 'lenient', line: 1, column: 24, endColumn: 25, data: { detail: 'A comma is missing before this key.' } },
      ],
      output: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'a byte-order mark',
      fileName: '10-net.conflist',
      code: '\uFEFF{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
      errors: [{ messageId: 'lenient', line: 1, column: 1, endColumn: 2 }],
      output: '{"cniVersion": "1.0.0", "name": "n", "plugins": [{"type": "loopback"}]}',
    },
    {
      name: 'two objects in one file: stops at the second',
      fileName: '10-net.conflist',
      code: '{"cniVersion": "1.0.0", "name": "a", "plugins": [{"type": "loopback"}]}\n{"cniVersion": "1.0.0"}\n',
      errors: [{ messageId: 'fatal', line: 2, column: 1, endColumn: 2 }],
    },
    {
      name: 'embedded in a NetworkAttachmentDefinition: the comma is found inside the quoted string, and removed there',
      code: inNetworkAttachment('{\n  "cniVersion": "1.0.0",\n  "type": "macvlan",\n  "ipam": {"type": "dhcp"},\n}'),
      errors: [{ messageId: 'lenient', line: 9, column: 31, endColumn: 32 }],
      output: inNetworkAttachment('{\n  "cniVersion": "1.0.0",\n  "type": "macvlan",\n  "ipam": {"type": "dhcp"}\n}'),
    },
    {
      name: 'a JSON file shaped like a config is one, and read strictly',
      fileName: 'cni/10-net.json',
      code: '{"cniVersion": "1.0.0", "name": "a", "plugins": [{"type": "loopback"},]}',
      errors: [{ messageId: 'lenient', line: 1, column: 70 }],
      output: '{"cniVersion": "1.0.0", "name": "a", "plugins": [{"type": "loopback"}]}',
    },
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
