import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'externalname-ip-address';
const fixtures = ruleFixtures(RULE);
const service = (externalName: string, ports = '  ports:\n    - port: 443\n') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n  externalName: ${externalName}\n${ports}`;

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'a number-like host name is a name', code: service('1.2.3.4.nip.io') }],
  invalid: [
    fixtures.invalid('fire-ip.yaml', { errors: [{ messageId: 'ipAddress', line: 8, column: 3 }] }),
    {
      name: 'IPv6: the slice has addressType IPv6, the address quoted',
      code: service('"2001:db8::5"'),
      errors: [{ messageId: 'ipAddress', data: { value: '2001:db8::5' }, line: 7, column: 3 }],
      output:
        'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports:\n    - port: 443\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db\n  labels:\n    kubernetes.io/service-name: db\naddressType: IPv6\nports:\n  - port: 443\nendpoints:\n  - addresses: ["2001:db8::5"]\n',
    },
    {
      name: 'no ports: what the slice must list is unknown, so no fix',
      code: service('10.0.0.1', ''),
      errors: [{ messageId: 'ipAddress', line: 7, column: 3 }],
      output: null,
    },
    {
      name: 'a remapped port: no fix',
      code: service('10.0.0.1', '  ports:\n    - port: 443\n      targetPort: 8443\n'),
      errors: [{ messageId: 'ipAddress', line: 7, column: 3 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
