import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'liveness-same-as-readiness';
const fixtures = ruleFixtures(RULE);

const identical = (line: number, column: number, container: string, handler = 'httpGet') => ({
  messageId: 'identical',
  data: { container, handler },
  line,
  column,
});

/** Identical tcpSocket probes: information, about what liveness should test. */
const identicalTcp = (line: number, column: number, container: string) => ({
  messageId: 'identicalTcp',
  data: { container },
  line,
  column,
});

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a different timeout is a different probe',
      code: pod(
        '      readinessProbe:\n        tcpSocket: {port: 80}\n      livenessProbe:\n        tcpSocket: {port: 80}\n        timeoutSeconds: 3\n',
      ),
    },
    {
      name: 'a probe that is not a map is left to schema validation',
      code: pod('      readinessProbe: tcp\n      livenessProbe: tcp\n'),
    },
    {
      name: 'JSON with different probes',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "readinessProbe": {"httpGet": {"path": "/ready", "port": 80}}, "livenessProbe": {"httpGet": {"path": "/live", "port": 80}}}]}}',
    },
    {
      name: 'suppressed with a reason',
      code: pod(
        '      readinessProbe:\n        tcpSocket: {port: 80}\n      # kubewise-disable-next-line liveness-same-as-readiness -- the port only opens when the process is healthy\n      livenessProbe:\n        tcpSocket: {port: 80}\n',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [{ ...identical(26, 11, 'web'), endLine: 26, endColumn: 24 }],
      // The right liveness check depends on the application: no fix.
      output: null,
    }),
    fixtures.invalid('fire-defaults-and-key-order.yaml', {
      errors: [identicalTcp(28, 11, 'db'), identical(52, 11, 'agent'), identical(75, 11, 'worker', 'exec')],
      output: null,
    }),
    fixtures.invalid('fire-alias-and-merge.yaml', {
      errors: [identical(26, 11, 'api'), identicalTcp(32, 11, 'admin')],
      output: null,
    }),
    fixtures.invalid('fire-sidecar-pod-and-cronjob.yaml', {
      errors: [identical(14, 7, 'proxy'), identical(22, 7, 'app', 'grpc'), identical(53, 15, 'report', 'exec')],
      output: null,
    }),
    {
      name: 'JSON, keys in another order',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "readinessProbe": {"httpGet": {"path": "/", "port": 80}, "periodSeconds": 5},\n "livenessProbe": {"periodSeconds": 5, "httpGet": {"port": 80, "path": "/"}}}]}}',
      errors: [identical(3, 2, 'app')],
      output: null,
    },
  ],
});

test('identical tcpSocket probes are information, identical httpGet probes a warning', () => {
  const severities = (handler: string) =>
    checkText(pod(`      readinessProbe:\n        ${handler}\n      livenessProbe:\n        ${handler}\n`), {
      languageId: 'yaml',
    })
      .filter((f) => f.ruleId === RULE)
      .map((f) => f.severity);
  assert.deepEqual(severities('tcpSocket: {port: 80}'), ['information']);
  assert.deepEqual(severities('httpGet: {path: /, port: 80}'), ['warning']);
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
