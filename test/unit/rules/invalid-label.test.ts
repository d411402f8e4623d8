import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'invalid-label';
const fixtures = ruleFixtures(RULE);

const labelled = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n  labels:\n${labels}data: {}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a 63-character value', code: labelled(`    a: ${'x'.repeat(63)}\n`) },
    {
      name: 'a 253-character prefix',
      code: labelled(`    ${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(70)}/name: x\n`),
    },
    { name: 'a null value decodes to an empty string', code: labelled('    a:\n') },
    { name: 'a Helm value is not judged', code: labelled('    a: "{{ .Values.x }}"\n') },
  ],
  invalid: [
    fixtures.invalid('fire-types.yaml', {
      errors: [
        { messageId: 'notString', data: { key: 'version', type: 'a number', quoted: '"1.0"' }, line: 7, column: 14 },
        { messageId: 'notString', data: { key: 'enabled', type: 'a boolean', quoted: '"true"' }, line: 8, column: 14 },
        { messageId: 'notString', data: { key: 'canary', type: 'a boolean', quoted: '"yes"' }, line: 9, column: 13 },
        { messageId: 'notString', line: 19, column: 16 },
      ],
    }),
    fixtures.invalid('fire-grammar.yaml', {
      errors: [
        { messageId: 'key', line: 8, column: 5 },
        { messageId: 'value', line: 9, column: 11 },
        { messageId: 'operator', data: { operator: 'in' }, line: 17, column: 19 },
        { messageId: 'valuesForbidden', line: 21, column: 9 },
        { messageId: 'valuesRequired', line: 23, column: 9 },
      ],
    }),
    {
      name: 'a 64-character value',
      code: labelled(`    a: ${'x'.repeat(64)}\n`),
      errors: [{ messageId: 'value', message: /64 characters long, more than 63/, line: 6, column: 8 }],
    },
    {
      name: 'a 64-character name and two slashes',
      code: labelled(`    ${'n'.repeat(64)}: x\n    a/b/c: x\n`),
      errors: [
        { messageId: 'key', message: /the name is 64 characters long/, line: 6, column: 5 },
        { messageId: 'key', message: /at most one "\/"/, line: 7, column: 5 },
      ],
    },
    {
      name: 'an upper-case prefix and an empty name',
      code: labelled('    Example.com/a: x\n    example.com/: x\n'),
      errors: [
        { messageId: 'key', message: /DNS subdomain/, line: 6, column: 5 },
        { messageId: 'key', message: /the name is empty/, line: 7, column: 5 },
      ],
    },
    {
      name: 'a map as a value',
      code: labelled('    a: {b: c}\n'),
      errors: [{ messageId: 'notScalar', line: 6, column: 8 }],
    },
    {
      name: 'the quote fix keeps the text as written (1.10, not 1.1)',
      code: labelled('    version: 1.10\n'),
      errors: [{ messageId: 'notString', data: { key: 'version', type: 'a number', quoted: '"1.10"' }, line: 6, column: 14 }],
      output: labelled('    version: "1.10"\n'),
    },
    {
      name: 'a selector of a Service with a number',
      code: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: fire\nspec:\n  selector: {app: web, tier: 2}\n',
      errors: [{ messageId: 'notString', line: 6, column: 30 }],
      output: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: fire\nspec:\n  selector: {app: web, tier: "2"}\n',
    },
    {
      name: 'a value in matchExpressions with a bad character',
      code: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: fire\nspec:\n  selector:\n    matchExpressions:\n      - {key: app, operator: In, values: ["a b"]}\n',
      errors: [{ messageId: 'value', line: 8, column: 43 }],
    },
  ],
});
