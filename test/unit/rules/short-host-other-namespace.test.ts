import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'short-host-other-namespace';
const fixtures = ruleFixtures(RULE);
const service = (namespace: string) =>
  `apiVersion: v1\nkind: Service\nmetadata: {name: db, namespace: ${namespace}}\nspec:\n  ports: [{port: 5432}]\n`;
const CONFIG = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings, namespace: shop}\ndata:\n  DB: db:5432\n';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'no Service of that name', code: CONFIG },
    { name: 'the Service in the same namespace, in another file', code: CONFIG, otherFiles: [{ code: service('shop') }] },
    {
      name: 'the value names no namespace',
      code: CONFIG.replace(', namespace: shop', ''),
      otherFiles: [{ code: service('data') }],
    },
  ],
  invalid: [
    fixtures.invalid('fire-env.yaml', {
      errors: [
        {
          messageId: 'otherNamespace',
          data: { host: 'postgres', namespaces: "'data'", namespace: 'shop', suggestion: 'postgres.data.svc.cluster.local' },
          line: 27,
          column: 22,
        },
        { messageId: 'otherNamespace', line: 35, column: 29 },
      ],
    }),
    {
      name: 'the Service in another file and namespace',
      code: CONFIG,
      otherFiles: [{ code: service('data') }],
      errors: [{ messageId: 'otherNamespace', line: 5, column: 7 }],
      output: CONFIG.replace('db:5432', 'db.data.svc.cluster.local:5432'),
    },
    {
      name: 'two namespaces have one: no fix',
      code: CONFIG,
      otherFiles: [{ code: service('data') }, { code: service('legacy') }],
      errors: [
        {
          messageId: 'otherNamespace',
          data: {
            host: 'db',
            namespaces: "'data', 'legacy'",
            namespace: 'shop',
            suggestion: '<service>.<namespace>.svc.cluster.local',
          },
          line: 5,
          column: 7,
        },
      ],
      output: null,
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
