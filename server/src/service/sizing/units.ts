/**
 * The notations sizing inputs are written in, parsed exactly (bigint), each parser
 * returning a value or a reason in words for an input box or the CLI:
 *
 * - Prometheus durations (`15d`, `1h30m`, `500ms`), as Prometheus' model.ParseDuration reads
 *   them: units y w d h m s ms, largest first, each at most once; `y` is 365 days.
 * - Prometheus sizes (`500GB`, `1.5TB`), as `--storage.tsdb.retention.size` reads them:
 *   B KB MB GB TB PB EB are powers of **1024** (Prometheus' docs: "1KB is 1024B"); KiB … EiB
 *   are accepted as the same.
 * - Plain counts (`1700`) and decimals (`1.5`), with bounds so that an absurd value is a
 *   message, not a number nobody meant.
 *
 * (A Prometheus duration parser may also land under kubernetes/ or prometheus/ for the
 * PromQL rules; this one is kept small so the two can be merged.)
 */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(reason: string): Parsed<T> => ({ ok: false, reason });

const MS_PER: Record<string, bigint> = {
  y: 365n * 24n * 3_600_000n,
  w: 7n * 24n * 3_600_000n,
  d: 24n * 3_600_000n,
  h: 3_600_000n,
  m: 60_000n,
  s: 1_000n,
  ms: 1n,
};
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const DURATION_UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;
/** A century: past it a retention is a typo, and the arithmetic stays far from any limit. */
const MAX_DURATION_MS = 100n * MS_PER.y!;

/** A Prometheus duration in milliseconds; `0` alone is zero. */
export function parsePrometheusDuration(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('a duration is needed, e.g. 15s, 1h or 15d');
  if (trimmed === '0') return ok(0n);
  const match = DURATION.exec(trimmed);
  if (!match || match.slice(1).every((part) => part === undefined)) {
    return fail(
      `'${text}' is not a Prometheus duration: a number and a unit (y, w, d, h, m, s, ms), largest first, e.g. 15s, 1h30m or 15d`,
    );
  }
  let ms = 0n;
  DURATION_UNITS.forEach((unit, index) => {
    const part = match[index + 1];
    if (part !== undefined) ms += BigInt(part) * MS_PER[unit]!;
  });
  if (ms > MAX_DURATION_MS) return fail(`'${text}' is more than 100 years`);
  return ok(ms);
}

const SIZE = /^(\d+(?:\.\d+)?|\.\d+)(B|KB|MB|GB|TB|PB|EB|KiB|MiB|GiB|TiB|PiB|EiB)$/;
const SIZE_POWER: Record<string, bigint> = { B: 0n, K: 10n, M: 20n, G: 30n, T: 40n, P: 50n, E: 60n };

/** A Prometheus size in bytes (powers of 1024), rounded down to a whole byte; `0` alone is zero. */
export function parsePrometheusSize(text: string): Parsed<bigint> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('a size is needed, e.g. 500GB');
  if (trimmed === '0') return ok(0n);
  const match = SIZE.exec(trimmed);
  if (!match) {
    const hint = /^[\d.]+(Gi|Mi|Ti|Ki|G|M|T|K)$/.test(trimmed) ? ` (Prometheus writes ${trimmed.replace(/i$/, '')}B)` : '';
    return fail(
      `'${text}' is not a Prometheus size: a number and B, KB, MB, GB, TB, PB or EB (powers of 1024), e.g. 500GB${hint}`,
    );
  }
  const [, number = '', unit = ''] = match;
  const [whole = '', fraction = ''] = number.split('.');
  const shift = SIZE_POWER[unit.charAt(0)] ?? 0n;
  const scaled = (BigInt(`${whole || '0'}${fraction}`) << shift) / 10n ** BigInt(fraction.length);
  if (scaled > 2n ** 70n) return fail(`'${text}' is larger than any disk`);
  return ok(scaled);
}

/** A whole number from 0 (or `min`) to `max`; `1,700` and `1_700` are read as 1700. */
export function parseCount(text: string, { min = 0, max = 1e12 }: { min?: number; max?: number } = {}): Parsed<number> {
  const trimmed = text.trim().replace(/[,_](?=\d{3}(\D|$))/g, '');
  if (trimmed === '') return fail('a whole number is needed');
  if (/^-/.test(trimmed)) return fail(`'${text}' is negative; a count is ${min} or more`);
  if (!/^\d+$/.test(trimmed)) {
    return /^\d*\.\d+$/.test(trimmed) ? fail(`'${text}' is not a whole number`) : fail(`'${text}' is not a number`);
  }
  const value = Number(trimmed);
  if (value < min) return fail(`'${text}' is below ${min}`);
  if (value > max) return fail(`'${text}' is more than ${max.toLocaleString('en-US')}, which no cluster has`);
  return ok(value);
}

export const NANOS = 1_000_000_000n;

/** A non-negative decimal with at most nine places, as nano-units: `1.5` → 1_500_000_000n. */
export function parseDecimalNanos(text: string, { max }: { max: number }): Parsed<bigint> {
  const trimmed = text.trim().replace(/[,_](?=\d{3}(\D|$))/g, '');
  if (trimmed === '') return fail('a number is needed');
  if (/^-/.test(trimmed)) return fail(`'${text}' is negative`);
  const match = /^(\d*)(?:\.(\d{1,9}))?$/.exec(trimmed);
  if (!match || (match[1] === '' && match[2] === undefined)) return fail(`'${text}' is not a number`);
  const nanos = BigInt(match[1] || '0') * NANOS + BigInt((match[2] ?? '').padEnd(9, '0') || '0');
  if (nanos > BigInt(max) * NANOS) return fail(`'${text}' is more than ${max.toLocaleString('en-US')}`);
  return ok(nanos);
}

/** Milliseconds in Prometheus' notation, largest units first: 1_296_000_000n → "15d". */
export function formatPrometheusDuration(ms: bigint): string {
  if (ms === 0n) return '0s';
  let rest = ms;
  let text = '';
  for (const unit of DURATION_UNITS) {
    const size = MS_PER[unit]!;
    // Weeks read worse than days for retention ("2w1d" vs "15d"): Prometheus prints days too.
    if (unit === 'w') continue;
    if (rest >= size) {
      text += `${rest / size}${unit}`;
      rest %= size;
    }
  }
  return text;
}

/** a / b rounded to the nearest whole number (half up), for non-negative bigints. */
export function divRound(a: bigint, b: bigint): bigint {
  return (a + b / 2n) / b;
}

/** a / b rounded up, for non-negative bigints. */
export function divCeil(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}
