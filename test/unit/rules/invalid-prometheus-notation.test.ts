import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseFlagSize,
  parseOperatorSize,
  parsePrometheusDuration,
} from '../../../server/src/service/kubernetes/prometheus/notation';
import { ruleFixtures, ruleTester } from '../../support/ruleTester';

const RULE = 'invalid-prometheus-notation';
const fixtures = ruleFixtures(RULE);

ruleTester.run(RULE, {
  valid: [...fixtures.valid],
  invalid: [
    fixtures.invalid('fire-durations-and-sizes.yaml', {
      errors: [
        { messageId: 'duration', message: /'interval: 30' .*without a unit/, line: 8, column: 17 },
        { messageId: 'duration', message: /spaces are not allowed/, line: 12, column: 16 },
        { messageId: 'duration', message: /fractions are not allowed/, line: 13, column: 28 },
        { messageId: 'duration', message: /lower case/, line: 25, column: 17 },
        { messageId: 'duration', message: /single letters/, line: 33, column: 14 },
        { messageId: 'size', message: /ends in B/, line: 34, column: 18 },
      ],
    }),
  ],
});

test('Prometheus durations and sizes', () => {
  assert.deepEqual(parsePrometheusDuration('1h30m'), { ok: true, value: 5_400_000 });
  assert.deepEqual(parsePrometheusDuration('0'), { ok: true, value: 0 });
  assert.equal(parsePrometheusDuration('30m1h').ok, false);
  assert.equal(parsePrometheusDuration('').ok, false);
  assert.equal(parsePrometheusDuration('1'.repeat(1000)).ok, false);
  assert.deepEqual(parseOperatorSize('1.5KB'), { ok: true, value: 1536 });
  assert.deepEqual(parseOperatorSize('2GiB'), { ok: true, value: 2 * 1024 ** 3 });
  assert.equal(parseOperatorSize('50G').ok, false);
  assert.equal(parseFlagSize('0').ok, false);
  assert.deepEqual(parseFlagSize('512MB'), { ok: true, value: 512 * 1024 ** 2 });
});
