import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'externalname-invalid-name';
const fixtures = ruleFixtures(RULE);
const service = (rest: string) => `apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  type: ExternalName\n${rest}`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'an IP address is the other rule’s', code: service('  externalName: 10.0.0.1\n') },
    { name: 'templated', code: service('  externalName: "${DB_HOST}"\n') },
  ],
  invalid: [
    fixtures.invalid('fire-url.yaml', {
      errors: [
        { messageId: 'invalid', data: { value: 'https://DB.example.com:5432/app', reason: 'it is a URL' }, line: 7, column: 3 },
      ],
    }),
    {
      name: 'capitals are lowercased (DNS is case-insensitive)',
      code: service('  externalName: DB.Example.com\n'),
      errors: [{ messageId: 'invalid', data: { value: 'DB.Example.com', reason: 'it has capital letters' }, line: 7, column: 3 }],
      output: service('  externalName: db.example.com\n'),
    },
    {
      name: 'a label over 63 characters: no fix',
      code: service(`  externalName: ${'a'.repeat(64)}.example.com\n`),
      errors: [{ messageId: 'invalid', line: 7, column: 3 }],
      output: null,
    },
    { name: 'missing', code: service('  ports: [{port: 80}]\n'), errors: [{ messageId: 'missing', line: 6, column: 3 }] },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
