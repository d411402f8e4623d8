import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'quota-exceeded';
const fixtures = ruleFixtures(RULE);

const QUOTA = 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: fire\nspec:\n  hard:\n    cpu: "1"\n    pods: "2"\n';
const deployment = (name: string, replicas: number, cpu: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n  replicas: ${replicas}\n  template:\n    spec:\n      containers:\n        - name: app\n          image: nginx:1.27\n          resources:\n            requests: {cpu: ${cpu}}\n`;

/** A chart's template: its objects are not what gets applied, so they count for nothing. */
const HELM_DEPLOYMENT = deployment('web', 9, '{{ .Values.cpu }}').replace('replicas: 9', 'replicas: {{ .Values.replicas }}');
/** A template whose sizes are literal (9 pods of 2 CPU, far over QUOTA): only the markers keep it out. */
const HELM_DEPLOYMENT_LITERAL_SIZES = deployment('{{ .Release.Name }}', 9, '"2"');

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'exactly at the quota', code: `${QUOTA}---\n${deployment('web', 2, '500m')}` },
    {
      name: 'Helm templates in other files of the workspace do not count',
      code: QUOTA,
      otherFiles: [{ code: HELM_DEPLOYMENT }, { code: HELM_DEPLOYMENT_LITERAL_SIZES }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-namespace-sum.yaml', {
      errors: [
        {
          message:
            "Workloads in namespace 'shop' ask for 3.5 CPU (Deployment api 2 × 1 CPU, Deployment web 3 × 0.5 CPU), more than this quota's requests.cpu: 3: the pods past it are rejected at creation.",
          line: 9,
          column: 19,
        },
        {
          messageId: 'exceeded',
          data: {
            namespace: "namespace 'shop'",
            total: '3.5 GiB',
            breakdown: 'Deployment api 2 × 1 GiB, Deployment web 3 × 512 MiB',
            key: 'limits.memory',
            hard: '3Gi',
          },
          line: 11,
          column: 20,
        },
      ],
    }),
    {
      name: 'no namespace on either side: they meet wherever they are applied; bare cpu means requests.cpu; pods count',
      code: `${QUOTA}---\n${deployment('web', 3, '500m')}`,
      errors: [
        {
          messageId: 'exceeded',
          data: {
            namespace: 'the namespace these manifests are applied to',
            total: '1.5 CPU',
            breakdown: 'Deployment web 3 × 0.5 CPU',
            key: 'cpu',
            hard: '1',
          },
          line: 7,
          column: 10,
        },
        {
          messageId: 'exceeded',
          data: {
            namespace: 'the namespace these manifests are applied to',
            total: '3 pods',
            breakdown: 'Deployment web 3',
            key: 'pods',
            hard: '2',
          },
          line: 8,
          column: 11,
        },
      ],
    },
    {
      name: 'workloads in other files of the workspace count',
      code: QUOTA,
      otherFiles: [{ code: deployment('web', 2, '400m') }, { code: deployment('api', 1, '300m') }],
      errors: [
        {
          message: /ask for 1\.1 CPU \(Deployment web 2 × 0\.4 CPU, Deployment api 1 × 0\.3 CPU\)/,
          line: 7,
          column: 10,
        },
        {
          messageId: 'exceeded',
          data: {
            namespace: 'the namespace these manifests are applied to',
            total: '3 pods',
            breakdown: 'Deployment web 2, Deployment api 1',
            key: 'pods',
            hard: '2',
          },
          line: 8,
          column: 11,
        },
      ],
    },
    {
      name: 'Helm templates do not count, but the workloads beside them do (3 pods, 0.9 CPU: under the CPU quota)',
      code: QUOTA,
      otherFiles: [{ code: HELM_DEPLOYMENT }, { code: deployment('api', 3, '300m') }],
      errors: [
        {
          messageId: 'exceeded',
          data: {
            namespace: 'the namespace these manifests are applied to',
            total: '3 pods',
            breakdown: 'Deployment api 3',
            key: 'pods',
            hard: '2',
          },
          line: 8,
          column: 11,
        },
      ],
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
