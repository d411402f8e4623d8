import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'probe-success-threshold';
const fixtures = ruleFixtures(RULE);

const mustBeOne = (line: number, column: number, data: { probe: string; container: string; value: number }) => ({
  messageId: 'mustBeOne',
  data,
  line,
  column,
});

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'readiness may wait for several successes, even when merged from defaults',
      code: pod('      readinessProbe:\n        <<: {successThreshold: 4}\n        tcpSocket: {port: 80}\n'),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [{ ...mustBeOne(31, 13, { probe: 'livenessProbe', container: 'web', value: 3 }), endLine: 31, endColumn: 32 }],
    }),
    fixtures.invalid('fire-startup-and-sidecar.yaml', {
      errors: [
        mustBeOne(15, 9, { probe: 'startupProbe', container: 'proxy', value: 2 }),
        mustBeOne(22, 9, { probe: 'startupProbe', container: 'app', value: 5 }),
        mustBeOne(23, 62, { probe: 'livenessProbe', container: 'app', value: 2 }),
      ],
    }),
    fixtures.invalid('fire-shared-value.yaml', {
      errors: [
        // Merged from the readiness probe's anchor: reported on the probe that gets it.
        mustBeOne(24, 11, { probe: 'livenessProbe', container: 'db', value: 2 }),
        mustBeOne(37, 13, { probe: 'livenessProbe', container: 'exporter', value: 2 }),
        // An anchored probe, and the probe that reuses it through an alias.
        mustBeOne(56, 17, { probe: 'livenessProbe', container: 'report', value: 2 }),
        mustBeOne(57, 15, { probe: 'startupProbe', container: 'report', value: 2 }),
      ],
      output: null,
    }),
    {
      name: 'JSON: the fix replaces the number',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "livenessProbe": {"tcpSocket": {"port": 80}, "successThreshold": 2}}]}}',
      errors: [mustBeOne(2, 47, { probe: 'livenessProbe', container: 'app', value: 2 })],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "livenessProbe": {"tcpSocket": {"port": 80}, "successThreshold": 1}}]}}',
    },
    {
      name: 'CRLF line endings are kept',
      code: pod('      livenessProbe:\n        tcpSocket: {port: 80}\n        successThreshold: 10\n').replace(/\n/g, '\r\n'),
      errors: [mustBeOne(11, 9, { probe: 'livenessProbe', container: 'app', value: 10 })],
      output: pod('      livenessProbe:\n        tcpSocket: {port: 80}\n        successThreshold: 1\n').replace(/\n/g, '\r\n'),
    },
    {
      name: 'a negative value',
      code: pod('      startupProbe:\n        tcpSocket: {port: 80}\n        successThreshold: -1\n'),
      errors: [mustBeOne(11, 9, { probe: 'startupProbe', container: 'app', value: -1 })],
      output: pod('      startupProbe:\n        tcpSocket: {port: 80}\n        successThreshold: 1\n'),
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
