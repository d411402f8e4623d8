import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'service-target-port-undeclared';
const fixtures = ruleFixtures(RULE);
const WORKLOAD =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]\n';
const service = (port: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {app: api}\n  ports:\n    - ${port}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'by name, across files', code: service('{port: 80, targetPort: http}'), otherFiles: [{ code: WORKLOAD }] },
    { name: 'by number, across files', code: service('{port: 80, targetPort: 8080}'), otherFiles: [{ code: WORKLOAD }] },
    { name: 'no selected workload: nothing to judge', code: service('{port: 80, targetPort: web}') },
    {
      name: 'pods that declare no ports are not judged by number',
      code: service('{port: 80, targetPort: 8080}'),
      otherFiles: [{ code: WORKLOAD.replace(', ports: [{name: http, containerPort: 8080}]', '') }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-target-ports.yaml', {
      errors: [
        { messageId: 'name', data: { port: 'htp', service: 'fire-api', declared: 'http/8080' }, line: 32, column: 7 },
        { messageId: 'number', data: { port: 9000, service: 'fire-api', declared: 'http/8080' }, line: 33, column: 7 },
      ],
    }),
    {
      name: 'a name the Deployment in another file does not declare',
      code: service('{port: 80, targetPort: web}'),
      otherFiles: [{ code: WORKLOAD }],
      errors: [{ messageId: 'name', line: 7, column: 18 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
