import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'endpoints-deprecated';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-endpoints.yaml', {
      errors: [{ messageId: 'deprecated', data: { name: 'fire-db' }, line: 2, column: 1 }],
    }),
    {
      name: 'two address families become two slices',
      code: 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n  - addresses: [{ip: 10.0.0.7}, {ip: "2001:db8::7"}]\n    ports: [{port: 5432}]\n',
      errors: [{ messageId: 'deprecated', line: 1, column: 1 }],
      output:
        'apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-1\n  labels:\n    kubernetes.io/service-name: db\naddressType: IPv4\nports:\n  - port: 5432\nendpoints:\n  - addresses: ["10.0.0.7"]\n---\napiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: db-2\n  labels:\n    kubernetes.io/service-name: db\naddressType: IPv6\nports:\n  - port: 5432\nendpoints:\n  - addresses: ["2001:db8::7"]\n',
    },
    {
      name: 'a host name where an IP belongs: no fix',
      code: 'apiVersion: v1\nkind: Endpoints\nmetadata:\n  name: db\nsubsets:\n  - addresses: [{ip: db.example.com}]\n',
      errors: [{ messageId: 'deprecated', line: 1, column: 1 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
