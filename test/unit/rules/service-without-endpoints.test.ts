import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'service-without-endpoints';
const fixtures = ruleFixtures(RULE);
const SERVICE = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  ports: [{port: 5432}]\n';
const slice = (service: string) =>
  `apiVersion: discovery.k8s.io/v1\nkind: EndpointSlice\nmetadata:\n  name: ${service}-1\n  labels:\n    kubernetes.io/service-name: ${service}\naddressType: IPv4\nendpoints: [{addresses: ["10.0.0.7"]}]\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no endpoints anywhere in the workspace: quiet', code: SERVICE },
    { name: 'its slice in another file', code: SERVICE, otherFiles: [{ code: slice('db') }] },
    {
      name: 'a kustomization with commonLabels gives it a selector',
      code: SERVICE,
      otherFiles: [
        { code: slice('other') },
        { code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {app: db}\n' },
      ],
    },
  ],
  invalid: [
    fixtures.invalid('fire-no-endpoints.yaml', {
      errors: [{ messageId: 'missing', data: { name: 'fire-mysql' }, line: 4, column: 3 }],
    }),
    {
      name: 'slices exist, but for another Service',
      code: SERVICE,
      otherFiles: [{ code: slice('other') }],
      errors: [{ messageId: 'missing', line: 4, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
