import assert from 'node:assert/strict';
import { test } from 'node:test';
import { appPod } from '../../support/podManifest';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'duplicate-env-var';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-override-lost.yaml', {
      errors: [{ messageId: 'duplicate', data: { container: 'web', name: 'LOG_LEVEL' }, line: 18, column: 21 }],
    }),
    {
      name: 'three times: the first two have no effect, and the fixes leave the last',
      code: appPod(
        '      env:\n        - name: A\n          value: "1"\n        - name: A\n          value: "2"\n        - name: A\n          value: "3"\n',
      ),
      errors: [
        { messageId: 'duplicate', line: 10, column: 17 },
        { messageId: 'duplicate', line: 12, column: 17 },
      ],
      output: appPod('      env:\n        - name: A\n          value: "3"\n'),
    },
    {
      name: 'flow style and aliases are reported without a fix',
      code: appPod('      env: [{name: A, value: "1"}, {name: A, value: "2"}]\n'),
      errors: [{ messageId: 'duplicate', line: 9, column: 20 }],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => {
  assert.deepEqual(fixtures.unused(), []);
});
