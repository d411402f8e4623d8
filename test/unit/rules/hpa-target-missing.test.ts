import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'hpa-target-missing';
const fixtures = ruleFixtures(RULE);
const WORKLOAD =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]\n';
const hpa = (name: string) =>
  `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: api, namespace: shop}\nspec:\n  scaleTargetRef:\n    kind: Deployment\n    name: ${name}\n  maxReplicas: 4\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: hpa('apis') },
    { name: 'its Deployment in another file', code: hpa('api'), otherFiles: [{ code: WORKLOAD }] },
  ],
  invalid: [
    fixtures.invalid('fire-target.yaml', {
      errors: [
        {
          messageId: 'missing',
          data: { kind: 'Deployment', name: 'dont-fire-apu', namespace: "namespace 'shop'" },
          line: 30,
          column: 5,
        },
      ],
    }),
    {
      name: 'another file holds another Deployment',
      code: hpa('apis'),
      otherFiles: [{ code: WORKLOAD }],
      errors: [{ messageId: 'missing', line: 7, column: 5 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
