import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { fixAllEdits } from '../../../server/src/service/features/codeActions';
import { applyEdits } from '../../support/applyEdits';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'invalid-quantity';
const fixtures = ruleFixtures(RULE);

/** A pod whose one container has these resources (lines indented under `resources:`). */
const pod = (resources: string, name = 'fire') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      resources:\n${resources}`;

const suggestion = (text: string, reason: string, suggestions: string) => ({
  messageId: 'invalidDidYouMean',
  data: { text, reason, suggestions },
});
const NOT_A_SUFFIX = (suffix: string) =>
  `'${suffix}' is not a suffix (valid: Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or an exponent like e3)`;
const CASE = (suffix: string, right: string) => `'${suffix}' is not a suffix (suffixes are case-sensitive: ${right})`;
const WHITESPACE = 'it contains whitespace, which quantities may not';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a Docker Compose file with memory in its own units is not a Kubernetes object',
      code: 'services:\n  web:\n    image: nginx\n    mem_limit: 512mb\n    cpus: 0.5\n',
    },
    {
      name: 'a ConfigMap value that looks like a quantity is just data',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dont-fire\ndata:\n  memory: 100mi\n',
    },
    {
      name: 'JSON with numbers and strings',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"cpu": 0.25, "memory": "128Mi"}}}]}}',
    },
    {
      name: 'a suppression comment with a reason',
      code: pod(
        '        requests:\n          # kubewise-disable-next-line invalid-quantity -- rendered by our own templating\n          memory: 100mi\n',
      ),
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        { ...suggestion('64mi', CASE('mi', "'Mi'"), "'64Mi'"), line: 21, column: 23, endLine: 21, endColumn: 27 },
        { ...suggestion('250 m', WHITESPACE, "'250m'"), line: 27, column: 20, endColumn: 27 },
        { ...suggestion('256MiB', NOT_A_SUFFIX('MiB'), "'256Mi'"), line: 28, column: 23 },
        { ...suggestion('1core', NOT_A_SUFFIX('core'), "'1'"), line: 30, column: 20 },
      ],
    }),
    fixtures.invalid('fire-storage-and-namespace-guards.yaml', {
      errors: [
        { ...suggestion('10gi', CASE('gi', "'Gi'"), "'10Gi'"), line: 10, column: 16 },
        { ...suggestion('120 Mi', WHITESPACE, "'120Mi'"), line: 27, column: 17 },
        { ...suggestion('1GB', NOT_A_SUFFIX('GB'), "'1G' or '1Gi'"), line: 37, column: 24 },
        { ...suggestion('20GiB', NOT_A_SUFFIX('GiB'), "'20Gi'"), line: 45, column: 22 },
        { ...suggestion('512 Mi', WHITESPACE, "'512Mi'"), line: 56, column: 17 },
        { ...suggestion('0,5', NOT_A_SUFFIX(',5'), "'0.5'"), line: 58, column: 14 },
        { ...suggestion('20 cores', WHITESPACE, "'20'"), line: 66, column: 19 },
        { ...suggestion('10vcpu', NOT_A_SUFFIX('vcpu'), "'10'"), line: 67, column: 10 },
        { ...suggestion('64GB', NOT_A_SUFFIX('GB'), "'64G' or '64Gi'"), line: 68, column: 20 },
      ],
    }),
    fixtures.invalid('fire-wrong-types-and-silent-changes.yaml', {
      errors: [
        { messageId: 'wrongType', data: { key: 'cpu', type: 'a boolean' }, line: 12, column: 16 },
        { messageId: 'noValue', data: { key: 'memory' }, line: 13, column: 11, endLine: 13, endColumn: 18 },
        { messageId: 'invalid', data: { text: '', reason: 'the value is empty' }, line: 14, column: 30 },
        { messageId: 'wrongType', data: { key: 'cpu', type: 'a list' }, line: 15, column: 24 },
        { messageId: 'wrongType', data: { key: 'memory', type: 'a map' }, line: 15, column: 37 },
        { messageId: 'roundedUp', data: { text: '0.0000000005', stored: '1n' }, line: 20, column: 16 },
        { messageId: 'roundedUp', data: { text: '1.5n', stored: '2n' }, line: 21, column: 19 },
        { messageId: 'capped', data: { text: '16Ei' }, line: 26, column: 19 },
      ],
    }),
    {
      name: 'the second repair, chosen by title',
      code: pod('        limits:\n          memory: 1GB\n'),
      errors: [{ messageId: 'invalidDidYouMean', line: 11, column: 19 }],
      fixTitle: 'Change to 1Gi',
      output: pod('        limits:\n          memory: 1Gi\n'),
    },
    {
      name: 'K is not a suffix: k (1000) or Ki (1024)',
      code: pod('        limits:\n          memory: 500K\n'),
      errors: [{ ...suggestion('500K', CASE('K', "'k'"), "'500k' or '500Ki'"), line: 11, column: 19 }],
      output: pod('        limits:\n          memory: 500k\n'),
    },
    {
      name: 'CPU: a wrong-case m means milli',
      code: pod('        requests:\n          cpu: 100M\n          memory: 128Mb\n'),
      // 100M is valid (and cpu-unit-slip's business); 128Mb reads as 128M or 128Mi.
      errors: [{ ...suggestion('128Mb', NOT_A_SUFFIX('Mb'), "'128M' or '128Mi'"), line: 12, column: 19 }],
      output: pod('        requests:\n          cpu: 100M\n          memory: 128M\n'),
    },
    {
      name: 'no repair is knowable',
      code: pod('        requests:\n          cpu: half\n          memory: lots\n'),
      errors: [
        { messageId: 'invalid', data: { text: 'half', reason: 'it does not start with a number' }, line: 11, column: 16 },
        { messageId: 'invalid', data: { text: 'lots', reason: 'it does not start with a number' }, line: 12, column: 19 },
      ],
      output: null,
    },
    {
      name: 'a bad exponent',
      code: pod('        requests:\n          cpu: 1e3.5\n'),
      errors: [{ messageId: 'invalid', line: 11, column: 16 }],
      output: null,
    },
    {
      name: 'JSON keeps its quotes',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"memory": "100mi"}}}]}}',
      errors: [{ ...suggestion('100mi', CASE('mi', "'Mi'"), "'100Mi'"), line: 1, column: 162 }],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"memory": "100Mi"}}}]}}',
    },
    {
      name: 'a custom resource shaped like a workload, a HorizontalPodAutoscaler and a RuntimeClass',
      code: [
        'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: fire-rollout\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:2.0.1\n          resources: { limits: { memory: 2gi } }\n',
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: fire-hpa\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target: { type: AverageValue, averageValue: 500mi }\n',
        'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: fire-runtimeclass\nhandler: kata\noverhead:\n  podFixed:\n    memory: 120mi\n',
      ].join('---\n'),
      errors: [
        { ...suggestion('2gi', CASE('gi', "'Gi'"), "'2Gi'"), line: 11, column: 42 },
        { ...suggestion('500mi', CASE('mi', "'Mi'"), "'500Mi'"), line: 24, column: 53 },
        { ...suggestion('120mi', CASE('mi', "'Mi'"), "'120Mi'"), line: 33, column: 13 },
      ],
      output: [
        'apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: fire-rollout\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:2.0.1\n          resources: { limits: { memory: 2Gi } }\n',
        'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: fire-hpa\nspec:\n  scaleTargetRef: { apiVersion: apps/v1, kind: Deployment, name: api }\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: memory\n        target: { type: AverageValue, averageValue: 500Mi }\n',
        'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: fire-runtimeclass\nhandler: kata\noverhead:\n  podFixed:\n    memory: 120Mi\n',
      ].join('---\n'),
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('fix-all applies a single repair but never picks between several, in every document', () => {
  const one = pod('        requests:\n          memory: 64mi\n        limits:\n          memory: 1GB\n');
  const code = `${one}---\n${one}`;
  const fixed = applyEdits(code, fixAllEdits(checkText(code, { languageId: 'yaml' })));
  const expected = pod('        requests:\n          memory: 64Mi\n        limits:\n          memory: 1GB\n');
  assert.equal(fixed, `${expected}---\n${expected}`);
});
