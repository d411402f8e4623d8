/**
 * Durations and sizes in Prometheus notation, as Prometheus (model.ParseDuration,
 * units.ParseBase2Bytes) and the Prometheus Operator's CRD patterns read them.
 */

/** `1y2w3d4h5m6s7ms`: units largest first, each at most once; `0` alone is zero. */
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNIT_MS = [365 * 86_400_000, 7 * 86_400_000, 86_400_000, 3_600_000, 60_000, 1000, 1];

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

export const DURATION_FORMAT =
  'a number and a unit, largest unit first, each unit once: 30s, 5m, 1h30m, 15d, 1y (units y, w, d, h, m, s, ms)';

/** Milliseconds of a Prometheus duration. */
export function parsePrometheusDuration(text: string): Parsed<number> {
  if (text === '0') return { ok: true, value: 0 };
  if (text.length === 0) return { ok: false, reason: 'it is empty' };
  if (text.length > 64) return { ok: false, reason: 'it is not a duration' };
  const match = DURATION.exec(text);
  if (!match) return { ok: false, reason: durationReason(text) };
  let total = 0;
  for (const [index, part] of match.slice(1).entries()) if (part !== undefined) total += Number(part) * (UNIT_MS[index] ?? 0);
  return { ok: true, value: total };
}

function durationReason(text: string): string {
  if (/^\d+(\.\d+)?$/.test(text)) return 'a number without a unit is not a duration (write 30s, 5m)';
  if (/\d\.\d/.test(text)) return 'fractions are not allowed (write 1h30m, not 1.5h)';
  if (/\s/.test(text)) return 'spaces are not allowed';
  if (/[A-Z]/.test(text)) return 'units are lower case (s, m, h, d, w, y)';
  if (/\d+(sec|min|hr|hour|day|days|mins|secs)/i.test(text)) return 'units are single letters (s, m, h, d, w, y) or ms';
  if (/[^0-9ywdhms]/.test(text)) return 'it holds characters that are no unit';
  return 'units must come largest first, each at most once';
}

/** Bytes of an operator `retentionSize` (`512MB`, `50GiB`, `1.5TB`): the CRD's pattern. */
const OPERATOR_SIZE = /^(?:0|(\d*\.)?\d+(?:([KMGTPE])(i?))?B)$/;
const POWERS: Readonly<Record<string, number>> = { K: 1, M: 2, G: 3, T: 4, P: 5, E: 6 };

export const SIZE_FORMAT = 'a number and a unit ending in B: 512MB, 50GB, 1.5TB (B, KB, MB, GB, TB, PB, EB; powers of 1024)';

export function parseOperatorSize(text: string): Parsed<number> {
  if (text.length > 64) return { ok: false, reason: 'it is not a size' };
  const match = OPERATOR_SIZE.exec(text);
  if (!match) return { ok: false, reason: sizeReason(text) };
  if (text === '0') return { ok: true, value: 0 };
  const number = Number.parseFloat(text);
  // Prometheus reads the size with units.ParseBase2Bytes: KB and KiB are both 1024 bytes.
  const power = match[2] ? (POWERS[match[2]] ?? 0) : 0;
  return { ok: true, value: number * 1024 ** power };
}

/** `--storage.tsdb.retention.size`: units.ParseBase2Bytes, which takes `KB` … `EB` and `B`. */
const FLAG_SIZE = /^(\d*\.)?\d+(?:([KMGTPE])i?)?B$/;

export function parseFlagSize(text: string): Parsed<number> {
  if (text.length > 64 || !FLAG_SIZE.test(text)) return { ok: false, reason: sizeReason(text) };
  return parseOperatorSize(text);
}

function sizeReason(text: string): string {
  if (/^\d+(\.\d+)?$/.test(text)) return 'a number without a unit is not a size (write 512MB, 50GB)';
  if (/^\d+(\.\d+)?[KMGTPE]i?$/.test(text)) return `the unit ends in B (write ${text}B)`;
  if (/\s/.test(text)) return 'spaces are not allowed';
  if (/[kmgtpe]i?b$/.test(text)) return 'units are upper case (MB, GB, TB)';
  return 'it is not a size';
}

/** A duration in words for messages: `15d`, `1h30m`. */
export function shortDuration(ms: number): string {
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1000],
  ] as const) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts.join('') || `${ms}ms`;
}
