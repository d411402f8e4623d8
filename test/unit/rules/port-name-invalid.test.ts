import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'port-name-invalid';
const fixtures = ruleFixtures(RULE);
const pod = (name: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n    - name: c\n      image: nginx:1.27\n      ports:\n        - {name: ${name}, containerPort: 80}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'fifteen characters', code: pod('abcdefghijklmno') },
    { name: 'letters and digits', code: pod('h2c') },
  ],
  invalid: [
    fixtures.invalid('fire-names.yaml', {
      errors: [
        {
          messageId: 'ianaName',
          data: { name: 'http-metrics-port', reason: 'it has 17 characters (at most 15)' },
          line: 16,
          column: 21,
        },
        {
          messageId: 'ianaName',
          data: { name: 'HTTP', reason: 'only lowercase letters, digits and - are allowed' },
          line: 18,
          column: 21,
        },
        { messageId: 'serviceName', data: { name: 'Web_Port' }, line: 28, column: 7 },
        { messageId: 'ianaName', data: { name: 'web--http', reason: 'it contains --' }, line: 30, column: 19 },
      ],
    }),
    {
      name: 'digits only',
      code: pod('"8080x"'.replace('x', '')),
      errors: [{ messageId: 'ianaName', data: { name: '8080', reason: 'it needs at least one letter' }, line: 9, column: 18 }],
    },
    {
      name: 'a leading dash',
      code: pod('-web'),
      errors: [{ messageId: 'ianaName', data: { name: '-web', reason: 'it starts or ends with -' }, line: 9, column: 18 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
