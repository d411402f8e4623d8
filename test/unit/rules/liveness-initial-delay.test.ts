import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'yaml';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { LONG_INITIAL_DELAY_SECONDS } from '../../../server/src/service/rules/probes/liveness-initial-delay';
import { applyEdits } from '../../support/applyEdits';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'liveness-initial-delay';
const fixtures = ruleFixtures(RULE);

const longDelay = (line: number, column: number, container: string, delay: number) => ({
  messageId: 'longDelay',
  data: { container, delay },
  line,
  column,
});

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'just below the threshold',
      code: pod(
        `      livenessProbe:\n        tcpSocket: {port: 80}\n        initialDelaySeconds: ${LONG_INITIAL_DELAY_SECONDS - 1}\n`,
      ),
    },
    {
      name: 'JSON with a startupProbe',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "startupProbe": {"tcpSocket": {"port": 80}, "failureThreshold": 30}, "livenessProbe": {"tcpSocket": {"port": 80}, "initialDelaySeconds": 60}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [{ ...longDelay(30, 13, 'web', 60), endLine: 30, endColumn: 36 }],
    }),
    fixtures.invalid('fire-workload-kinds.yaml', {
      errors: [longDelay(21, 13, 'db', 120), longDelay(51, 13, 'agent', 45), longDelay(73, 17, 'report', 30)],
    }),
    fixtures.invalid('fire-sidecar-and-pod.yaml', {
      errors: [longDelay(16, 9, 'proxy', 40)],
    }),
    fixtures.invalid('fire-no-fix.yaml', {
      errors: [
        longDelay(20, 52, 'flow', 60),
        longDelay(29, 13, 'merged', 60),
        longDelay(38, 13, 'two-handlers', 60),
        longDelay(48, 13, 'script', 60),
        longDelay(55, 13, 'empty-startup', 60),
      ],
      output: null,
    }),
    {
      name: 'JSON gets no fix',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "livenessProbe": {"tcpSocket": {"port": 80}, "initialDelaySeconds": 60}}]}}',
      errors: [longDelay(2, 47, 'app', 60)],
      output: null,
    },
    {
      name: 'CRLF line endings and the indentation are kept',
      code: pod('      livenessProbe:\n        initialDelaySeconds: 60\n        tcpSocket: {port: 80}\n').replace(/\n/g, '\r\n'),
      errors: [longDelay(10, 9, 'app', 60)],
      output: pod(
        '      livenessProbe:\n        tcpSocket: {port: 80}\n      startupProbe:\n        tcpSocket: {port: 80}\n        periodSeconds: 10\n        failureThreshold: 9\n',
      ).replace(/\n/g, '\r\n'),
    },
    {
      name: 'a liveness probe reused through an alias is reported on its key, without a fix',
      code: pod(
        '      readinessProbe: &check\n        tcpSocket: {port: 80}\n        initialDelaySeconds: 60\n      livenessProbe: *check\n',
      ),
      errors: [longDelay(12, 7, 'app', 60)],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('the conversion is offered, never applied on save (fix-all)', () => {
  const code = pod('      livenessProbe:\n        tcpSocket: {port: 80}\n        initialDelaySeconds: 60\n');
  const fix = checkText(code, { languageId: 'yaml' }).find((f) => f.ruleId === RULE)?.fixes[0];
  assert.equal(fix?.fixAll, false);
});

test('the startup budget covers the old one, and no more than needed', () => {
  // Old: killed when not answering by D + (F - 1) × P. New: by (N - 1) × P.
  for (const delay of [30, 31, 45, 59, 60, 61, 90, 120, 300, 601]) {
    for (const period of [1, 3, 5, 10, 15, 20, 60]) {
      for (const failures of [1, 3, 5]) {
        const code = pod(
          `      livenessProbe:\n        tcpSocket:\n          port: 80\n        initialDelaySeconds: ${delay}\n        periodSeconds: ${period}\n        failureThreshold: ${failures}\n`,
        );
        const finding = checkText(code, { languageId: 'yaml' }).find((f) => f.ruleId === RULE);
        const fix = finding?.fixes[0];
        assert.ok(fix, `a fix for D=${delay} P=${period} F=${failures}`);
        const fixed = parse(applyEdits(code, fix.edits)) as {
          spec: { containers: { startupProbe: { periodSeconds: number; failureThreshold: number } }[] };
        };
        const startup = fixed.spec.containers[0]?.startupProbe;
        assert.ok(startup);
        const before = delay + (failures - 1) * period;
        const after = (startup.failureThreshold - 1) * startup.periodSeconds;
        assert.ok(after >= before, `D=${delay} P=${period} F=${failures}: ${after} s < ${before} s`);
        assert.ok(after - startup.periodSeconds < before, `D=${delay} P=${period} F=${failures}: one failure fewer would do`);
      }
    }
  }
});
