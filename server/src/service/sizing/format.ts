/**
 * Numbers for people, exact where it matters: sizes both in decimal units (the seed's
 * "0.54 GB per hour") and binary ones (what a PersistentVolumeClaim writes), rates and
 * counts with digit groups, and "about" wherever rounding happened.
 */
import { groupDigits } from '../kubernetes/quantityWords';
import { NANOS } from './units';

const DECIMAL: readonly [bigint, string][] = [
  [10n ** 15n, 'PB'],
  [10n ** 12n, 'TB'],
  [10n ** 9n, 'GB'],
  [10n ** 6n, 'MB'],
  [10n ** 3n, 'kB'],
];
const BINARY: readonly [bigint, string][] = [
  [2n ** 50n, 'PiB'],
  [2n ** 40n, 'TiB'],
  [2n ** 30n, 'GiB'],
  [2n ** 20n, 'MiB'],
  [2n ** 10n, 'KiB'],
];

/** value / size with up to `places` decimals, trailing zeros dropped; "about" when rounded. */
export function ratio(value: bigint, size: bigint, places = 2): { text: string; exact: boolean } {
  const scale = 10n ** BigInt(places);
  const scaled = (value * scale + size / 2n) / size;
  const whole = groupDigits((scaled / scale).toString());
  const fraction = places > 0 ? (scaled % scale).toString().padStart(places, '0').replace(/0+$/, '') : '';
  return { text: fraction ? `${whole}.${fraction}` : whole, exact: (value * scale) % size === 0n };
}

function about({ text, exact }: { text: string; exact: boolean }): string {
  return exact ? text : `about ${text}`;
}

/** "0.54 GB" or "about 1.23 TB" (decimal units). */
export function decimalBytes(bytes: bigint): string {
  // From half a unit up: 540 MB is "0.54 GB" (as the seed writes it), 154 GB stays in GB.
  const unit = DECIMAL.find(([size]) => bytes >= size / 2n) ?? DECIMAL[DECIMAL.length - 1]!;
  if (bytes < 1000n) return `${groupDigits(bytes.toString())} bytes`;
  return `${about(ratio(bytes, unit[0]))} ${unit[1]}`;
}

/** "about 502.9 MiB" (binary units, as a volume claim is written). */
export function binaryBytes(bytes: bigint): string {
  const unit = BINARY.find(([size]) => bytes >= size) ?? BINARY[BINARY.length - 1]!;
  if (bytes < 1024n) return `${groupDigits(bytes.toString())} bytes`;
  return `${about(ratio(bytes, unit[0]))} ${unit[1]}`;
}

/** Both, decimal first: "0.54 GB (about 515 MiB)". */
export function bytesInWords(bytes: bigint): string {
  const decimal = decimalBytes(bytes);
  const binary = binaryBytes(bytes);
  return decimal === binary ? decimal : `${decimal} (${binary.replace(/^about /, '≈ ')})`;
}

/** A nano-unit amount with digit groups: 79_333_333_333_333n → "about 79,333.33". */
export function nanosInWords(nanos: bigint, places = 2): string {
  return about(ratio(nanos, NANOS, places));
}

/** 1700 → "1,700". */
export function count(value: number | bigint): string {
  return groupDigits(value.toString());
}

/** A nano-unit amount as a JavaScript number, for JSON and charts (display text stays exact). */
export function nanosToNumber(nanos: bigint): number {
  return Number(nanos / NANOS) + Number(nanos % NANOS) / 1e9;
}

/** A percentage with one decimal: 0.8 → "80%", 0.8333 → "about 83.3%". */
export function percent(part: bigint, whole: bigint): string {
  if (whole === 0n) return '—';
  return `${about(ratio(part * 100n, whole, 1))}%`;
}
