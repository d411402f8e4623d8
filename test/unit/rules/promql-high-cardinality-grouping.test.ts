import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'promql-high-cardinality-grouping';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-by-user.yaml', {
      errors: [
        {
          messageId: 'grouping',
          data: { operator: 'sum', label: 'user_id', name: 'user_id' },
          line: 10,
          column: 25,
          endColumn: 32,
        },
        { messageId: 'grouping', data: { operator: 'sum', label: 'path', name: 'path' }, line: 14, column: 27, endColumn: 31 },
      ],
    }),
  ],
});
