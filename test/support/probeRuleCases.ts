/**
 * The RuleTester table shared by missing-liveness-probe and missing-readiness-probe.
 * Both rules run one check (server/src/service/rules/missingProbe.ts) with a different
 * probe key, so one table covers both; `PROBE_RULES` holds everything that differs
 * between them. The fixture files (test/fixtures/rules/<rule-id>/, kube-linter style)
 * come first; the inline cases cover what a file cannot show well (CRLF, JSON,
 * suppression comments).
 */
import type { RuleFixtures, RuleTests } from './ruleTester';

export type ProbeRuleId = 'missing-liveness-probe' | 'missing-readiness-probe';

interface ProbeRule {
  probe: 'livenessProbe' | 'readinessProbe';
  /** How case names refer to the rule ("the readiness rule", "a liveness finding"). */
  short: string;
  /** The sibling rule: its directives must not suppress this rule's findings. */
  other: ProbeRuleId;
  /**
   * The timings the fix writes. Spelled out here rather than read from probeTemplate.ts,
   * so that a change to them has to be made on purpose in both places.
   */
  timing: { initialDelaySeconds: number; periodSeconds: number; timeoutSeconds: number };
  /** The file an exec probe checks: only there so each rule's example reads naturally. */
  execFile: string;
  /** The reason given in a suppression comment, for the same reason. */
  suppressReason: string;
  /**
   * Where this rule's id starts in '# kubewise-disable-next-line missing-liveness-probe,
   * missing-readiness-probe' (the ids are in a fixed order, so the columns differ).
   */
  directiveColumn: number;
}

const PROBE_RULES: Record<ProbeRuleId, ProbeRule> = {
  'missing-liveness-probe': {
    probe: 'livenessProbe',
    short: 'liveness',
    other: 'missing-readiness-probe',
    timing: { initialDelaySeconds: 15, periodSeconds: 20, timeoutSeconds: 5 },
    execFile: '/tmp/alive',
    suppressReason: 'the process exits on a hang',
    directiveColumn: 38,
  },
  'missing-readiness-probe': {
    probe: 'readinessProbe',
    short: 'readiness',
    other: 'missing-liveness-probe',
    timing: { initialDelaySeconds: 5, periodSeconds: 10, timeoutSeconds: 2 },
    execFile: '/tmp/ready',
    suppressReason: 'the mesh sidecar answers readiness',
    directiveColumn: 62,
  },
};

const missing = (line: number, column: number, container?: string) =>
  container === undefined ? { messageId: 'missing', line, column } : { messageId: 'missing', data: { container }, line, column };

const deployment = (containers: string, annotations = '') =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\n${annotations}spec:\n  template:\n    spec:\n      containers:\n${containers}`;

/** What the fix inserts for a container whose first port is 8080 (HTTP). */
const probeFor8080 = ({ probe, timing }: ProbeRule): string[] => [
  `          ${probe}:`,
  '            httpGet:',
  '              path: /',
  '              port: 8080',
  `            initialDelaySeconds: ${timing.initialDelaySeconds}`,
  `            periodSeconds: ${timing.periodSeconds}`,
  `            timeoutSeconds: ${timing.timeoutSeconds}`,
  '            failureThreshold: 3',
];

const crlf = (lines: readonly string[]): string => lines.map((line) => `${line}\r\n`).join('');
const CRLF_SOURCE = deployment(
  '        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 8080\n',
)
  .split('\n')
  .slice(0, -1);

/**
 * The cases for `ruleTester.run(ruleId, …)`. Takes the caller's fixtures so that the
 * caller can still check that every fire fixture was used.
 */
export function probeRuleCases(ruleId: ProbeRuleId, fixtures: RuleFixtures): RuleTests {
  const rule = PROBE_RULES[ruleId];
  const { probe } = rule;
  const probe8080 = probeFor8080(rule).join('\n');
  return {
    valid: [
      ...fixtures.valid,
      {
        name: `an exec ${probe}`,
        code: deployment(
          `        - name: web\n          image: nginx:1.27\n          ${probe}:\n            exec:\n              command: [cat, ${rule.execFile}]\n`,
        ),
      },
      {
        name: `JSON with a ${probe}`,
        languageId: 'json',
        code: `{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "dont-fire"}, "spec": {"template": {"spec": {"containers": [{"name": "web", "image": "nginx:1.27", "${probe}": {"tcpSocket": {"port": 80}}}]}}}}`,
      },
      {
        name: 'suppressed by kubewise-disable-next-line with a reason',
        code: deployment(
          `        # kubewise-disable-next-line ${ruleId} -- ${rule.suppressReason}\n        - name: web\n          image: nginx:1.27\n`,
        ),
      },
      {
        name: 'suppressed by kubewise-disable-file',
        code: `# kubewise-disable-file ${ruleId}\n${deployment('        - name: web\n          image: nginx:1.27\n')}`,
      },
      {
        name: 'a custom resource whose spec.template holds no containers is not a workload',
        code: 'apiVersion: example.com/v1\nkind: Report\nmetadata:\n  name: dont-fire\nspec:\n  template:\n    spec:\n      format: pdf\n',
      },
      {
        name: 'a Helm template is not checked',
        code: deployment('        - name: web\n          image: {{ .Values.image }}\n'),
      },
      { name: 'an empty file', code: '' },
      {
        // kubectl's YAML decoder resolves merge keys, so the canary container has both probes.
        name: 'probes inherited through a YAML merge key count',
        code: deployment(
          '        - &web\n          name: web\n          image: nginx:1.27\n          readinessProbe:\n            tcpSocket:\n              port: 80\n          livenessProbe:\n            tcpSocket:\n              port: 80\n        - <<: *web\n          name: web-canary\n',
        ),
      },
    ],
    invalid: [
      fixtures.invalid('fire-deployment.yaml', { errors: [missing(16, 11, 'web')] }),
      fixtures.invalid('fire-workload-kinds.yaml', {
        errors: [
          missing(17, 11, 'db'),
          missing(36, 11, 'agent'),
          missing(56, 11, 'web'),
          missing(74, 11, 'legacy'),
          missing(85, 7, 'ui'),
        ],
      }),
      fixtures.invalid('fire-rollout.yaml', { errors: [missing(22, 11, 'checkout')], fixTitle: `Add ${probe}` }),
      fixtures.invalid('fire-multiple-containers.yaml', { errors: [missing(28, 11, 'cache')] }),
      fixtures.invalid('fire-multi-document.yaml', { errors: [missing(35, 11, 'api')] }),
      fixtures.invalid('fire-https-port.yaml', { errors: [missing(15, 11, 'gateway')] }),
      fixtures.invalid('fire-flow-style.yaml', { errors: [missing(12, 12, 'web'), missing(24, 21, 'web')], output: null }),
      fixtures.invalid('fire-no-ports.yaml', { errors: [missing(16, 11, 'worker')], output: null }),
      fixtures.invalid('fire-kube-linter-other-check.yaml', { errors: [missing(18, 11, 'consumer')], output: null }),
      {
        name: 'CRLF line endings: the fix keeps them',
        code: crlf(CRLF_SOURCE),
        errors: [missing(9, 11, 'web')],
        output: crlf([...CRLF_SOURCE, ...probeFor8080(rule)]),
      },
      {
        name: `a startupProbe does not replace the ${probe}`,
        code: deployment(
          '        - name: web\n          image: nginx:1.27\n          startupProbe:\n            tcpSocket:\n              port: 80\n',
        ),
        errors: [missing(9, 11)],
        output: null,
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
        errors: [missing(6, 6, 'web')],
        output: null,
      },
      {
        name: 'a container without a name is reported at its first key',
        code: deployment('        - image: nginx:1.27\n'),
        errors: [missing(9, 11, '(unnamed)')],
        output: null,
      },
      {
        name: 'a UDP-only container gets no guessed probe',
        code: deployment(
          '        - name: dns\n          image: coredns/coredns:1.12.0\n          ports:\n            - containerPort: 53\n              protocol: UDP\n',
        ),
        errors: [missing(9, 11, 'dns')],
        output: null,
      },
      {
        name: 'a bare pod with restartPolicy Always',
        code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  restartPolicy: Always\n  containers:\n    - name: web\n      image: nginx:1.27\n',
        errors: [missing(8, 7, 'web')],
        output: null,
      },
      {
        name: `a disable comment for the ${PROBE_RULES[rule.other].short} rule does not suppress this one`,
        code: deployment(
          `        # kubewise-disable-next-line ${rule.other}\n        - name: web\n          image: nginx:1.27\n`,
        ),
        errors: [missing(10, 11, 'web')],
        output: null,
      },
      {
        name: 'the fix goes after a block scalar that ends the container',
        code: deployment(
          '        - name: web\n          ports:\n            - containerPort: 8080\n          command: |\n            nginx\n\n      volumes: []\n',
        ),
        errors: [missing(9, 11, 'web')],
        output: deployment(
          `        - name: web\n          ports:\n            - containerPort: 8080\n          command: |\n            nginx\n${probe8080}\n\n      volumes: []\n`,
        ),
      },
      {
        // `|+` keeps trailing blank lines as content: inserting before them changes the command.
        name: 'the fix keeps the trailing lines of a keep-chomping (|+) block scalar',
        code: deployment(
          '        - name: web\n          ports:\n            - containerPort: 8080\n          command: |+\n            nginx\n\n      volumes: []\n',
        ),
        errors: [missing(9, 11, 'web')],
        output: deployment(
          `        - name: web\n          ports:\n            - containerPort: 8080\n          command: |+\n            nginx\n\n${probe8080}\n      volumes: []\n`,
        ),
      },
    ],
  };
}

/** The cases for `ruleTester.run('unused-disable-directive', …)` about this rule's id. */
export function probeDirectiveCases(ruleId: ProbeRuleId): RuleTests {
  const rule = PROBE_RULES[ruleId];
  const { probe } = rule;
  return {
    valid: [
      {
        name: `a directive that suppresses a ${rule.short} finding is used`,
        code: deployment(
          '        # kubewise-disable-next-line missing-readiness-probe, missing-liveness-probe\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n',
        ),
      },
    ],
    invalid: [
      {
        name: `a directive above a container that has its ${probe}`,
        code: deployment(
          `        # kubewise-disable-next-line ${ruleId} -- no longer needed\n        - name: web\n          image: nginx:1.27\n          readinessProbe:\n            tcpSocket:\n              port: 80\n          livenessProbe:\n            tcpSocket:\n              port: 80\n`,
        ),
        errors: [{ messageId: 'unused', data: { rule: ruleId }, line: 9, column: 38 }],
        output: deployment(
          '        - name: web\n          image: nginx:1.27\n          readinessProbe:\n            tcpSocket:\n              port: 80\n          livenessProbe:\n            tcpSocket:\n              port: 80\n',
        ),
      },
      {
        // The other rule still fires here (the container has only this rule's probe), so
        // its id is the one that stays.
        name: 'only the unused id of a directive is removed',
        code: deployment(
          `        # kubewise-disable-next-line missing-liveness-probe, missing-readiness-probe\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n          ${probe}:\n            tcpSocket:\n              port: 80\n`,
        ),
        errors: [{ messageId: 'unused', data: { rule: ruleId }, line: 9, column: rule.directiveColumn }],
        output: deployment(
          `        # kubewise-disable-next-line ${rule.other}\n        - name: web\n          image: nginx:1.27\n          ports: [{containerPort: 80}]\n          ${probe}:\n            tcpSocket:\n              port: 80\n`,
        ),
      },
    ],
  };
}
