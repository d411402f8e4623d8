import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'monitor-selects-nothing';
const fixtures = ruleFixtures(RULE);
const SERVICE =
  'apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  namespace: shop\n  labels: {app: api}\nspec:\n  ports: [{name: metrics, port: 9090}]\n';
const monitor = (labels: string, extra = '') =>
  `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: api, namespace: shop}\nspec:\n${extra}  selector: {matchLabels: ${labels}}\n  endpoints: [{port: metrics}]\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: monitor('{app: apis}') },
    { name: 'its Service in another file', code: monitor('{app: api}'), otherFiles: [{ code: SERVICE }] },
    {
      // Operators make Services as well as pods, labelled after the object they serve.
      name: 'the Services of a custom object, made by its operator',
      code: monitor('{app.kubernetes.io/name: prometheus}'),
      otherFiles: [
        { code: SERVICE },
        {
          code: 'apiVersion: monitoring.coreos.com/v1\nkind: Prometheus\nmetadata: {name: k8s, namespace: shop}\nspec: {replicas: 2}\n',
        },
      ],
    },
    {
      name: 'any namespace is not judged',
      code: monitor('{app: apis}', '  namespaceSelector: {any: true}\n'),
      otherFiles: [{ code: SERVICE }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-monitor.yaml', {
      errors: [{ messageId: 'services', data: { where: 'shop', count: 1 }, line: 17, column: 3 }],
    }),
    {
      name: 'labels on the pods, not on the Service (a PodMonitor would see them)',
      code: monitor('{app: apis}'),
      otherFiles: [{ code: SERVICE }],
      errors: [{ messageId: 'services', line: 5, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
