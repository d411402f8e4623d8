import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'replicas-without-readiness';
const fixtures = ruleFixtures(RULE);

const noReadiness = (line: number, column: number, replicas: number) => ({
  messageId: 'noReadiness',
  data: { replicas },
  line,
  column,
});

const deployment = (replicas: string, container: string, metadata = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\n${metadata}spec:\n${replicas}  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n${container}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a readinessProbe merged in from an anchor counts',
      code: `probes: &probes\n  readinessProbe:\n    tcpSocket:\n      port: 80\n${deployment('  replicas: 3\n', '          <<: *probes\n')}`,
    },
    {
      name: "kube-linter's ignore annotation for no-readiness-probe",
      code: deployment(
        '  replicas: 3\n',
        '',
        '  annotations:\n    ignore-check.kube-linter.io/no-readiness-probe: "a queue consumer, no traffic"\n',
      ).replace('name: fire', 'name: dont-fire'),
    },
    {
      name: 'suppressed with a reason',
      code: deployment(`  # kubewise-disable-next-line ${RULE} -- a queue consumer, no traffic\n  replicas: 3\n`, ''),
    },
    {
      name: 'a liveness probe is not a readiness gate, but missing-readiness-probe already says so',
      code: deployment(
        '  replicas: 2\n',
        '          ports: [{containerPort: 80}]\n          livenessProbe:\n            tcpSocket:\n              port: 80\n',
      ).replace('name: fire', 'name: dont-fire'),
    },
    {
      name: 'no port and no Service: the pods get no traffic to gate',
      code: deployment('  replicas: 3\n', '').replace('name: fire', 'name: dont-fire'),
    },
    {
      name: 'a pod template without containers says nothing about readiness',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: dont-fire\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers: []\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-sidecar-serves.yaml', { errors: [noReadiness(9, 3, 3)], output: null }),
    {
      name: 'JSON: a sidecar with ports and no probe anywhere',
      languageId: 'json',
      code: '{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "fire"}, "spec": {"replicas": 4, "template": {"spec": {"initContainers": [{"name": "proxy", "image": "proxy:1", "restartPolicy": "Always", "ports": [{"containerPort": 80}]}], "containers": [{"name": "web", "image": "nginx:1.27"}]}}}}',
      errors: [noReadiness(1, 88, 4)],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
