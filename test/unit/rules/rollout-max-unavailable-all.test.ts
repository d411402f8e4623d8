import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'rollout-max-unavailable-all';
const fixtures = ruleFixtures(RULE);

const all = (line: number, column: number, value: string, pods: string) => ({
  messageId: 'allUnavailable',
  data: { value, pods },
  line,
  column,
});
const bothZero = (line: number, column: number, kind: string) => ({ messageId: 'bothZero', data: { kind }, line, column });

const deployment = (spec: string, name = 'fire') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ${name}\nspec:\n${spec}  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'zero replicas have nothing to take down',
      code: deployment('  replicas: 0\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n', 'dont-fire'),
    },
    {
      name: 'a Deployment of another API group is not ours',
      code: deployment('  replicas: 2\n  strategy:\n    rollingUpdate:\n      maxUnavailable: 100%\n').replace(
        'apps/v1',
        'example.com/v1',
      ),
    },
    {
      name: 'a StatefulSet has no maxSurge: maxUnavailable 0 is a different error',
      code: 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: dont-fire\nspec:\n  replicas: 2\n  updateStrategy:\n    rollingUpdate:\n      maxUnavailable: 0\n',
    },
    {
      name: 'suppressed with a reason',
      code: deployment(
        `  replicas: 2\n  strategy:\n    rollingUpdate:\n      # kubewise-disable-next-line ${RULE} -- a dev environment, downtime is fine\n      maxUnavailable: 100%\n`,
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', { errors: [all(12, 7, '100%', 'all 4 pods')] }),
    fixtures.invalid('fire-count-and-defaults.yaml', {
      errors: [all(11, 7, '3', 'all 3 pods'), all(31, 7, '100%', 'every pod')],
    }),
    fixtures.invalid('fire-statefulset-and-daemonset.yaml', {
      errors: [all(13, 7, '5', 'all 3 pods'), all(33, 7, '100%', 'every pod')],
    }),
    fixtures.invalid('fire-both-zero.yaml', { errors: [bothZero(12, 7, 'Deployment'), bothZero(34, 7, 'DaemonSet')] }),
    fixtures.invalid('fire-flow-style.yaml', { errors: [all(8, 64, '2', 'all 2 pods')] }),
    {
      name: 'JSON: the percentage is written as a JSON string',
      languageId: 'json',
      code: '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fire"}, "spec": {"replicas": 2, "strategy": {"rollingUpdate": {"maxUnavailable": "100%"}}}}',
      errors: [all(1, 134, '100%', 'all 2 pods')],
      output:
        '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fire"}, "spec": {"replicas": 2, "strategy": {"rollingUpdate": {"maxUnavailable": "25%"}}}}',
    },
    {
      name: 'a DaemonSet with a surge: 1 would still be rejected, so no fix',
      code: 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: fire\nspec:\n  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 100%\n',
      errors: [all(9, 7, '100%', 'every pod')],
      output: null,
    },
    {
      name: 'a value merged from an anchor is reported, not edited',
      code: deployment('  replicas: 2\n  strategy:\n    rollingUpdate:\n      <<: &fast\n        maxUnavailable: 100%\n'),
      errors: [all(10, 9, '100%', 'all 2 pods')],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
