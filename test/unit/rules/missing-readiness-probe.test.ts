// missing-readiness-probe: a rule across files since readiness gates only Service traffic.
// A container fires when it declares a port, or when a Service of the workspace selects
// its pod; the shared probe table (test/support/probeRuleCases.ts) now serves
// missing-liveness-probe alone, and its directive cases still cover both ids.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeDirectiveCases } from '../../support/probeRuleCases';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'missing-readiness-probe';
const fixtures = ruleFixtures(RULE);

const withPorts = (line: number, column: number, container?: string) =>
  container === undefined
    ? { messageId: 'missingWithPorts', line, column }
    : { messageId: 'missingWithPorts', data: { container }, line, column };
const selected = (line: number, column: number, container: string, service: string) => ({
  messageId: 'missingSelected',
  data: { container, service },
  line,
  column,
});

const deployment = (containers: string, labels = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\nspec:\n  template:\n    metadata:\n      labels: {app: web${labels}}\n    spec:\n      containers:\n${containers}`;
const service = (selector: string, namespace = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n${namespace}spec:\n  selector: ${selector}\n  ports: [{port: 80}]\n`;
const WORKER = '        - name: worker\n          image: registry.example.com/worker:1.0.0\n';
const PROBE_8080 = [
  '          readinessProbe:',
  '            httpGet:',
  '              path: /',
  '              port: 8080',
  '            initialDelaySeconds: 5',
  '            periodSeconds: 10',
  '            timeoutSeconds: 2',
  '            failureThreshold: 3',
];

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no port and no Service: readiness gates nothing', code: deployment(WORKER) },
    {
      name: 'a Service in another file that selects other pods',
      code: deployment(WORKER),
      otherFiles: [{ code: service('{app: api}') }],
    },
    {
      name: 'a Service selecting the pod in another namespace',
      code: deployment(WORKER).replace('  name: fire\n', '  name: fire\n  namespace: shop\n'),
      otherFiles: [{ code: service('{app: web}', '  namespace: other\n') }],
    },
    { name: 'an empty selector selects nothing', code: deployment(WORKER), otherFiles: [{ code: service('{}') }] },
    {
      name: 'a Job runs to completion',
      code: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: dont-fire\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n        - name: migrate\n          image: registry.example.com/migrate:1.0.0\n          ports: [{containerPort: 8080}]\n',
    },
    {
      name: 'a Helm template is not checked',
      code: deployment('        - name: web\n          image: {{ .Values.image }}\n          ports: [{containerPort: 80}]\n'),
    },
    {
      name: 'suppressed by kubewise-disable-next-line with a reason',
      code: deployment(
        '        # kubewise-disable-next-line missing-readiness-probe -- the mesh sidecar answers readiness\n        - name: web\n          ports: [{containerPort: 80}]\n',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', { errors: [withPorts(16, 11, 'web')] }),
    fixtures.invalid('fire-workload-kinds.yaml', {
      errors: [
        withPorts(17, 11, 'db'),
        withPorts(36, 11, 'agent'),
        withPorts(56, 11, 'web'),
        withPorts(74, 11, 'legacy'),
        withPorts(85, 7, 'ui'),
      ],
    }),
    fixtures.invalid('fire-rollout.yaml', { errors: [withPorts(22, 11, 'checkout')], fixTitle: 'Add readinessProbe' }),
    fixtures.invalid('fire-multiple-containers.yaml', { errors: [withPorts(28, 11, 'cache')] }),
    fixtures.invalid('fire-multi-document.yaml', { errors: [selected(35, 11, 'api', 'dont-fire')] }),
    fixtures.invalid('fire-https-port.yaml', { errors: [withPorts(15, 11, 'gateway')] }),
    fixtures.invalid('fire-flow-style.yaml', { errors: [withPorts(12, 12, 'web'), withPorts(24, 21, 'web')], output: null }),
    fixtures.invalid('fire-kube-linter-other-check.yaml', { errors: [withPorts(18, 11, 'consumer')] }),
    fixtures.invalid('fire-selected-by-service.yaml', {
      errors: [selected(20, 11, 'api', 'dont-fire-legacy-api')],
      output: null,
    }),
    {
      name: 'no port, but a Service in another file selects the pod',
      code: deployment(WORKER, ', tier: backend'),
      otherFiles: [{ code: service('{app: web}') }],
      errors: [selected(11, 11, 'worker', 'web')],
      output: null,
    },
    {
      name: 'a startupProbe does not replace the readinessProbe',
      code: deployment(
        '        - name: web\n          ports: [{containerPort: 8080}]\n          startupProbe:\n            tcpSocket:\n              port: 8080\n',
      ),
      errors: [withPorts(11, 11, 'web')],
      output: deployment(
        `        - name: web\n          ports: [{containerPort: 8080}]\n          startupProbe:\n            tcpSocket:\n              port: 8080\n${PROBE_8080.join('\n')}\n`,
      ),
    },
    {
      name: 'JSON: a finding at the container name, and no fix',
      languageId: 'json',
      code: [
        '{',
        '  "apiVersion": "apps/v1",',
        '  "kind": "Deployment",',
        '  "metadata": {"name": "fire"},',
        '  "spec": {"template": {"spec": {"containers": [',
        '    {"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 80}]}',
        '  ]}}}',
        '}',
      ].join('\n'),
      errors: [withPorts(6, 6, 'web')],
      output: null,
    },
    {
      name: 'a UDP-only container gets no guessed probe',
      code: deployment(
        '        - name: dns\n          image: coredns/coredns:1.12.0\n          ports:\n            - containerPort: 53\n              protocol: UDP\n',
      ),
      errors: [withPorts(11, 11, 'dns')],
      output: null,
    },
  ],
});
ruleTester.run('unused-disable-directive', probeDirectiveCases(RULE));

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
