import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'limitrange-inconsistent';
const fixtures = ruleFixtures(RULE);

const limitRange = (item: string, name = 'fire') =>
  `apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: ${name}\nspec:\n  limits:\n${item}`;

const GI_1 = '1Gi (1,073,741,824 bytes = about 1.07 GB = 1 GiB)';
const MI_512 = '512Mi (536,870,912 bytes = about 536.87 MB = 512 MiB)';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'type Pod: default and defaultRequest are forbidden, not ordered (another error, not this one)',
      code: limitRange('    - type: Pod\n      max: {cpu: 1}\n      default: {cpu: 2}\n', 'dont-fire'),
    },
    {
      name: 'defaulting only applies to type Container: a GPU default request with max on a Pod item',
      code: limitRange('    - type: Pod\n      max: {nvidia.com/gpu: 2}\n      min: {nvidia.com/gpu: 1}\n', 'dont-fire'),
    },
    {
      name: 'a ratio with min 0 has no upper bound',
      code: limitRange(
        '    - type: Container\n      min: {cpu: 0}\n      max: {cpu: 1}\n      maxLimitRequestRatio: {cpu: 100}\n',
        'dont-fire',
      ),
    },
    {
      name: 'not a LimitRange: a ResourceQuota',
      code: 'apiVersion: v1\nkind: ResourceQuota\nmetadata:\n  name: dont-fire\nspec:\n  hard: {requests.cpu: 4, limits.cpu: 2}\n',
    },
    {
      name: 'JSON, consistent',
      languageId: 'json',
      code: '{"apiVersion": "v1", "kind": "LimitRange", "metadata": {"name": "dont-fire"}, "spec": {"limits": [{"type": "Container", "min": {"cpu": "100m"}, "max": {"cpu": "1"}}]}}',
    },
  ],
  invalid: [
    fixtures.invalid('fire-limitrange.yaml', {
      errors: [
        {
          messageId: 'order',
          data: { resource: 'cpu', field: 'min', value: '2 (2 CPU)', other: 'max', otherValue: '500m (0.5 CPU)' },
          line: 11,
          column: 14,
          endColumn: 17,
        },
        {
          messageId: 'order',
          data: { resource: 'memory', field: 'defaultRequest', value: GI_1, other: 'default', otherValue: MI_512 },
          line: 17,
          column: 17,
        },
      ],
      // Which of the two bounds is wrong is not knowable.
      output: null,
    }),
    fixtures.invalid('fire-defaults-outside-range.yaml', {
      errors: [
        // min > defaultRequest is reported on defaultRequest, min > default on default, as the API does.
        {
          messageId: 'order',
          data: { resource: 'cpu', field: 'min', value: '500m (0.5 CPU)', other: 'default', otherValue: '250m (0.25 CPU)' },
          line: 14,
          column: 14,
        },
        {
          messageId: 'order',
          data: {
            resource: 'memory',
            field: 'default',
            value: '4Gi (4,294,967,296 bytes = about 4.29 GB = 4 GiB)',
            other: 'max',
            otherValue: '2Gi (2,147,483,648 bytes = about 2.15 GB = 2 GiB)',
          },
          line: 15,
          column: 17,
        },
        {
          messageId: 'order',
          data: { resource: 'cpu', field: 'min', value: '500m (0.5 CPU)', other: 'defaultRequest', otherValue: '100m (0.1 CPU)' },
          line: 17,
          column: 14,
        },
      ],
      output: null,
    }),
    fixtures.invalid('fire-ratio.yaml', {
      errors: [
        { messageId: 'ratioBelowOne', data: { resource: 'cpu', value: '0.5' }, line: 12, column: 14 },
        {
          messageId: 'ratioAboveMaxMin',
          data: { resource: 'memory', value: '10', bound: '4', max: '2Gi', min: '512Mi' },
          line: 13,
          column: 17,
        },
      ],
      output: null,
    }),
    fixtures.invalid('fire-gpu-and-claims.yaml', {
      errors: [
        {
          messageId: 'mustEqual',
          data: {
            resource: 'nvidia.com/gpu',
            value: '1',
            other: '2',
            derived: ' (taken from max, as default is not set)',
          },
          line: 13,
          column: 25,
        },
        {
          messageId: 'order',
          data: {
            resource: 'storage',
            field: 'min',
            value: '10Gi (10,737,418,240 bytes = about 10.74 GB = 10 GiB)',
            other: 'max',
            otherValue: '5Gi (5,368,709,120 bytes = about 5.37 GB = 5 GiB)',
          },
          line: 16,
          column: 18,
        },
      ],
      output: null,
    }),
    {
      name: 'a ratio above max / min that is not a whole number',
      code: limitRange(
        '    - type: Container\n      min: {cpu: 300m}\n      max: {cpu: 1}\n      maxLimitRequestRatio: {cpu: 4}\n',
      ),
      errors: [
        {
          messageId: 'ratioAboveMaxMin',
          data: { resource: 'cpu', value: '4', bound: 'about 3.333', max: '1', min: '300m' },
          line: 10,
          column: 35,
        },
      ],
      output: null,
    },
    {
      name: 'a value greater than two others is reported once for each, as the API does',
      code: limitRange(
        '    - type: Container\n      max: {memory: 1Gi}\n      default: {memory: 512Mi}\n      defaultRequest: {memory: 2Gi}\n',
      ),
      errors: [
        { messageId: 'order', message: /^memory: defaultRequest 2Gi .* greater than max 1Gi/, line: 10, column: 32 },
        { messageId: 'order', message: /^memory: defaultRequest 2Gi .* greater than default 512Mi/, line: 10, column: 32 },
      ],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
