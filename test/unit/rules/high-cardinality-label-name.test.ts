import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'high-cardinality-label-name';
const fixtures = ruleFixtures(RULE);

const configMap = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n  labels:\n${labels}data: {}\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    {
      name: 'the list is an option: an empty list reports nothing',
      code: configMap('    user_id: a\n'),
      options: { labels: { highCardinalityNames: [] } },
    },
  ],
  invalid: [
    fixtures.invalid('fire-request-and-user.yaml', {
      errors: [
        { messageId: 'named', data: { key: 'userId', name: 'user_id' }, line: 7, column: 5 },
        { messageId: 'named', data: { key: 'example.com/request-id', name: 'request_id' }, line: 16, column: 9 },
      ],
    }),
    {
      name: 'names of your own',
      code: configMap('    app: a\n    tenant: acme\n'),
      options: { labels: { highCardinalityNames: ['tenant'] } },
      errors: [{ messageId: 'named', data: { key: 'tenant', name: 'tenant' }, line: 7, column: 5 }],
      output: configMap('    app: a\n').replace('data: {}', '  annotations:\n    tenant: acme\ndata: {}'),
    },
    {
      name: 'a label a selector reads gets no fix',
      code: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: fire\nspec:\n  selector:\n    matchLabels: {session: s}\n  template:\n    metadata:\n      labels:\n        session: s\n    spec:\n      containers: [{name: a, image: a:1}]\n',
      errors: [{ messageId: 'selected', line: 11, column: 9 }],
    },
  ],
});
