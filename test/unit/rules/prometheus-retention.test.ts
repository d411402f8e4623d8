import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'prometheus-retention';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-retention.yaml', {
      errors: [
        { messageId: 'none', data: { name: 'fire-no-retention' }, line: 4, column: 3 },
        { messageId: 'tooLarge', data: { size: '95GB', share: 95, storage: '100Gi', max: '85 GiB' }, line: 14, column: 18 },
      ],
    }),
  ],
});
