import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'request-exceeds-limit';
const fixtures = ruleFixtures(RULE);

/** A pod whose one container has the given `resources:` block (indented for it). */
const pod = (resources: string, name = 'fire') =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  containers:\n    - name: app\n      image: registry.example.com/app:1.0.0\n      resources:\n${resources}`;

const MEMORY_1GI = '1Gi (1,073,741,824 bytes = about 1.07 GB = 1 GiB)';
const MEMORY_512MI = '512Mi (536,870,912 bytes = about 536.87 MB = 512 MiB)';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a request equal to its limit in another spelling (0.5 = 500m, 1e3 = 1k)',
      code: pod('        requests: {cpu: 0.5, memory: 1e3}\n        limits: {cpu: 500m, memory: 1k}\n', 'dont-fire'),
    },
    {
      name: 'different resource names are not compared',
      code: pod('        requests: {memory: 2Gi}\n        limits: {ephemeral-storage: 1Gi}\n', 'dont-fire'),
    },
    {
      name: 'a value of the wrong type is left to other rules',
      code: pod('        requests: {cpu: true}\n        limits: {cpu: 1}\n', 'dont-fire'),
    },
    {
      name: 'JSON with a request below its limit',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "dont-fire"}, "spec": {"containers": [{"name": "app", "image": "app:1", "resources": {"requests": {"cpu": "100m"}, "limits": {"cpu": "1"}}}]}}',
    },
    {
      name: 'not a workload: a ConfigMap that looks like resources',
      code: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: dont-fire\ndata:\n  resources: "requests: {cpu: 2}, limits: {cpu: 1}"\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-deployment.yaml', {
      errors: [
        {
          messageId: 'exceeds',
          data: { owner: "Container 'web'", resource: 'memory', request: MEMORY_1GI, limit: MEMORY_512MI },
          line: 22,
          column: 23,
          endLine: 22,
          endColumn: 26,
        },
      ],
    }),
    {
      ...fixtures.invalid('fire-deployment.yaml', { errors: [{ messageId: 'exceeds', line: 22, column: 23 }] }),
      name: 'fire-deployment.yaml, raising the limit instead',
      fixTitle: 'Raise the limit to 1Gi',
      output: fixtures.invalid('fire-deployment.yaml', { errors: [] }).code.replace('memory: 512Mi', 'memory: 1Gi'),
    },
    fixtures.invalid('fire-unit-slips.yaml', {
      errors: [
        {
          messageId: 'exceeds',
          data: { owner: "Init container 'migrate'", resource: 'cpu', request: '1000 (1,000 CPU)', limit: '2 (2 CPU)' },
          line: 12,
          column: 16,
        },
        {
          messageId: 'exceeds',
          data: {
            owner: "Container 'app'",
            resource: 'memory',
            request: MEMORY_1GI,
            limit: '1G (1,000,000,000 bytes = 1 GB = about 953.67 MiB)',
          },
          line: 20,
          column: 19,
        },
      ],
      // Lowering keeps each value's own quoting: a plain value stays plain, "1Gi" stays double-quoted.
      output: fixtures
        .invalid('fire-unit-slips.yaml', { errors: [] })
        .code.replace('cpu: 1000', 'cpu: 2')
        .replace('"1Gi"', '"1G"'),
    }),
    fixtures.invalid('fire-pod-level-and-gpu.yaml', {
      errors: [
        {
          messageId: 'exceeds',
          data: { owner: 'The pod (spec.resources)', resource: 'cpu', request: '4 (4 CPU)', limit: '3500m (3.5 CPU)' },
          line: 15,
          column: 20,
        },
        {
          messageId: 'exceedsMustEqual',
          data: { owner: "Container 'train'", resource: 'nvidia.com/gpu', request: '2', limit: '1' },
          line: 22,
          column: 44,
        },
      ],
      output: fixtures
        .invalid('fire-pod-level-and-gpu.yaml', { errors: [] })
        .code.replace('cpu: "4"', 'cpu: "3500m"')
        .replace('{nvidia.com/gpu: 2,', '{nvidia.com/gpu: 1,'),
    }),
    {
      name: 'an ephemeral container with resources is checked too',
      code: `${pod('        limits: {cpu: 1}\n')}  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n      resources:\n        requests: {memory: 2Mi}\n        limits: {memory: 1Mi}\n`,
      errors: [{ messageId: 'exceeds', message: /^Ephemeral container 'debug' requests memory 2Mi /, line: 15, column: 28 }],
      output: `${pod('        limits: {cpu: 1}\n')}  ephemeralContainers:\n    - name: debug\n      image: busybox:1.36\n      resources:\n        requests: {memory: 1Mi}\n        limits: {memory: 1Mi}\n`,
    },
    {
      name: 'an anchored request gets no fix: its aliases would change too',
      code: pod('        requests: {cpu: &big 2}\n        limits: {cpu: *small}\n').replace(
        'containers:',
        'containers:\n    - name: small\n      image: registry.example.com/small:1.0.0\n      resources: {limits: {cpu: &small 1}}',
      ),
      errors: [{ messageId: 'exceeds', line: 13, column: 30 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
