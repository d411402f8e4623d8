import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'monitor-missing-limits';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-no-limits.yaml', {
      errors: [
        {
          messageId: 'missing',
          data: {
            kind: 'ServiceMonitor',
            name: 'fire-no-limits',
            missing: 'sampleLimit or labelLimit',
            suggested: 2800,
            perTarget: 700,
          },
          line: 4,
          column: 3,
        },
      ],
    }),
  ],
});
