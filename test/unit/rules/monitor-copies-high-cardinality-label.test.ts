import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'monitor-copies-high-cardinality-label';
const fixtures = ruleFixtures(RULE);

const monitor =
  'apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: fire\nspec:\n  selector:\n    matchLabels: {app: api}\n  targetLabels: [build]\n  endpoints:\n    - port: metrics\n';
const service = (build: string) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: api\n  labels:\n    app: api\n    build: "${build}"\nspec:\n  selector: {app: api}\n  ports: [{port: 80}]\n`;

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'a Service in another file with a bounded value', code: monitor, otherFiles: [{ code: service('stable') }] },
  ],
  invalid: [
    fixtures.invalid('fire-copies-commit.yaml', {
      errors: [
        {
          messageId: 'shaped',
          data: {
            key: 'git-commit',
            object: "Deployment 'checkout'",
            shape: 'a commit hash',
            value: '3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39',
          },
          line: 12,
          column: 7,
        },
        { messageId: 'named', data: { key: 'request_id', name: 'request_id' }, line: 13, column: 7 },
      ],
    }),
    {
      name: 'a Service in another file gives the label a timestamp',
      code: monitor,
      otherFiles: [{ code: service('20240501123000') }],
      errors: [
        { messageId: 'shaped', message: /Service 'api' gives it a value that looks like a timestamp/, line: 8, column: 18 },
      ],
    },
  ],
});
