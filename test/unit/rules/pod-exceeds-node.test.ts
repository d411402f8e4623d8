import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/service/engine/checkFile';
import { resolveRuleOptions } from '../../../server/src/service/config/ruleOptions';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'pod-exceeds-node';
const fixtures = ruleFixtures(RULE);

/** 2.5 CPU and 1Gi: over the default 2 CPU node, within a 4 CPU one. */
const SMALL_POD_RESOURCES = '        requests: {cpu: 2500m, memory: 1Gi}\n';

const pod = (resources: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      resources:\n${resources}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'exactly the node', code: pod('        requests: {cpu: "2", memory: 8Gi}\n') },
    {
      name: 'values that do not parse are left to invalid-quantity',
      code: pod('        requests: {cpu: 3 cores, memory: 9 GB}\n'),
    },
    {
      name: 'cpu: 1000 is one finding, the unit slip, not a pod larger than the node too',
      code: pod('        requests: {cpu: 1000, memory: 1Gi}\n'),
    },
    {
      name: 'a pod with tolerations runs on a pool the assumed node knows nothing about',
      code: pod(SMALL_POD_RESOURCES).replace('spec:\n', 'spec:\n  tolerations: [{key: nvidia.com/gpu, operator: Exists}]\n'),
    },
    {
      name: 'the node shape is a setting: the 2.5 CPU pod fits a 4 CPU node',
      code: pod(SMALL_POD_RESOURCES),
      options: { node: { cpu: '4' } },
    },
  ],
  invalid: [
    fixtures.invalid('fire-container-too-big.yaml', {
      errors: [
        {
          messageId: 'containerAssumed',
          data: { container: 'trainer', amount: '2.5', resource: 'CPU', node: '2 CPU' },
          line: 20,
          column: 15,
        },
      ],
    }),
    fixtures.invalid('fire-pod-total.yaml', {
      errors: [{ messageId: 'podAssumed', data: { amount: '8.5 GiB', resource: 'of memory', node: '8Gi' }, line: 22, column: 7 }],
    }),
    {
      name: 'a limit alone is the request, and 1 byte over is over',
      code: pod('        limits: {memory: 8589934593}\n'),
      errors: [{ messageId: 'containerAssumed', line: 10, column: 18 }],
    },
    {
      name: 'CPU and memory both too big on one container',
      code: pod('        requests: {cpu: "4", memory: 12Gi}\n'),
      errors: [
        {
          messageId: 'containerAssumed',
          data: { container: 'app', amount: '4', resource: 'CPU', node: '2 CPU' },
          line: 10,
          column: 20,
        },
        {
          messageId: 'containerAssumed',
          data: { container: 'app', amount: '12 GiB', resource: 'of memory', node: '8Gi' },
          line: 10,
          column: 30,
        },
      ],
    },
    {
      name: 'the node shape is a setting: an empty node setting keeps the 2 CPU default',
      code: pod(SMALL_POD_RESOURCES),
      options: { node: {} },
      errors: [
        {
          messageId: 'containerAssumed',
          data: { container: 'app', amount: '2.5', resource: 'CPU', node: '2 CPU' },
          line: 10,
          column: 20,
        },
      ],
    },
    {
      name: 'the node shape is a setting: a 4 CPU node with 512Mi is too small for 1Gi',
      code: pod(SMALL_POD_RESOURCES),
      options: { node: { cpu: '4', memory: '512Mi' } },
      errors: [
        {
          messageId: 'container',
          data: { container: 'app', amount: '1 GiB', resource: 'of memory', node: '512Mi' },
          line: 10,
          column: 32,
        },
      ],
    },
    {
      name: 'a configured shape equal to the default is configured: a warning about a fact',
      code: pod(SMALL_POD_RESOURCES),
      options: { node: { cpu: '2' } },
      errors: [
        {
          messageId: 'container',
          data: { container: 'app', amount: '2.5', resource: 'CPU', node: '2 CPU' },
          line: 10,
          column: 20,
        },
      ],
    },
    {
      name: 'a pod that selects a node pool is compared with a configured shape',
      code: pod(SMALL_POD_RESOURCES).replace('spec:\n', 'spec:\n  nodeSelector: {pool: big}\n'),
      options: { node: { cpu: '2', memory: '8Gi' } },
      errors: [{ messageId: 'container', line: 11, column: 20 }],
    },
    {
      name: 'a container too big on its own still counts beside a container whose CPU is a unit slip',
      code: `${pod('        requests: {cpu: 1000, memory: 1Gi}\n')}    - name: worker\n      image: nginx:1.27\n      resources:\n        requests: {cpu: 2500m}\n`,
      errors: [
        {
          messageId: 'containerAssumed',
          data: { container: 'worker', amount: '2.5', resource: 'CPU', node: '2 CPU' },
          line: 14,
          column: 20,
        },
      ],
    },
    {
      name: 'memory still counts when the CPU value is a unit slip',
      code: pod('        requests: {cpu: 1000, memory: 12Gi}\n'),
      errors: [
        {
          messageId: 'containerAssumed',
          data: { container: 'app', amount: '12 GiB', resource: 'of memory', node: '8Gi' },
          line: 10,
          column: 31,
        },
      ],
    },
  ],
});

test('information against the assumed node, a warning against a configured one', () => {
  const severities = (options: Record<string, unknown> | undefined) =>
    checkText(pod(SMALL_POD_RESOURCES), { languageId: 'yaml', ruleOptions: resolveRuleOptions(options) })
      .filter((f) => f.ruleId === RULE)
      .map((f) => f.severity);
  assert.deepEqual(severities(undefined), ['information']);
  assert.deepEqual(severities({ node: { memory: '8Gi' } }), ['warning']);
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
