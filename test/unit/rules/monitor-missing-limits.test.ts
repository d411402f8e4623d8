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
    fixtures.invalid('fire-prometheus-yml.yaml', {
      // On the characters of "node" inside the double-quoted string, escapes included.
      errors: [{ messageId: 'job', data: { job: 'node', suggested: 2800, perTarget: 700 }, line: 6, column: 51, endColumn: 59 }],
    }),
  ],
});
