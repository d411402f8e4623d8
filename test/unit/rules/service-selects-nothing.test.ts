import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'service-selects-nothing';
const fixtures = ruleFixtures(RULE);
const WORKLOAD =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: {matchLabels: {app: api}}\n  template:\n    metadata: {labels: {app: api}}\n    spec:\n      containers: [{name: api, image: "nginx:1.27", ports: [{name: http, containerPort: 8080}]}]\n';
const service = (selector: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: api, namespace: shop}\nspec:\n  selector: ${selector}\n  ports: [{port: 80}]\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone in the workspace: no workloads to judge by', code: service('{app: apis}') },
    { name: 'its Deployment in another file', code: service('{app: api}'), otherFiles: [{ code: WORKLOAD }] },
    {
      // The Prometheus Operator labels the pods of Prometheus `k8s` with `prometheus: k8s`.
      name: 'a selector value names a custom object: its operator makes the pods',
      code: service('{app.kubernetes.io/name: prometheus, prometheus: k8s}'),
      otherFiles: [
        { code: WORKLOAD },
        {
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: shop}\nspec: {replicas: 2}\n',
        },
      ],
    },
    { name: 'an empty selector is not judged', code: service('{}'), otherFiles: [{ code: WORKLOAD }] },
    {
      // A workload without a namespace may be applied anywhere; alone it does not make 'shop' judged.
      name: 'the only workloads name no namespace',
      code: service('{app: db}'),
      otherFiles: [{ code: WORKLOAD.replace(', namespace: shop', '') }],
    },
    {
      name: 'a namespace-less workload in a judged namespace may match',
      code: service('{app: db}'),
      otherFiles: [{ code: WORKLOAD }, { code: WORKLOAD.replace(', namespace: shop', '').replace(/app: api/g, 'app: db') }],
    },
    {
      name: 'a kustomization writes the label into the templates',
      code: service('{app: api, team: shop}'),
      otherFiles: [
        { code: WORKLOAD },
        { code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\ncommonLabels: {team: shop}\n' },
      ],
    },
    {
      name: 'a kustomization with remote resources: the pods may come from there',
      code: service('{app: web}'),
      otherFiles: [
        { code: WORKLOAD },
        {
          code: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [https://github.com/example/app/releases/download/v1/install.yaml]\n',
        },
      ],
    },
  ],
  invalid: [
    fixtures.invalid('fire-label-value.yaml', {
      errors: [
        {
          messageId: 'nothing',
          data: { selector: 'app=api,tier=frontend', name: 'fire-api', namespace: "namespace 'shop'", count: 1 },
          line: 27,
          column: 3,
        },
      ],
    }),
    {
      name: 'the workload in another file has other labels',
      code: service('{app: apis}'),
      otherFiles: [{ code: WORKLOAD }],
      errors: [{ messageId: 'nothing', line: 5, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
