import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'probe-port-undeclared';
const fixtures = ruleFixtures(RULE);

const undeclared = (
  line: number,
  column: number,
  data: { probe: string; container: string; port: string; declared: string },
) => ({
  messageId: 'undeclared',
  data,
  line,
  column,
});

const pod = appPod;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'ports declared through a merge key and an alias',
      code: pod(
        '      ports:\n        - &web {name: web, containerPort: 8080}\n      readinessProbe:\n        httpGet: {path: /, port: web}\n',
      ),
    },
    {
      name: "a plain init container's probes are left to schema validation",
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dont-fire\nspec:\n  initContainers:\n    - name: migrate\n      image: migrate:1\n      readinessProbe:\n        tcpSocket: {port: db}\n  containers:\n    - name: app\n      image: app:1\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          ...undeclared(28, 21, { probe: 'livenessProbe', container: 'web', port: 'htpp', declared: "it declares 'http'" }),
          endLine: 28,
          endColumn: 25,
        },
      ],
    }),
    fixtures.invalid('fire-case-and-unnamed-port.yaml', {
      errors: [
        undeclared(27, 21, {
          probe: 'readinessProbe',
          container: 'db',
          port: 'Postgres',
          declared: "it declares 'postgres', 'metrics'",
        }),
        undeclared(50, 21, {
          probe: 'livenessProbe',
          container: 'agent',
          port: 'metrics',
          declared: 'it declares no named port',
        }),
      ],
    }),
    fixtures.invalid('fire-sidecar-and-flow-style.yaml', {
      errors: [
        undeclared(17, 17, { probe: 'startupProbe', container: 'proxy', port: 'admin', declared: "it declares 'envoy-admin'" }),
        undeclared(22, 54, { probe: 'readinessProbe', container: 'app', port: 'http', declared: "it declares 'web'" }),
      ],
    }),
    fixtures.invalid('fire-no-fix.yaml', {
      errors: [
        undeclared(27, 21, { probe: 'livenessProbe', container: 'api', port: 'admin', declared: "it declares 'http', 'grpc'" }),
        undeclared(33, 21, { probe: 'readinessProbe', container: 'worker', port: 'http', declared: 'it declares no named port' }),
        undeclared(54, 25, { probe: 'startupProbe', container: 'report', port: 'metric', declared: "it declares 'metrics'" }),
        // The same probe through an alias: reported on the key that reuses it.
        undeclared(55, 15, { probe: 'livenessProbe', container: 'report', port: 'metric', declared: "it declares 'metrics'" }),
      ],
      output: null,
    }),
    fixtures.invalid('fire-number-and-udp.yaml', {
      errors: [
        {
          messageId: 'undeclaredNumber',
          data: { probe: 'readinessProbe', container: 'api', port: 8081, declared: "8080 ('http')" },
          line: 23,
          column: 21,
        },
        {
          messageId: 'udp',
          data: { probe: 'livenessProbe', container: 'dns', port: 53, handler: 'tcpSocket' },
          line: 34,
          column: 21,
        },
        {
          messageId: 'udp',
          data: { probe: 'readinessProbe', container: 'dns', port: 53, handler: 'grpc' },
          line: 37,
          column: 21,
        },
        {
          messageId: 'udp',
          data: { probe: 'startupProbe', container: 'dns', port: 'dns', handler: 'tcpSocket' },
          line: 40,
          column: 21,
        },
      ],
    }),
    {
      name: 'a UDP-only container offers no port to switch to',
      code: pod(
        '      ports:\n        - containerPort: 514\n          protocol: UDP\n      livenessProbe:\n        tcpSocket: {port: 514}\n',
      ),
      errors: [{ messageId: 'udp', line: 13, column: 27 }],
      output: null,
    },
    {
      name: 'JSON: the fix keeps the quotes',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "ports": [{"name": "http", "containerPort": 80}], "livenessProbe": {"tcpSocket": {"port": "HTTP"}}}]}}',
      errors: [undeclared(2, 92, { probe: 'livenessProbe', container: 'app', port: 'HTTP', declared: "it declares 'http'" })],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1",\n "ports": [{"name": "http", "containerPort": 80}], "livenessProbe": {"tcpSocket": {"port": "http"}}}]}}',
    },
    {
      name: 'a port merged in from shared defaults is reported on the probe, without a fix',
      code: pod(
        '      ports:\n        - name: http\n          containerPort: 8080\n      readinessProbe:\n        httpGet:\n          <<: {port: web}\n          path: /ready\n',
      ),
      errors: [undeclared(12, 7, { probe: 'readinessProbe', container: 'app', port: 'web', declared: "it declares 'http'" })],
      output: null,
    },
    {
      name: 'a declared name that YAML would read as another type is written quoted',
      code: pod(
        '      ports:\n        - name: "true"\n          containerPort: 8080\n      readinessProbe:\n        tcpSocket:\n          port: web\n',
      ),
      errors: [undeclared(14, 17, { probe: 'readinessProbe', container: 'app', port: 'web', declared: "it declares 'true'" })],
      output: pod(
        '      ports:\n        - name: "true"\n          containerPort: 8080\n      readinessProbe:\n        tcpSocket:\n          port: "true"\n',
      ),
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('an undeclared number is a warning, a UDP port an error', () => {
  const severities = checkText(fixtures.invalid('fire-number-and-udp.yaml', { errors: [] }).code, { languageId: 'yaml' })
    .filter((f) => f.ruleId === RULE)
    .map((f) => f.severity);
  assert.deepEqual(severities, ['warning', 'error', 'error', 'error']);
});

test('fix-all (on save) applies the same name in another case, never a guess at the only port', () => {
  const fixOf = (declared: string, used: string) =>
    checkText(
      pod(
        `      ports:\n        - name: ${declared}\n          containerPort: 8080\n      readinessProbe:\n        tcpSocket:\n          port: ${used}\n`,
      ),
      {
        languageId: 'yaml',
      },
    ).find((f) => f.ruleId === RULE)?.fixes[0];
  assert.equal(fixOf('http', 'HTTP')?.fixAll, undefined);
  assert.equal(fixOf('http', 'metrics')?.fixAll, false);
});
