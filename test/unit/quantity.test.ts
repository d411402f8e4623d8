// The quantity parser against a reference table drawn from the Kubernetes docs and
// apimachinery's behaviour, plus fast-check properties over the grammar.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { BINARY_SUFFIXES, DECIMAL_SUFFIXES, MAX_UNITS, parseQuantity } from '../../server/src/service/kubernetes/quantity';
import { suggestQuantities } from '../../server/src/service/kubernetes/quantitySuggestions';
import { describeBytes, describeCpu, exactDecimal } from '../../server/src/service/kubernetes/quantityWords';

const GIGA = 1_000_000_000n;

function nanos(text: string): bigint {
  const parsed = parseQuantity(text);
  assert.ok(parsed.ok, `'${text}' should parse: ${parsed.ok ? '' : parsed.error.reason}`);
  return parsed.quantity.nanos;
}

describe('parseQuantity: reference table', () => {
  // https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-memory
  test('the docs example: 128974848, 128974848000m and 123Mi are the same number of bytes', () => {
    assert.equal(nanos('128974848'), 128974848n * GIGA);
    assert.equal(nanos('128974848000m'), 128974848n * GIGA);
    assert.equal(nanos('123Mi'), 128974848n * GIGA);
    assert.equal(nanos('129e6'), 129_000_000n * GIGA);
    assert.equal(nanos('129M'), 129_000_000n * GIGA);
  });

  // https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#meaning-of-cpu
  test('CPU: 0.1 is 100m, 0.5 is 500m, and 0.1 + 0.2 is exactly 300m', () => {
    assert.equal(nanos('0.1'), nanos('100m'));
    assert.equal(nanos('0.5'), nanos('500m'));
    assert.equal(nanos('1'), nanos('1000m'));
    // Kubewise's sum, and the words a hover gives it: 0.3 exactly, where adding the
    // two as floating-point numbers gives 0.30000000000000004.
    const sum = nanos('0.1') + nanos('0.2');
    assert.equal(sum, nanos('300m'));
    assert.equal(sum, 300_000_000n);
    assert.equal(exactDecimal(sum), '0.3');
    assert.equal(describeCpu(sum), '0.3 CPU: 30% of one vCPU / core / hyperthread');
  });

  const valid: [string, bigint][] = [
    ['0', 0n],
    ['00', 0n],
    ['1.', GIGA],
    ['.5', 500_000_000n],
    ['+1', GIGA],
    ['-1', -GIGA],
    ['1n', 1n],
    ['1u', 1000n],
    ['1k', 1000n * GIGA],
    ['1E', 10n ** 18n * GIGA],
    ['1E3', 1000n * GIGA],
    ['1e+3', 1000n * GIGA],
    ['1e-3', 1_000_000n],
    ['1.5Ki', 1536n * GIGA],
    ['0.5Gi', 536_870_912n * GIGA],
    ['1Ei', 2n ** 60n * GIGA],
    ['9223372036854775807', MAX_UNITS * GIGA],
    ['1.G', 10n ** 9n * GIGA],
  ];
  for (const [text, expected] of valid) test(`'${text}' = ${expected}n`, () => assert.equal(nanos(text), expected));

  const invalid: [string, string][] = [
    ['', 'empty'],
    [' 1', 'whitespace'],
    ['1 Gi', 'whitespace'],
    ['100mi', 'unknown-suffix'],
    ['1gi', 'unknown-suffix'],
    ['1GB', 'unknown-suffix'],
    ['1.5cpu', 'unknown-suffix'],
    ['1K', 'unknown-suffix'],
    ['1Mi3', 'unknown-suffix'],
    ['0x10', 'unknown-suffix'],
    ['1.2.3', 'unknown-suffix'],
    ['1e', 'unknown-suffix'],
    ['1e1.5', 'bad-exponent'],
    ['1e3000000000', 'bad-exponent'],
    ['Gi', 'no-number'],
    ['e3', 'no-number'],
    ['--1', 'no-number'],
    ['+', 'no-number'],
    ['.', 'no-number'],
  ];
  for (const [text, kind] of invalid) {
    test(`'${text}' is invalid (${kind})`, () => {
      const parsed = parseQuantity(text);
      assert.equal(parsed.ok ? 'ok' : parsed.error.kind, kind);
    });
  }

  test('suffixes are case-sensitive, and the reason says which spelling exists', () => {
    const parsed = parseQuantity('100mi');
    assert.ok(!parsed.ok);
    assert.match(parsed.error.reason, /case-sensitive: 'Mi'/);
  });

  test('finer than 1n rounds up, away from zero, as the API server does', () => {
    for (const text of ['0.1n', '1e-10', '0.0000000001']) {
      const parsed = parseQuantity(text);
      assert.ok(parsed.ok && parsed.quantity.roundedUp && parsed.quantity.nanos === 1n, text);
    }
    assert.equal(nanos('-0.1n'), -1n);
    assert.equal(nanos('1.5n'), 2n);
    assert.equal(nanos('1e-2000000000'), 1n);
  });

  test('above 2^63-1 is capped, and huge exponents cost nothing', () => {
    for (const text of ['9223372036854775808', '8Ei', '1e19', '1e2000000000']) {
      const parsed = parseQuantity(text);
      assert.ok(parsed.ok && parsed.quantity.capped && parsed.quantity.nanos === MAX_UNITS * GIGA, text);
    }
    const sevenEi = parseQuantity('7Ei');
    assert.ok(sevenEi.ok && !sevenEi.quantity.capped);
  });

  test('a million-digit fraction parses without hanging', () => {
    const parsed = parseQuantity(`0.${'0'.repeat(5)}${'1'.repeat(1_000_000)}`);
    assert.ok(parsed.ok && parsed.quantity.roundedUp && parsed.quantity.nanos === 1112n);
  });
});

const decimalSuffix = fc.constantFrom(...Object.keys(DECIMAL_SUFFIXES));
const binarySuffix = fc.constantFrom(...Object.keys(BINARY_SUFFIXES));
const digits = fc.stringMatching(/^\d{1,12}$/);
const numberText = fc
  .tuple(fc.constantFrom('', '+', '-'), digits, fc.option(fc.stringMatching(/^\d{0,9}$/), { nil: undefined }))
  .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);

describe('parseQuantity: properties', () => {
  test('every string the grammar produces parses, and its nano value round-trips through an n suffix', () => {
    const suffix = fc.oneof(
      decimalSuffix,
      binarySuffix,
      fc.integer({ min: -12, max: 12 }).map((e) => `e${e}`),
    );
    fc.assert(
      fc.property(numberText, suffix, (number, suffixText) => {
        const parsed = parseQuantity(number + suffixText);
        assert.ok(parsed.ok, number + suffixText);
        const { nanos: value, capped } = parsed.quantity;
        if (!capped) assert.equal(nanos(`${value}n`), value);
      }),
    );
  });

  test('a decimal suffix is the same as its power of ten', () => {
    fc.assert(
      fc.property(numberText, decimalSuffix, (number, suffix) => {
        assert.equal(nanos(number + suffix), nanos(`${number}e${DECIMAL_SUFFIXES[suffix] ?? 0}`));
      }),
    );
  });

  test('a binary suffix multiplies a whole number by its power of two, exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 6n }), binarySuffix, (whole, suffix) => {
        const expected = whole * 2n ** BigInt(BINARY_SUFFIXES[suffix] ?? 0) * GIGA;
        const capped = expected > MAX_UNITS * GIGA ? MAX_UNITS * GIGA : expected;
        assert.equal(nanos(`${whole}${suffix}`), capped);
      }),
    );
  });

  test('a valid quantity with whitespace anywhere is invalid', () => {
    fc.assert(
      fc.property(numberText, decimalSuffix, fc.nat(), fc.constantFrom(' ', '\t', '\n'), (number, suffix, at, space) => {
        const text = number + suffix;
        const index = at % (text.length + 1);
        assert.equal(parseQuantity(text.slice(0, index) + space + text.slice(index)).ok, false);
      }),
    );
  });

  test('a binary suffix in any other case is invalid', () => {
    fc.assert(
      fc.property(digits, binarySuffix, fc.constantFrom('lower', 'upper', 'swap'), (number, suffix, change) => {
        const changed =
          change === 'lower'
            ? suffix.toLowerCase()
            : change === 'upper'
              ? suffix.toUpperCase()
              : `${suffix[0]?.toLowerCase()}${suffix[1]?.toUpperCase()}`;
        assert.equal(parseQuantity(number + changed).ok, false);
      }),
    );
  });

  test('any string at all: no throw, a result either way', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const parsed = parseQuantity(text);
        assert.equal(typeof parsed.ok, 'boolean');
      }),
    );
  });
});

describe('suggestions and words', () => {
  const cases: [string, 'cpu' | 'memory', string[]][] = [
    ['100mi', 'memory', ['100Mi']],
    ['1gi', 'memory', ['1Gi']],
    ['1GB', 'memory', ['1G', '1Gi']],
    ['512MiB', 'memory', ['512Mi']],
    ['1K', 'memory', ['1k', '1Ki']],
    ['1.5cpu', 'cpu', ['1.5']],
    ['2 cores', 'cpu', ['2']],
    ['500 m', 'cpu', ['500m']],
    ['250millicores', 'cpu', ['250m']],
    ['1,5', 'cpu', ['1.5']],
    ['lots', 'cpu', []],
  ];
  for (const [text, resource, expected] of cases) {
    test(`'${text}' (${resource}) → ${expected.join(', ') || 'nothing'}`, () =>
      assert.deepEqual(suggestQuantities(text, resource), expected));
  }

  test('hover words', () => {
    assert.equal(describeCpu(nanos('250m')), '0.25 CPU: a quarter of one vCPU / core / hyperthread');
    assert.equal(describeCpu(nanos('1500m')), '1.5 CPU: 1.5 × one vCPU / core / hyperthread');
    assert.equal(describeBytes(nanos('1Gi')), '1,073,741,824 bytes = about 1.07 GB = 1 GiB');
    assert.equal(describeBytes(nanos('512m')), '0.512 bytes: less than one byte');
    assert.equal(describeBytes(nanos('1G')), '1,000,000,000 bytes = 1 GB = about 953.67 MiB');
    assert.equal(exactDecimal(nanos('1n')), '0.000000001');
  });
});
