import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'controller-label-by-hand';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-template-and-selector.yaml', {
      errors: [
        {
          messageId: 'byHand',
          data: {
            key: 'pod-template-hash',
            owner: "the Deployment controller's hash of the pod template, set on each ReplicaSet and its pods",
          },
          line: 9,
          column: 7,
        },
        { messageId: 'byHand', line: 14, column: 9 },
      ],
    }),
    fixtures.invalid('fire-statefulset-template.yaml', { errors: [{ messageId: 'byHand', line: 14, column: 9 }] }),
  ],
});
