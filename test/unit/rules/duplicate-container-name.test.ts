import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'duplicate-container-name';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-sidecar-and-init.yaml', {
      errors: [
        { messageId: 'duplicate', data: { kind: 'container', name: 'web', earlierKind: 'init container' }, line: 18, column: 17 },
        { messageId: 'duplicate', data: { kind: 'container', name: 'proxy', earlierKind: 'container' }, line: 22, column: 17 },
        {
          messageId: 'duplicate',
          data: { kind: 'ephemeral container', name: 'app', earlierKind: 'container' },
          line: 34,
          column: 13,
        },
      ],
      output: null,
    }),
    {
      name: 'a container repeated through an alias is reported on the alias',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: fire\nspec:\n  containers:\n    - &app\n      name: app\n      image: app:1\n    - *app\n',
      errors: [{ messageId: 'duplicate', line: 10, column: 7 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
