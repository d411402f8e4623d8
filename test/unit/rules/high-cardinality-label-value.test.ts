import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'high-cardinality-label-value';
const fixtures = ruleFixtures(RULE);

const configMap = (metadata: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: fire\n${metadata}data: {}\n`;

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'a templated value', code: configMap('  labels:\n    build: "{{ .Values.sha }}"\n') }],
  invalid: [
    fixtures.invalid('fire-commit-and-timestamp.yaml', {
      errors: [
        { messageId: 'shaped', data: { key: 'git-commit', shape: 'a commit hash' }, line: 7, column: 17 },
        { messageId: 'shaped', data: { key: 'deployed-at', shape: 'a timestamp' }, line: 19, column: 22 },
      ],
    }),
    fixtures.invalid('fire-selected.yaml', {
      errors: [
        {
          messageId: 'selected',
          data: { key: 'run-id', shape: 'a UUID', selector: 'spec.selector.matchLabels' },
          line: 14,
          column: 17,
        },
      ],
    }),
    {
      name: 'the only label: the map becomes the annotations',
      code: configMap('  labels:\n    client: 10.0.12.7\n'),
      errors: [{ messageId: 'shaped', data: { key: 'client', shape: 'an IP address' }, line: 6, column: 13 }],
      output: configMap('  annotations:\n    client: 10.0.12.7\n'),
    },
    {
      name: 'the only label, next to annotations: labels go, the pair joins the annotations',
      code: configMap('  labels:\n    owner: "jane.doe@example.com"\n  annotations:\n    a: b\n'),
      errors: [{ messageId: 'shaped', line: 6, column: 12 }],
      output: configMap('  annotations:\n    a: b\n    owner: "jane.doe@example.com"\n'),
    },
    {
      name: 'a flow map gets no fix',
      code: configMap('  labels: {app: web, id: x7Kp2QmZ9rT4}\n'),
      errors: [{ messageId: 'shaped', data: { key: 'id', shape: 'a random string' }, line: 5, column: 26 }],
      output: null,
    },
    {
      name: 'CRLF line endings',
      code: configMap('  labels:\r\n    app: web\r\n    started: "1714567890"\r\n').replace(/\n/g, '\r\n').replace(/\r\r/g, '\r'),
      errors: [{ messageId: 'shaped', data: { key: 'started', shape: 'a Unix timestamp' }, line: 7, column: 14 }],
      output: configMap('  labels:\r\n    app: web\r\n  annotations:\r\n    started: "1714567890"\r\n')
        .replace(/\n/g, '\r\n')
        .replace(/\r\r/g, '\r'),
    },
  ],
});
