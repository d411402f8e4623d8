import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'invalid-prometheus-flag';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-flags.yaml', {
      errors: [
        { messageId: 'invalid', message: /retention.time=15 days is not valid: spaces/, line: 20, column: 45, endColumn: 52 },
        { messageId: 'invalid', message: /write 50GiB/, line: 21, column: 46, endColumn: 50 },
        { messageId: 'invalid', message: /--query.max-samples=5e7 is not valid: it is not a whole number/, line: 23, column: 16 },
      ],
    }),
  ],
});
