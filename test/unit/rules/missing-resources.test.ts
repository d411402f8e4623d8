import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'missing-resources';
const fixtures = ruleFixtures(RULE);

/** Requests but no limits: what is missing depends on the `resources.require` setting. */
const REQUESTS_ONLY = '      resources:\n        requests: {cpu: 100m, memory: 64Mi}\n';

const pod = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n${resources}`;

const MEMORY_LIMIT = {
  requests: '',
  limits: 'limits.memory',
  limitsReason: "one memory leak can take the node's memory and get its neighbours OOM-killed",
};
const EVERYTHING = { ...MEMORY_LIMIT, requests: 'requests.cpu, requests.memory' };

/** The block the suggestion inserts, at a container's indentation. */
const placeholders = (indent: string): string =>
  [
    'resources:',
    '  requests:',
    '    cpu: 100m # placeholder: size from real usage',
    '    memory: 128Mi # placeholder: size from real usage',
    '  limits:',
    '    memory: 128Mi # placeholder: size from real usage',
  ]
    .map((line) => `${indent}${line}\n`)
    .join('');

const LIMIT_RANGE = (namespace: string): string =>
  `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: ${namespace}\nspec:\n  limits:\n    - type: Container\n      defaultRequest: {cpu: 250m, memory: 256Mi}\n      default: {cpu: "1", memory: 512Mi}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a limit alone stands for the request', code: pod('      resources:\n        limits: {cpu: 500m, memory: 1Gi}\n') },
    {
      name: 'JSON with requests and a memory limit',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "nginx:1.27", "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"memory": "64Mi"}}}]}}',
    },
    {
      name: 'the requirement is configurable: nothing required, nothing missing',
      code: pod(REQUESTS_ONLY),
      options: { resources: { require: [] } },
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        { messageId: 'missingLimits', data: { ...MEMORY_LIMIT, container: 'web' }, line: 16, column: 11 },
        {
          messageId: 'missingBoth',
          data: { ...EVERYTHING, container: 'log-shipper' },
          line: 22,
          column: 11,
        },
      ],
    }),
    fixtures.invalid('fire-init-container-and-cronjob.yaml', {
      errors: [
        {
          messageId: 'missingBoth',
          data: { ...EVERYTHING, container: 'fetch' },
          line: 13,
          column: 15,
        },
      ],
    }),
    {
      name: 'no resources block at all: a suggestion with placeholder sizes, marked for editing',
      code: pod(''),
      errors: [{ messageId: 'missingBoth', line: 7, column: 7 }],
      output: pod(placeholders('      ')),
    },
    {
      name: 'with a LimitRange of the namespace elsewhere: the block takes its defaults (requests from defaultRequest)',
      code: pod('').replace('  name: fire\n', '  name: fire\n  namespace: shop\n'),
      otherFiles: [{ code: LIMIT_RANGE('shop') }],
      errors: [{ messageId: 'missingBoth', line: 8, column: 7 }],
      output: pod(
        [
          '      resources:',
          '        requests:',
          "          cpu: 250m # default of LimitRange 'defaults'",
          "          memory: 256Mi # default of LimitRange 'defaults'",
          '        limits:',
          "          memory: 512Mi # default of LimitRange 'defaults'",
          '',
        ].join('\n'),
      ).replace('  name: fire\n', '  name: fire\n  namespace: shop\n'),
    },
    {
      name: 'a LimitRange of another namespace gives nothing: placeholders',
      code: pod('').replace('  name: fire\n', '  name: fire\n  namespace: shop\n'),
      otherFiles: [{ code: LIMIT_RANGE('billing') }],
      errors: [{ messageId: 'missingBoth', line: 8, column: 7 }],
      output: pod(placeholders('      ')).replace('  name: fire\n', '  name: fire\n  namespace: shop\n'),
    },
    {
      name: 'a LimitRange with only a default limit: it is the request too; what it lacks stays a placeholder',
      code: `${pod('')}---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: memory-only\nspec:\n  limits:\n    - type: Container\n      default: {memory: 1Gi}\n`,
      errors: [{ messageId: 'missingBoth', line: 7, column: 7 }],
      output: `${pod(
        [
          '      resources:',
          '        requests:',
          '          cpu: 100m # placeholder: size from real usage',
          "          memory: 1Gi # default of LimitRange 'memory-only'",
          '        limits:',
          "          memory: 1Gi # default of LimitRange 'memory-only'",
          '',
        ].join('\n'),
      )}---\napiVersion: v1\nkind: LimitRange\nmetadata:\n  name: memory-only\nspec:\n  limits:\n    - type: Container\n      default: {memory: 1Gi}\n`,
    },
    {
      name: 'a flow-style container gets no resources block',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - {name: app, image: nginx:1.27}\n',
      errors: [{ messageId: 'missingBoth', line: 7, column: 8 }],
      output: null,
    },
    {
      name: 'the memory limit is inserted into an existing limits map, quotes kept',
      code: pod(
        '      resources:\n        requests:\n          cpu: 100m\n          memory: "256Mi"\n        limits:\n          cpu: "1"\n',
      ),
      errors: [{ messageId: 'missingLimits', data: { ...MEMORY_LIMIT, container: 'app' }, line: 7, column: 7 }],
      output: pod(
        '      resources:\n        requests:\n          cpu: 100m\n          memory: "256Mi"\n        limits:\n          cpu: "1"\n          memory: "256Mi"\n',
      ),
    },
    {
      name: 'flow-style resources get no fix',
      code: pod('      resources: {requests: {cpu: 100m, memory: 64Mi}}\n'),
      errors: [{ messageId: 'missingLimits', line: 7, column: 7 }],
      output: null,
    },
    {
      name: 'the requirement is configurable: by default the memory limit is required',
      code: pod(REQUESTS_ONLY),
      options: {},
      errors: [
        {
          message:
            "Container 'app' declares no limits.memory: one memory leak can take the node's memory and get its neighbours OOM-killed.",
          line: 7,
          column: 7,
        },
      ],
      output: pod(`${REQUESTS_ONLY}        limits:\n          memory: 64Mi\n`),
    },
    {
      name: 'the requirement is configurable: CPU limits on, memory limits off',
      code: pod(REQUESTS_ONLY),
      options: { resources: { require: ['requests.cpu', 'limits.cpu'] } },
      errors: [
        {
          message: "Container 'app' declares no limits.cpu: nothing caps the CPU it takes from its neighbours.",
          line: 7,
          column: 7,
        },
      ],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
