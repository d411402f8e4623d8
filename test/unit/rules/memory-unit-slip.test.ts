import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { fixAllEdits } from '../../../server/src/service/features/codeActions';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'memory-unit-slip';
const fixtures = ruleFixtures(RULE);

/** A pod whose one container has these resources (lines indented under `resources:`). */
const pod = (resources: string, name = 'fire') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      resources:\n${resources}`;
const limits = (memory: string) => `        limits:\n          memory: ${memory}\n`;

const milli = (text: string, bytes: string, suggestion: string) => ({ messageId: 'milli', data: { text, bytes, suggestion } });
const bytesFor = (text: string, bytes: string, suggestion: string) => ({
  messageId: 'tooSmallDidYouMean',
  data: { text, bytes, suggestion },
});

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'exactly 1 MiB in bytes', code: pod(limits('1048576'), 'dont-fire') },
    { name: 'an invalid quantity is invalid-quantity’s alone', code: pod(limits('512mi'), 'dont-fire') },
    { name: 'a CPU in millicores', code: pod('        limits:\n          cpu: 512m\n', 'dont-fire') },
    {
      name: 'JSON with a binary suffix',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"limits": {"memory": "512Mi"}}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        { ...bytesFor('64', '64 bytes', '64Mi'), line: 21, column: 23, endColumn: 27 },
        { ...milli('512m', '0.512 bytes', '512Mi'), line: 28, column: 23, endColumn: 27 },
        { ...bytesFor('1024', '1,024 bytes', '1024Mi'), line: 30, column: 23 },
        { ...milli('2000m', '2 bytes', '2000Mi'), line: 31, column: 34 },
      ],
    }),
    fixtures.invalid('fire-storage-and-namespace-guards.yaml', {
      errors: [
        { ...milli('10m', '0.01 bytes', '10Mi'), line: 10, column: 16 },
        { ...bytesFor('120', '120 bytes', '120Mi'), line: 27, column: 17 },
        { ...milli('500m', '0.5 bytes', '500Mi'), line: 37, column: 24 },
        { ...milli('20m', '0.02 bytes', '20Mi'), line: 45, column: 22 },
        { ...milli('64m', '0.064 bytes', '64Mi'), line: 53, column: 22 },
        { ...bytesFor('512', '512 bytes', '512Mi'), line: 64, column: 26 },
      ],
    }),
    fixtures.invalid('fire-too-small-no-guess.yaml', {
      errors: [
        { messageId: 'tooSmall', data: { text: '512Ki', bytes: '524,288 bytes' }, line: 13, column: 19 },
        { messageId: 'tooSmall', data: { text: '1000000', bytes: '1,000,000 bytes' }, line: 15, column: 19 },
        { messageId: 'tooSmall', data: { text: '1e5', bytes: '100,000 bytes' }, line: 20, column: 19 },
      ],
      output: null,
    }),
    {
      name: 'a small number reads as gibibytes first',
      code: pod(limits('2')),
      errors: [{ ...bytesFor('2', '2 bytes', '2Gi'), line: 11, column: 19 }],
      output: pod(limits('2Gi')),
    },
    {
      name: 'the other unit, chosen by title',
      code: pod(limits('512')),
      errors: [{ ...bytesFor('512', '512 bytes', '512Mi'), line: 11, column: 19 }],
      fixTitle: 'Change to 512Gi',
      output: pod(limits('512Gi')),
    },
    {
      name: 'a fraction with the milli suffix, and a sign',
      code: pod(`${limits('1.5m')}        requests:\n          memory: +256m\n`),
      errors: [
        { ...milli('1.5m', '0.0015 bytes', '1.5Mi'), line: 11, column: 19 },
        { ...milli('+256m', '0.256 bytes', '256Mi'), line: 13, column: 19 },
      ],
      output: pod(`${limits('1.5Mi')}        requests:\n          memory: 256Mi\n`),
    },
    {
      name: 'JSON: a number becomes a JSON string',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"limits": {"memory": 256, "ephemeral-storage": "1000m"}}}]}}',
      errors: [
        { ...bytesFor('256', '256 bytes', '256Mi'), line: 1, column: 160 },
        { ...milli('1000m', '1 bytes', '1000Mi'), line: 1, column: 186 },
      ],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"limits": {"memory": "256Mi", "ephemeral-storage": "1000Mi"}}}]}}',
    },
    {
      name: 'a RuntimeClass overhead and a custom resource shaped like a workload',
      code: 'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: fire-runtimeclass\nhandler: kata\noverhead:\n  podFixed: { memory: 160 }\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: fire-rollout\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:2.0.1\n          resources: { limits: { memory: 768m } }\n',
      errors: [
        { ...bytesFor('160', '160 bytes', '160Mi'), line: 7, column: 23 },
        { ...milli('768m', '0.768 bytes', '768Mi'), line: 19, column: 42 },
      ],
      output:
        'apiVersion: node.k8s.io/v1\nkind: RuntimeClass\nmetadata:\n  name: fire-runtimeclass\nhandler: kata\noverhead:\n  podFixed: { memory: 160Mi }\n---\napiVersion: argoproj.io/v1alpha1\nkind: Rollout\nmetadata:\n  name: fire-rollout\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/api:2.0.1\n          resources: { limits: { memory: 768Mi } }\n',
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('fix-all never guesses the unit that was meant', () => {
  const code = pod(`${limits('512m')}        requests:\n          memory: 256\n`);
  const findings = checkText(code, { languageId: 'yaml' }).filter((finding) => finding.ruleId === RULE);
  assert.equal(findings.length, 2);
  assert.deepEqual(fixAllEdits(findings), []);
});
