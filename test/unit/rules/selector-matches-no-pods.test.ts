import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'selector-matches-no-pods';
const fixtures = ruleFixtures(RULE);
const WORKLOAD =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]\n';
const budget = (labels: string) =>
  `apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: api, namespace: shop}\nspec:\n  maxUnavailable: 1\n  selector: {matchLabels: ${labels}}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: budget('{app: apis}') },
    { name: 'its Deployment in another file', code: budget('{app: api}'), otherFiles: [{ code: WORKLOAD }] },
    {
      name: 'the pods of a custom object, made by its operator',
      code: budget('{app.kubernetes.io/name: prometheus}'),
      otherFiles: [
        { code: WORKLOAD },
        {
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: shop}\nspec: {replicas: 2}\n',
        },
      ],
    },
    {
      name: 'the label comes from a kustomization',
      code: budget('{k8s-app: api}'),
      otherFiles: [
        { code: WORKLOAD },
        { code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {k8s-app: api}\n' },
      ],
    },
  ],
  invalid: [
    fixtures.invalid('fire-selectors.yaml', {
      errors: [
        { messageId: 'budget', data: { namespace: "namespace 'shop'", count: 1 }, line: 28, column: 3 },
        { messageId: 'policy', data: { namespace: "namespace 'shop'", count: 1 }, line: 37, column: 3 },
      ],
    }),
    {
      name: 'the Deployment in another file has other labels',
      code: budget('{app: apis}'),
      otherFiles: [{ code: WORKLOAD }],
      errors: [{ messageId: 'budget', line: 6, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
