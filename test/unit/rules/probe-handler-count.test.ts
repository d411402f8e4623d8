import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'probe-handler-count';
const fixtures = ruleFixtures(RULE);

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a plain init container is left to schema validation (the API rejects its probes anyway)',
      code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: dont-fire\nspec:\n  initContainers:\n    - name: migrate\n      image: registry.example.com/migrate:1.0.0\n      readinessProbe: {}\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n`,
    },
    {
      name: 'a probe that is not a map is left to schema validation',
      code: pod('      livenessProbe: [httpGet, exec]\n      readinessProbe: "tcp"\n'),
    },
    {
      name: 'JSON with one handler',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "livenessProbe": {"grpc": {"port": 9000}}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          messageId: 'severalHandlers',
          data: { probe: 'readinessProbe', container: 'web', count: 2, handlers: 'httpGet, tcpSocket' },
          line: 22,
          column: 11,
          endLine: 22,
          endColumn: 25,
        },
      ],
      // Which of the two the author meant is not knowable.
      output: null,
    }),
    fixtures.invalid('fire-no-handler.yaml', {
      errors: [
        { messageId: 'noHandler', data: { probe: 'readinessProbe', container: 'db' }, line: 21, column: 11 },
        { messageId: 'noHandler', data: { probe: 'livenessProbe', container: 'db' }, line: 24, column: 11 },
        { messageId: 'noHandler', data: { probe: 'startupProbe', container: 'agent' }, line: 44, column: 11 },
      ],
      output: null,
    }),
    fixtures.invalid('fire-sidecar-and-cronjob.yaml', {
      errors: [
        {
          messageId: 'severalHandlers',
          data: { probe: 'startupProbe', container: 'proxy', count: 2, handlers: 'exec, grpc' },
          line: 12,
          column: 7,
        },
        {
          messageId: 'severalHandlers',
          data: { probe: 'livenessProbe', container: 'worker', count: 3, handlers: 'exec, httpGet, tcpSocket' },
          line: 25,
          column: 7,
        },
        { messageId: 'noHandler', data: { probe: 'livenessProbe', container: 'report' }, line: 48, column: 15 },
      ],
      output: null,
    }),
    fixtures.invalid('fire-merge-key.yaml', {
      errors: [
        {
          messageId: 'severalHandlers',
          data: { probe: 'livenessProbe', container: 'api', count: 2, handlers: 'httpGet, tcpSocket' },
          line: 25,
          column: 11,
        },
      ],
      output: null,
    }),
    {
      name: 'a flow-style probe with two handlers',
      code: pod('      livenessProbe: {tcpSocket: {port: 80}, httpGet: {path: /, port: 80}}\n'),
      errors: [{ messageId: 'severalHandlers', line: 9, column: 7 }],
      output: null,
    },
    {
      name: 'JSON with no handler',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "readinessProbe": {"periodSeconds": 5}}]}}',
      errors: [{ messageId: 'noHandler', data: { probe: 'readinessProbe', container: 'app' }, line: 1, column: 125 }],
      output: null,
    },
    {
      name: 'an unnamed container is still reported',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - image: app:1\n      readinessProbe: {}\n',
      errors: [{ messageId: 'noHandler', data: { probe: 'readinessProbe', container: '(unnamed)' }, line: 8, column: 7 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
