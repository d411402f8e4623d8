// Prometheus' duration and size notations and the plain inputs of the estimates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  formatPrometheusDuration,
  parseCount,
  parseDecimalNanos,
  parsePrometheusDuration,
  parsePrometheusSize,
} from '../../../server/src/service/sizing/units';
import type { Parsed } from '../../../server/src/service/sizing/units';

function value<T>(parsed: Parsed<T>): T {
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.reason);
  return parsed.value;
}

function reason<T>(parsed: Parsed<T>): string {
  assert.ok(!parsed.ok, 'expected a rejection');
  return parsed.reason;
}

test('durations as Prometheus reads them: largest unit first, y = 365d, w = 7d', () => {
  assert.equal(value(parsePrometheusDuration('15s')), 15_000n);
  assert.equal(value(parsePrometheusDuration('1h')), 3_600_000n);
  assert.equal(value(parsePrometheusDuration('15d')), 1_296_000_000n);
  assert.equal(value(parsePrometheusDuration('1h30m')), 5_400_000n);
  assert.equal(value(parsePrometheusDuration('2w')), 1_209_600_000n);
  assert.equal(value(parsePrometheusDuration('1y')), 31_536_000_000n);
  assert.equal(value(parsePrometheusDuration('500ms')), 500n);
  assert.equal(value(parsePrometheusDuration('0')), 0n);
});

test('durations Prometheus rejects are rejected with the notation in words', () => {
  for (const bad of ['15', '1.5h', '-1h', '1m1h', '15 d', '15D', 'abc', '1h1h']) {
    assert.match(reason(parsePrometheusDuration(bad)), /not a Prometheus duration/, bad);
  }
  assert.match(reason(parsePrometheusDuration('')), /needed/);
  assert.match(reason(parsePrometheusDuration('101y')), /more than 100 years/);
});

test('formatting a duration back: days, not weeks', () => {
  assert.equal(formatPrometheusDuration(1_296_000_000n), '15d');
  assert.equal(formatPrometheusDuration(5_400_000n), '1h30m');
  assert.equal(formatPrometheusDuration(0n), '0s');
});

test('sizes are powers of 1024, as Prometheus documents ("1KB is 1024B")', () => {
  assert.equal(value(parsePrometheusSize('500GB')), 500n * 2n ** 30n);
  assert.equal(value(parsePrometheusSize('1.5TB')), 1_649_267_441_664n);
  assert.equal(value(parsePrometheusSize('512MB')), 536_870_912n);
  assert.equal(value(parsePrometheusSize('1KiB')), 1024n);
  assert.equal(value(parsePrometheusSize('0')), 0n);
  assert.match(reason(parsePrometheusSize('500Gi')), /Prometheus writes 500GB/);
  assert.match(reason(parsePrometheusSize('500')), /not a Prometheus size/);
  assert.match(reason(parsePrometheusSize('-5GB')), /not a Prometheus size/);
  assert.match(reason(parsePrometheusSize('5000000EB')), /larger than any disk/);
});

test('counts and decimals: negative, non-numeric and absurd values get a reason', () => {
  assert.equal(value(parseCount('1700')), 1700);
  assert.equal(value(parseCount('1,700')), 1700);
  assert.match(reason(parseCount('-3')), /negative/);
  assert.match(reason(parseCount('ten')), /not a number/);
  assert.match(reason(parseCount('2.5')), /not a whole number/);
  assert.match(reason(parseCount('5', { min: 10 })), /below 10/);
  assert.match(reason(parseCount('1e15')), /not a number/);
  assert.match(reason(parseCount('99999999999999')), /which no cluster has/);
  assert.equal(value(parseDecimalNanos('1.5', { max: 16 })), 1_500_000_000n);
  assert.equal(value(parseDecimalNanos('100000', { max: 1e10 })), 100_000n * 1_000_000_000n);
  assert.match(reason(parseDecimalNanos('17', { max: 16 })), /more than 16/);
  assert.match(reason(parseDecimalNanos('-1', { max: 16 })), /negative/);
  assert.match(reason(parseDecimalNanos('1.5B', { max: 16 })), /not a number/);
});
