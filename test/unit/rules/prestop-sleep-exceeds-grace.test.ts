import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scriptSleep } from '../../../server/src/service/kubernetes/preStopSleep';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'prestop-sleep-exceeds-grace';
const fixtures = ruleFixtures(RULE);

const exceeds = (line: number, column: number, container: string, sleep: number, grace: number) => ({
  messageId: 'exceeds',
  data: { container, sleep, grace },
  line,
  column,
});
const exceedsDefault = (line: number, column: number, container: string, sleep: number) => ({
  messageId: 'exceedsDefault',
  data: { container, sleep, grace: 30 },
  line,
  column,
});

const pod = (spec: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n${spec}`;
const sleeper = (seconds: number) =>
  `    - name: web\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          sleep:\n            seconds: ${seconds}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no preStop hook', code: pod('  containers:\n    - name: web\n      image: nginx:1.27\n') },
    { name: 'a sleep of zero', code: pod(`  terminationGracePeriodSeconds: 0\n  containers:\n${sleeper(0)}`) },
    {
      name: 'a null grace period is the default',
      code: pod(`  terminationGracePeriodSeconds:\n  containers:\n${sleeper(29)}`),
    },
    {
      name: 'an exec command with a non-string item is rejected by the API, not guessed at',
      code: pod(
        '  containers:\n    - name: web\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          exec:\n            command: [sleep, 45]\n',
      ),
    },
    {
      name: 'suppressed with a reason',
      code: pod(
        `  containers:\n    - name: web\n      image: nginx:1.27\n      lifecycle:\n        preStop:\n          sleep:\n            # kubewise-disable-next-line ${RULE} -- the app ignores SIGTERM on purpose\n            seconds: 30\n`,
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', { errors: [exceedsDefault(23, 44, 'web', 30)] }),
    fixtures.invalid('fire-statefulset-native-sleep.yaml', { errors: [exceeds(23, 17, 'db', 25, 20)] }),
    fixtures.invalid('fire-job-template.yaml', { errors: [exceeds(20, 38, 'sync', 60, 60)] }),
    fixtures.invalid('fire-multiple-containers.yaml', {
      errors: [exceedsDefault(17, 17, 'web', 35), exceedsDefault(27, 41, 'envoy', 30)],
    }),
    fixtures.invalid('fire-sidecar-init-container.yaml', { errors: [exceeds(23, 45, 'proxy', 10, 10)] }),
    fixtures.invalid('fire-flow-style.yaml', { errors: [exceedsDefault(10, 88, 'web', 45)], output: null }),
    {
      name: 'JSON: the grace period is replaced in place',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"terminationGracePeriodSeconds": 10, "containers": [{"name": "web", "image": "nginx:1.27", "lifecycle": {"preStop": {"exec": {"command": ["sleep", "12"]}}}}]}}',
      errors: [exceeds(1, 223, 'web', 12, 10)],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"terminationGracePeriodSeconds": 27, "containers": [{"name": "web", "image": "nginx:1.27", "lifecycle": {"preStop": {"exec": {"command": ["sleep", "12"]}}}}]}}',
    },
    {
      name: 'a grace period merged from an anchor is shared: reported, not edited',
      code: `defaults: &defaults\n  terminationGracePeriodSeconds: 10\n${pod(`  <<: *defaults\n  containers:\n${sleeper(10)}`)}`,
      errors: [exceeds(15, 13, 'web', 10, 10)],
      output: null,
    },
    {
      name: 'CRLF line endings: the inserted key keeps them',
      code: pod(`  containers:\n${sleeper(30)}`).replace(/\n/g, '\r\n'),
      errors: [exceedsDefault(12, 13, 'web', 30)],
      output: pod(`  containers:\n${sleeper(30)}  terminationGracePeriodSeconds: 45\n`).replace(/\n/g, '\r\n'),
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('scriptSleep counts only the sleeps that certainly run', () => {
  const cases: [string, number][] = [
    ['sleep 5', 5],
    ['sleep 5s && nginx -s quit', 5],
    ['sleep 5 && sleep 10', 15],
    ['sleep 5; sleep 10\nsleep 1', 16],
    ['sleep 5 || true', 5],
    ['true || sleep 5', 0],
    ['/bin/sleep 7 ; exit 0', 7],
    ['sleep 5 | cat', 0],
    ['sleep 30 &', 0],
    ['sleep "30"', 0],
    ['sleep 0.5', 0],
    ['sleep 1 2', 0],
    ['sleep $(cat /tmp/delay)', 0],
    ['exec sleep 30', 0],
    ['set -e; sleep 3; false; sleep 30', 3],
  ];
  for (const [script, seconds] of cases) assert.equal(scriptSleep(script), seconds, script);
});
