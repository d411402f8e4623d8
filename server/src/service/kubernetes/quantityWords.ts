/**
 * Quantities in plain words, for hovers and messages: `250m` is 0.25 CPU, a quarter of
 * one vCPU; `1Gi` is 1,073,741,824 bytes, 1.07 GB. Exact arithmetic throughout (bigint
 * nano-units); only the "about" figures are rounded, and they say so.
 */
import { NANOS_PER_UNIT } from './quantity';
import type { QuantityResource } from './quantitySuggestions';

/** The exact decimal value of a nano-unit count: 250000000n → "0.25". */
export function exactDecimal(nanos: bigint): string {
  const negative = nanos < 0n;
  const magnitude = negative ? -nanos : nanos;
  const whole = magnitude / NANOS_PER_UNIT;
  const fraction = (magnitude % NANOS_PER_UNIT).toString().padStart(9, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${groupDigits(whole.toString())}${fraction ? `.${fraction}` : ''}`;
}

/** 1073741824 → "1,073,741,824". */
export function groupDigits(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

const COMMON_FRACTIONS: readonly [bigint, string][] = [
  [500_000_000n, 'half of one'],
  [250_000_000n, 'a quarter of one'],
  [750_000_000n, 'three quarters of one'],
  [100_000_000n, 'a tenth of one'],
  [200_000_000n, 'a fifth of one'],
  [125_000_000n, 'an eighth of one'],
];

/** "0.25 CPU: a quarter of one vCPU / core / hyperthread". */
export function describeCpu(nanos: bigint): string {
  const value = `${exactDecimal(nanos)} CPU`;
  const unit = 'vCPU / core / hyperthread';
  const common = COMMON_FRACTIONS.find(([fraction]) => fraction === nanos);
  if (common) return `${value}: ${common[1]} ${unit}`;
  if (nanos > 0n && nanos < NANOS_PER_UNIT) {
    return `${value}: ${percent(nanos, NANOS_PER_UNIT)} of one ${unit}`;
  }
  if (nanos === NANOS_PER_UNIT) return `${value}: one whole ${unit}`;
  return `${value}: ${exactDecimal(nanos)} × one ${unit}`;
}

const DECIMAL_UNITS: readonly [bigint, string][] = [
  [10n ** 18n, 'EB'],
  [10n ** 15n, 'PB'],
  [10n ** 12n, 'TB'],
  [10n ** 9n, 'GB'],
  [10n ** 6n, 'MB'],
  [10n ** 3n, 'kB'],
];
const BINARY_UNITS: readonly [bigint, string][] = [
  [2n ** 60n, 'EiB'],
  [2n ** 50n, 'PiB'],
  [2n ** 40n, 'TiB'],
  [2n ** 30n, 'GiB'],
  [2n ** 20n, 'MiB'],
  [2n ** 10n, 'KiB'],
];

/** "1,073,741,824 bytes = 1.07 GB = 1 GiB"; a fraction of a byte is called out. */
export function describeBytes(nanos: bigint): string {
  const bytes = `${exactDecimal(nanos)} bytes`;
  if (nanos > 0n && nanos < NANOS_PER_UNIT) return `${bytes}: less than one byte`;
  const whole = nanos / NANOS_PER_UNIT;
  const parts = [bytes];
  const decimal = DECIMAL_UNITS.find(([size]) => whole >= size);
  if (decimal) parts.push(`${approximately(whole, decimal[0])} ${decimal[1]}`);
  const binary = BINARY_UNITS.find(([size]) => whole >= size);
  if (binary) parts.push(`${approximately(whole, binary[0])} ${binary[1]}`);
  return parts.join(' = ');
}

/** A short size for lists: "1.5 GiB", "about 1.56 GiB", "512 bytes". */
export function shortBytes(nanos: bigint): string {
  const whole = nanos / NANOS_PER_UNIT;
  const binary = BINARY_UNITS.find(([size]) => whole >= size);
  return binary ? `${approximately(whole, binary[0])} ${binary[1]}` : `${exactDecimal(nanos)} bytes`;
}

/** value / size to two decimals, marked "about" when it is not exact. */
function approximately(value: bigint, size: bigint): string {
  const hundredths = (value * 100n + size / 2n) / size;
  const text = `${hundredths / 100n}.${(hundredths % 100n).toString().padStart(2, '0')}`.replace(/\.?0+$/, '');
  return (value * 100n) % size === 0n ? text : `about ${text}`;
}

function percent(part: bigint, whole: bigint): string {
  const tenths = (part * 1000n) / whole;
  return `${tenths / 10n}${tenths % 10n === 0n ? '' : `.${tenths % 10n}`}%`;
}

/** An amount of a resource in full words: "0.25 CPU: a quarter of one …", "1,073,741,824 bytes = …". */
export function describeAmount(nanos: bigint, resource: QuantityResource): string {
  if (resource === 'cpu') return describeCpu(nanos);
  if (resource === 'memory' || resource === 'storage') return describeBytes(nanos);
  return exactDecimal(nanos);
}

/** An amount for lists and messages: "0.25 CPU", "about 1.56 GiB", "3". */
export function shortAmount(nanos: bigint, resource: QuantityResource): string {
  if (resource === 'cpu') return `${exactDecimal(nanos)} CPU`;
  return resource === 'memory' || resource === 'storage' ? shortBytes(nanos) : exactDecimal(nanos);
}
