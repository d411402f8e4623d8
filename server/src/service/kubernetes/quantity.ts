/**
 * Kubernetes resource quantities (apimachinery `resource.Quantity`), parsed exactly.
 *
 *   <quantity>     ::= <signedNumber><suffix>
 *   <signedNumber> ::= [+|-] ( <digits> | <digits>.<digits> | <digits>. | .<digits> )
 *   <suffix>       ::= Ki | Mi | Gi | Ti | Pi | Ei            (binary, powers of 1024)
 *                    | n | u | m | "" | k | M | G | T | P | E (decimal, powers of 1000)
 *                    | (e | E) [+|-] <digits>                (decimal exponent)
 *
 * Values are kept as an exact count of nano-units (10^-9) in a bigint, so `0.1` + `0.2`
 * CPU is exactly `300m`; floating point would make it 0.30000000000000004. Like the
 * API server, a non-zero value finer than 1n is rounded up (away from zero) to 1n, and
 * a magnitude above 2^63-1 units is capped; both are reported so a rule can say so.
 *
 * Where Go's hand-written scanner is more lenient than its own grammar, we follow the
 * grammar: it accepts "+", "-" and "." as zero, which nobody writes on purpose. An
 * exponent outside the int32 range is rejected (Go silently truncates it to int32).
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  text: string;
  /** Exact value in nano-units, after the API server's rounding and cap. */
  nanos: bigint;
  format: QuantityFormat;
  /** The number as written, sign included. */
  number: string;
  suffix: string;
  /** A non-zero value finer than 1n, rounded up to 1n by Kubernetes. */
  roundedUp: boolean;
  /** A magnitude above 2^63-1, capped by Kubernetes. */
  capped: boolean;
}

export type QuantityErrorKind = 'empty' | 'whitespace' | 'no-number' | 'unknown-suffix' | 'bad-exponent';

export interface QuantityError {
  kind: QuantityErrorKind;
  /** What is wrong, as a clause: "'mi' is not a suffix (suffixes are case-sensitive)". */
  reason: string;
}

export type QuantityParse = { ok: true; quantity: Quantity } | { ok: false; error: QuantityError };

export const NANOS_PER_UNIT = 1_000_000_000n;
/** The largest magnitude Kubernetes keeps: 2^63-1 units. */
export const MAX_UNITS = 2n ** 63n - 1n;
const MAX_NANOS = MAX_UNITS * NANOS_PER_UNIT;

/** Decimal suffixes and their power of ten. */
export const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
/** Binary suffixes and their power of two. */
export const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

/** A non-negative quantity as a JSON Schema pattern, for settings and config files (the parser is the real judge). */
export const QUANTITY_PATTERN = '^[+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([KMGTPE]i|[numkMGTPE]|[eE][+-]?[0-9]+)?$';

const NUMBER = /^([+-]?)(\d*)(?:\.(\d*))?/;
const EXPONENT = /^[eE]([+-]?\d+)$/;
const INT32_MAX = 2 ** 31 - 1;

export function parseQuantity(text: string): QuantityParse {
  if (text.length === 0) return fail('empty', 'the value is empty');
  if (/\s/.test(text)) return fail('whitespace', 'it contains whitespace, which quantities may not');
  const match = NUMBER.exec(text);
  const [numberText, sign, whole, fraction] = [match?.[0] ?? '', match?.[1] ?? '', match?.[2] ?? '', match?.[3]];
  if (whole.length === 0 && (fraction ?? '').length === 0) {
    return fail('no-number', `it does not start with a number`);
  }
  const suffix = text.slice(numberText.length);
  const scale = suffixScale(suffix);
  if (typeof scale === 'string')
    return fail(scale === 'bad-exponent' ? 'bad-exponent' : 'unknown-suffix', suffixReason(suffix, scale));

  const { nanos, roundedUp, capped } = exactNanos(sign === '-', whole, fraction ?? '', scale);
  return {
    ok: true,
    quantity: { text, nanos, format: scale.format, number: numberText, suffix, roundedUp, capped },
  };
}

interface SuffixScale {
  format: QuantityFormat;
  pow10: number;
  pow2: number;
}

function suffixScale(suffix: string): SuffixScale | 'unknown' | 'bad-exponent' {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined && Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { format: 'DecimalSI', pow10: decimal, pow2: 0 };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined && Object.hasOwn(BINARY_SUFFIXES, suffix)) return { format: 'BinarySI', pow10: 0, pow2: binary };
  const exponent = EXPONENT.exec(suffix);
  if (exponent) {
    const value = Number(exponent[1]);
    return Math.abs(value) > INT32_MAX ? 'bad-exponent' : { format: 'DecimalExponent', pow10: value, pow2: 0 };
  }
  return /^[eE][+-]?[\d.]/.test(suffix) ? 'bad-exponent' : 'unknown';
}

function suffixReason(suffix: string, problem: 'unknown' | 'bad-exponent'): string {
  if (problem === 'bad-exponent') return `'${suffix}' is not a valid exponent (e or E, then a whole number within ±2147483647)`;
  const lower = suffix.toLowerCase();
  const sameLetters = [...Object.keys(BINARY_SUFFIXES), ...Object.keys(DECIMAL_SUFFIXES)].filter(
    (known) => known !== '' && known.toLowerCase() === lower,
  );
  if (sameLetters.length > 0)
    return `'${suffix}' is not a suffix (suffixes are case-sensitive: ${sameLetters.map((s) => `'${s}'`).join(' or ')})`;
  return `'${suffix}' is not a suffix (valid: Ki Mi Gi Ti Pi Ei, n u m k M G T P E, or an exponent like e3)`;
}

/**
 * value = ±(whole.fraction) × 10^pow10 × 2^pow2, in nano-units. The bounds are checked
 * on digit counts before any power is taken, so `1e2000000000` costs nothing.
 */
function exactNanos(negative: boolean, whole: string, fraction: string, scale: SuffixScale) {
  const digits = (whole + fraction).replace(/^0+/, '');
  if (digits.length === 0) return { nanos: 0n, roundedUp: false, capped: false };
  const pow10 = scale.pow10 - fraction.length + 9;
  // The magnitude in nanos is below 10^(digits + pow10 + pow2·log10 2) and at least a tenth of it.
  const log10High = digits.length + pow10 + scale.pow2 * Math.log10(2);
  if (log10High > 30) return { nanos: negative ? -MAX_NANOS : MAX_NANOS, roundedUp: false, capped: true };
  if (log10High < -1) return { nanos: negative ? -1n : 1n, roundedUp: true, capped: false };

  let magnitude = BigInt(digits) << BigInt(scale.pow2);
  let roundedUp = false;
  if (pow10 >= 0) {
    magnitude *= 10n ** BigInt(pow10);
  } else {
    const divisor = 10n ** BigInt(-pow10);
    const remainder = magnitude % divisor;
    magnitude /= divisor;
    if (remainder !== 0n) {
      magnitude += 1n;
      roundedUp = true;
    }
  }
  const capped = magnitude > MAX_NANOS;
  if (capped) magnitude = MAX_NANOS;
  return { nanos: negative ? -magnitude : magnitude, roundedUp, capped };
}

function fail(kind: QuantityErrorKind, reason: string): QuantityParse {
  return { ok: false, error: { kind, reason } };
}

/** Whole units and the remainder in nanos, for display and comparison against integers. */
export function unitsOf(nanos: bigint): { units: bigint; nanos: bigint } {
  return { units: nanos / NANOS_PER_UNIT, nanos: nanos % NANOS_PER_UNIT };
}
