import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'probe-timeout-exceeds-period';
const fixtures = ruleFixtures(RULE);

const finding = (
  line: number,
  column: number,
  data: { probe: string; container: string; timeout: string | number; period: string | number },
) => ({
  messageId: 'timeoutNotBelowPeriod',
  data,
  line,
  column,
});

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a null timeout is the default',
      code: pod('      livenessProbe:\n        tcpSocket: {port: 80}\n        timeoutSeconds:\n        periodSeconds: 2\n'),
    },
    {
      name: 'a timeout equal to the period (the next probe starts when the last one times out)',
      code: pod('      livenessProbe:\n        tcpSocket: {port: 80}\n        timeoutSeconds: 10\n'),
    },
    {
      name: 'JSON with a timeout below the period',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "livenessProbe": {"tcpSocket": {"port": 80}, "timeoutSeconds": 4, "periodSeconds": 5}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          ...finding(32, 13, { probe: 'livenessProbe', container: 'web', timeout: '12 s', period: '10 s' }),
          endLine: 32,
          endColumn: 31,
        },
      ],
      // Lowering the timeout or raising the period depends on the endpoint's real latency.
      output: null,
    }),
    fixtures.invalid('fire-defaults.yaml', {
      errors: [finding(22, 13, { probe: 'readinessProbe', container: 'db', timeout: '15 s', period: '10 s (the default)' })],
      output: null,
    }),
    fixtures.invalid('fire-sidecar-and-job.yaml', {
      errors: [
        finding(19, 13, { probe: 'startupProbe', container: 'proxy', timeout: '5 s', period: '3 s' }),
        finding(30, 13, { probe: 'livenessProbe', container: 'uploader', timeout: '45 s', period: '30 s' }),
      ],
      output: null,
    }),
    fixtures.invalid('fire-flow-and-merge.yaml', {
      errors: [
        finding(18, 83, { probe: 'readinessProbe', container: 'api', timeout: '6 s', period: '5 s' }),
        // The timeout comes from a merged map: reported on the probe's key.
        finding(19, 11, { probe: 'livenessProbe', container: 'api', timeout: '30 s', period: '20 s' }),
      ],
      output: null,
    }),
    {
      name: 'a probe reused through an alias is reported on its own key',
      code: pod(
        '      readinessProbe: &probe\n        tcpSocket: {port: 80}\n        timeoutSeconds: 11\n      livenessProbe: *probe\n',
      ),
      errors: [
        finding(11, 9, { probe: 'readinessProbe', container: 'app', timeout: '11 s', period: '10 s (the default)' }),
        finding(12, 7, { probe: 'livenessProbe', container: 'app', timeout: '11 s', period: '10 s (the default)' }),
      ],
      output: null,
    },
    {
      name: 'JSON',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "startupProbe": {"tcpSocket": {"port": 80}, "timeoutSeconds": 11}}]}}',
      errors: [finding(2, 46, { probe: 'startupProbe', container: 'app', timeout: '11 s', period: '10 s (the default)' })],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
