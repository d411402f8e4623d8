import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'ingress-backend-missing';
const fixtures = ruleFixtures(RULE);
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{name: http, port: 80}]\n';
const ingress = (service: string, port: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  defaultBackend:\n    service:\n      name: ${service}\n      port: ${port}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no Service in the workspace', code: ingress('web', '{number: 80}') },
    { name: 'the Service in another file, by port name', code: ingress('web', '{name: http}'), otherFiles: [{ code: SERVICE }] },
  ],
  invalid: [
    fixtures.invalid('fire-backends.yaml', {
      errors: [
        {
          messageId: 'service',
          data: { what: 'The default backend', service: 'dont-fire-ap', namespace: "namespace 'shop'" },
          line: 42,
          column: 7,
        },
        {
          messageId: 'port',
          data: { service: 'dont-fire-api', port: "'https'", ports: 'http/80, grpc/9090' },
          line: 54,
          column: 19,
        },
      ],
    }),
    {
      name: 'a port the Service in another file does not expose',
      code: ingress('web', '{number: 8080}'),
      otherFiles: [{ code: SERVICE }],
      errors: [{ messageId: 'port', data: { service: 'web', port: '8080', ports: 'http/80' }, line: 8, column: 14 }],
    },
    {
      name: 'a Service the other files do not declare',
      code: ingress('api', '{number: 80}'),
      otherFiles: [{ code: SERVICE }],
      errors: [{ messageId: 'service', line: 7, column: 7 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
