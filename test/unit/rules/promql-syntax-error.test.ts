import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readPromql } from '../../../server/src/service/kubernetes/prometheus/promql';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'promql-syntax-error';
const fixtures = ruleFixtures(RULE);

const rule = (expr: string) =>
  `apiVersion: monitoring.coreos.com/v1\nkind: PrometheusRule\nmetadata:\n  name: fire\nspec:\n  groups:\n    - name: g\n      rules:\n        - record: r\n          expr: ${expr}\n`;

ruleTester.run(RULE, {
  valid: [...fixtures.valid, { name: 'a number is an expression', code: rule('1') }],
  invalid: [
    fixtures.invalid('fire-rules.yaml', {
      errors: [
        { messageId: 'syntax', data: { near: "'by'" }, line: 10, column: 64, endLine: 10, endColumn: 66 },
        { messageId: 'syntax', data: { near: "')'" }, line: 15, column: 77, endColumn: 78 },
        { messageId: 'syntax', line: 17, column: 22 },
      ],
    }),
    { name: 'an empty expression', code: rule('""'), errors: [{ messageId: 'empty', line: 10, column: 11 }] },
    {
      name: 'an error at the end of the expression',
      code: rule("'sum(rate(x[5m])'"),
      errors: [{ messageId: 'syntax', message: /the end of the expression/, line: 10, column: 32 }],
    },
  ],
});

test('hostile PromQL returns quickly and never throws', () => {
  const started = Date.now();
  for (const expr of [
    '('.repeat(20_000),
    `${'sum('.repeat(2000)}x${')'.repeat(2000)}`,
    'a+'.repeat(5000),
    '{'.repeat(50_000),
    `${'sum('.repeat(100)}x`,
  ]) {
    const read = readPromql(expr);
    assert.ok(read === undefined || Array.isArray(read.errors));
  }
  assert.equal(readPromql('x'.repeat(200_000)), undefined);
  assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`);
});
