import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'alert-label-templated-value';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-value-in-labels.yaml', {
      errors: [
        { messageId: 'value', data: { key: 'usage' }, line: 13, column: 20 },
        { messageId: 'value', data: { key: 'current' }, line: 17, column: 22 },
      ],
    }),
  ],
});
