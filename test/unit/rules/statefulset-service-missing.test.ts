import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'statefulset-service-missing';
const fixtures = ruleFixtures(RULE);
const STATEFULSET =
  'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: db}\nspec:\n  serviceName: db\n  selector: {matchLabels: {app: db}}\n  template:\n    metadata: {labels: {app: db}}\n    spec:\n      containers: [{name: db, image: "postgres:16"}]\n';
const HEADLESS =
  'apiVersion: v1\nkind: Service\nmetadata: {name: db}\nspec:\n  clusterIP: None\n  selector: {app: db}\n  ports: [{port: 5432}]\n';

ruleTester.run(RULE, {
  valid: [
    ...fixtures.valid,
    { name: 'alone', code: STATEFULSET },
    { name: 'the headless Service in another file', code: STATEFULSET, otherFiles: [{ code: HEADLESS }] },
  ],
  invalid: [
    fixtures.invalid('fire-governing.yaml', {
      errors: [
        {
          messageId: 'missing',
          data: { service: 'db-headless', namespace: 'the namespace it is applied to' },
          line: 14,
          column: 3,
        },
        { messageId: 'notHeadless', line: 28, column: 3 },
      ],
    }),
    {
      name: 'another file declares a Service of another name',
      code: STATEFULSET,
      otherFiles: [{ code: HEADLESS.replace('name: db}', 'name: cache}') }],
      errors: [{ messageId: 'missing', line: 5, column: 3 }],
    },
  ],
});

test('every fire fixture has a case', () => assert.deepEqual(fixtures.unused(), []));
