import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markedCase } from '../../support/markedRange';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'unknown-kind';

/** A CRD whose schema nests `levels` objects, in flow style to keep the text short. */
function deepCrd(levels: number): string {
  const schema = '{type: object, properties: {next: '.repeat(levels) + '{type: integer}' + '}}'.repeat(levels);
  return [
    'apiVersion: apiextensions.k8s.io/v1',
    'kind: CustomResourceDefinition',
    'metadata: {name: deeps.example.com}',
    'spec:',
    '  group: example.com',
    '  names: {kind: Deep, plural: deeps}',
    '  scope: Namespaced',
    '  versions:',
    `    - {name: v1, served: true, storage: true, schema: {openAPIV3Schema: ${schema}}}`,
    '',
  ].join('\n');
}
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'a CRD whose schema nests as deep as real ones (40 levels) is read',
      code: `${deepCrd(40)}---\napiVersion: example.com/v1\nkind: Deep\nmetadata:\n  name: d\n`,
    },
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
      'a CRD whose schema is deeper than Kubewise reads: said, not silently unchecked',
      `${deepCrd(130)}---\napiVersion: example.com/v1\nkind: «Deep»\nmetadata:\n  name: d\n`,
      'schemaUnread',
      { kind: 'Deep', apiVersion: 'example.com/v1', depth: 120, nodes: '400,000' },
    ),
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
