/**
 * memory-decimal-suffix: a hint on memory and storage written with a decimal suffix
 * (`1G`, `500M`, or an exponent such as `1e9`), which is up to 13% less than the binary
 * amount (`1Gi`, `500Mi`) people usually mean. The fix changes the value, so fix-all
 * never applies it.
 */
import { NANOS_PER_UNIT } from '../../kubernetes/quantity';
import type { Quantity } from '../../kubernetes/quantity';
import { exactDecimal } from '../../kubernetes/quantityWords';
import { changeTo, containerOf, exactQuantities, memorySlip, someFixes } from './quantityChecks';
import { defineRule } from '../api/ruleTypes';

/** Decimal suffixes in order of their power of 1000, and their binary siblings. */
const DECIMAL = ['k', 'M', 'G', 'T', 'P', 'E'] as const;
const BINARY = ['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

export const memoryDecimalSuffix = defineRule(
  {
    id: 'memory-decimal-suffix',
    type: 'suggestion',
    defaultSeverity: 'information',
    scope: { all: true },
    description: 'Memory and storage are written with binary suffixes (Mi, Gi), not decimal ones (M, G).',
    why: 'Kubernetes has two families of size suffixes: k, M, G, T, P and E count in powers of 1000, Ki, Mi, Gi, Ti, Pi and Ei in powers of 1024. `1G` is 1,000,000,000 bytes; `1Gi` is 1,073,741,824, 7% more, and the gap grows to 13% at E. Memory is reported in binary units (kubectl top, node allocatable, cgroup limits), so a limit written as `1G` leaves less headroom than the "1 GiB" on the dashboard suggests, and the container is OOM-killed at 954Mi. Cloud disk CSI drivers usually provision whole GiB, so a `10G` claim gets a 10Gi disk and the manifest no longer says what was provisioned.',
    remediation: 'Write memory and storage with binary suffixes (Ki, Mi, Gi), choosing the amount you mean.',
    equivalents: [],
    messages: {
      decimal:
        "'{{text}}' is {{decimalBytes}} bytes, {{percent}} less than '{{binary}}' ({{binaryBytes}} bytes): k, M and G count in powers of 1000, Ki, Mi and Gi in powers of 1024.",
    },
    fixable: true,
  },
  (context) => {
    for (const parsed of exactQuantities(context.object)) {
      const { field, text, quantity } = parsed;
      if (field.resource !== 'memory' && field.resource !== 'storage') continue;
      if (quantity.nanos <= 0n || memorySlip(context.object, parsed)) continue;
      const binary = binarySibling(quantity);
      if (!binary) continue;
      const binaryBytes = exactDecimal(binary.nanos);
      // A fraction of a byte (`1.1Gi`) is not an amount anyone means: then no fix.
      const whole = binary.nanos % NANOS_PER_UNIT === 0n;
      const fix = whole
        ? changeTo(context, field, binary.text, {
            title: `Change to ${binary.text} (${binaryBytes} bytes)`,
            changesMeaning: true,
          })
        : undefined;
      context.report({
        node: field.value ?? field.pair,
        messageId: 'decimal',
        data: {
          text,
          decimalBytes: exactDecimal(quantity.nanos),
          percent: percentLess(quantity.nanos, binary.nanos),
          binary: binary.text,
          binaryBytes,
        },
        fixes: someFixes(fix),
        ...containerOf(context.object, field),
      });
    }
  },
);

/**
 * The same number with the binary suffix: `1.5G` → `1.5Gi`; an exponent is read as the
 * decimal suffix it equals (`1e9` → `1G` → `1Gi`, `5e8` → `500M` → `500Mi`).
 */
function binarySibling(quantity: Quantity): { text: string; nanos: bigint } | undefined {
  const number = quantity.number.replace(/^\+/, '');
  let power = DECIMAL.indexOf(quantity.suffix as (typeof DECIMAL)[number]) + 1;
  let digits = number;
  if (quantity.format === 'DecimalExponent') {
    const exponent = Number(quantity.suffix.slice(1));
    power = Math.min(Math.floor(exponent / 3), DECIMAL.length);
    if (power < 1 || exponent - power * 3 > 2) return undefined;
    digits = shiftDecimal(number, exponent - power * 3);
  }
  const suffix = BINARY[power - 1];
  if (power < 1 || suffix === undefined) return undefined;
  const [whole = '', fraction = ''] = digits.split('.');
  const numerator = BigInt(`${whole}${fraction}` || '0') * 1024n ** BigInt(power) * NANOS_PER_UNIT;
  const denominator = 10n ** BigInt(fraction.length);
  if (numerator % denominator !== 0n) return undefined;
  return { text: `${digits}${suffix}`, nanos: numerator / denominator };
}

/** Moves the decimal point right: ("2.5", 2) → "250", ("1", 1) → "10". */
function shiftDecimal(number: string, places: number): string {
  const [whole = '', fraction = ''] = number.split('.');
  const padded = fraction.padEnd(places, '0');
  const moved = `${whole}${padded.slice(0, places)}`.replace(/^0+(?=\d)/, '') || '0';
  const rest = padded.slice(places);
  return rest ? `${moved}.${rest}` : moved;
}

/** (binary - decimal) / binary, to one decimal: 1G vs 1Gi → "6.9%". */
function percentLess(decimal: bigint, binary: bigint): string {
  const tenths = ((binary - decimal) * 1000n + binary / 2n) / binary;
  return `${tenths / 10n}.${tenths % 10n}%`;
}
