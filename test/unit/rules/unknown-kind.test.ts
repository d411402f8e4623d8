import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markedCase } from '../../support/markedRange';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'unknown-kind';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a removed API is removed-api-version’s',
      code: 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: x\n',
    },
    { name: 'a List', code: 'apiVersion: v1\nkind: List\nitems: []\n' },
    {
      name: 'skaffold.yaml is a build tool’s file, never applied',
      code: 'apiVersion: skaffold/v4beta11\nkind: Config\nmetadata:\n  name: shop\nbuild:\n  artifacts:\n    - image: registry.example.com/shop/web\n',
    },
  ],
  invalid: [
    fixtures.invalid('fire-unknown.yaml', {
      errors: [
        { messageId: 'noSchema', data: { kind: 'Gadget', apiVersion: 'example.com/v1' }, line: 2, column: 7, endColumn: 13 },
        {
          messageId: 'didYouMean',
          data: { kind: 'Deploymnet', apiVersion: 'apps/v1', suggestion: 'Deployment' },
          line: 7,
          column: 7,
        },
      ],
    }),
    markedCase('a kind in the wrong case', 'apiVersion: v1\nkind: «configmap»\nmetadata:\n  name: fire\n', 'didYouMean', {
      kind: 'configmap',
      apiVersion: 'v1',
      suggestion: 'ConfigMap',
    }),
    markedCase(
      'a built-in kind on a version that does not serve it',
      'apiVersion: apps/v1\nkind: «CronJob»\nmetadata:\n  name: fire\n',
      'noSchema',
    ),
  ],
});

test('every fire fixture is used', () => {
  assert.deepEqual(fixtures.unused(), []);
});
