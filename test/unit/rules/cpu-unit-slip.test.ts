import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { fixAllEdits } from '../../../server/src/service/features/codeActions';
import { applyEdits } from '../../support/applyEdits';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'cpu-unit-slip';
const fixtures = ruleFixtures(RULE);

/** A pod whose one container has these resources (lines indented under `resources:`). */
const pod = (resources: string, name = 'fire') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      resources:\n${resources}`;
const requests = (cpu: string) => `        requests:\n          cpu: ${cpu}\n`;

const plainCores = (text: string, cpus: string, suggestion: string, suggestionWords: string) => ({
  messageId: 'plainCores',
  data: { text, cpus, suggestion, suggestionWords },
});

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'just below the threshold', code: pod(requests('99'), 'dont-fire') },
    { name: 'zero', code: pod(requests('0'), 'dont-fire') },
    { name: 'negative values are left to the API (it rejects them)', code: pod(requests('"-500"'), 'dont-fire') },
    { name: 'an invalid quantity is invalid-quantity’s alone', code: pod(requests('100 m'), 'dont-fire') },
    { name: 'a value Kubernetes rounds below 1n is invalid-quantity’s alone', code: pod(requests('1e-12'), 'dont-fire') },
    {
      name: 'a divisor is a unit, not an amount',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: dont-fire\nspec:\n  containers:\n    - name: app\n      image: app:1\n      env:\n        - name: CPU_MILLIS\n          valueFrom: { resourceFieldRef: { resource: limits.cpu, divisor: 1u } }\n',
    },
    {
      name: 'JSON with millicores',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"cpu": "250m"}, "limits": {"cpu": 2}}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          ...plainCores('100', '100', '100m', '0.1 CPU: a tenth of one vCPU / core / hyperthread'),
          line: 21,
          column: 20,
          endColumn: 25,
        },
        {
          ...plainCores('500', '500', '500m', '0.5 CPU: half of one vCPU / core / hyperthread'),
          line: 27,
          column: 20,
          endColumn: 23,
        },
        { ...plainCores('1000', '1,000', '1000m', '1 CPU: one whole vCPU / core / hyperthread'), line: 30, column: 20 },
      ],
    }),
    fixtures.invalid('fire-finer-than-a-millicore.yaml', {
      errors: [
        { messageId: 'tooFine', data: { text: '1500000n', rounded: '2m' }, line: 8, column: 10 },
        { messageId: 'tooFine', data: { text: '0.0005', rounded: '1m' }, line: 14, column: 16 },
        { messageId: 'tooFine', data: { text: '100u', rounded: '1m' }, line: 16, column: 16 },
      ],
    }),
    fixtures.invalid('fire-mega-and-other-units.yaml', {
      errors: [
        {
          messageId: 'megaCores',
          data: {
            text: '500M',
            cpus: '500,000,000',
            suggestion: '500m',
            suggestionWords: '0.5 CPU: half of one vCPU / core / hyperthread',
          },
          line: 9,
          column: 23,
        },
        { ...plainCores('250', '250', '250m', '0.25 CPU: a quarter of one vCPU / core / hyperthread'), line: 11, column: 14 },
        { ...plainCores('250', '250', '250m', '0.25 CPU: a quarter of one vCPU / core / hyperthread'), line: 20, column: 10 },
        { messageId: 'implausible', data: { text: '2Gi', cpus: '2,147,483,648' }, line: 39, column: 24 },
      ],
    }),
    {
      name: 'the threshold itself',
      code: pod(requests('100')),
      errors: [{ messageId: 'plainCores', line: 11, column: 16 }],
      output: pod(requests('100m')),
    },
    {
      name: 'an explicit plus sign',
      code: pod(requests('+500')),
      errors: [{ messageId: 'plainCores', line: 11, column: 16, message: /^'\+500' asks for 500 CPUs.*Did you mean '500m'/ }],
      output: pod(requests('500m')),
    },
    {
      name: 'a fraction or an exponent is not a lost m: no guess',
      code: pod(`${requests('150.5')}        limits:\n          cpu: 1e3\n`),
      errors: [
        { messageId: 'implausible', data: { text: '150.5', cpus: '150.5' }, line: 11, column: 16 },
        { messageId: 'implausible', data: { text: '1e3', cpus: '1,000' }, line: 13, column: 16 },
      ],
      output: null,
    },
    {
      name: 'pod-level resources and an ephemeral container, in flow style',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  resources: { limits: { cpu: 400 } }\n  containers: [{ name: app, image: "app:1" }]\n  ephemeralContainers: [{ name: debug, image: "busybox:1.36", resources: { requests: { cpu: 0.0001 } } }]\n',
      errors: [
        { messageId: 'plainCores', line: 6, column: 31 },
        { messageId: 'tooFine', data: { text: '0.0001', rounded: '1m' }, line: 8, column: 93 },
      ],
      output:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  resources: { limits: { cpu: 400m } }\n  containers: [{ name: app, image: "app:1" }]\n  ephemeralContainers: [{ name: debug, image: "busybox:1.36", resources: { requests: { cpu: 1m } } }]\n',
    },
    {
      name: 'JSON keeps its quotes, and a JSON number stays a number',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"cpu": "250"}, "limits": {"cpu": 500}}}]}}',
      errors: [
        { messageId: 'plainCores', line: 1, column: 159 },
        { messageId: 'plainCores', line: 1, column: 185 },
      ],
      output:
        '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"cpu": "250m"}, "limits": {"cpu": "500m"}}}]}}',
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});

test('fix-all rounds up to whole millicores but never turns cores into millicores', () => {
  const code = pod(`${requests('0.0005')}        limits:\n          cpu: 500\n`);
  const fixed = applyEdits(code, fixAllEdits(checkText(code, { languageId: 'yaml' })));
  assert.equal(fixed, pod(`${requests('1m')}        limits:\n          cpu: 500\n`));
});
