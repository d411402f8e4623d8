/**
 * Prometheus' local storage, as its docs size it:
 *
 *   disk = retention_seconds × samples_per_second × bytes_per_sample
 *
 * with 1–2 bytes per sample after compression (1.5 the midpoint), and
 * samples/s = targets × series per target / scrape interval (+ what recording rules write).
 * Then what the volume must also hold: the write-ahead log (at least three 128 MiB segments,
 * and about the last two hours of samples), and headroom: retentionSize at most 80–85% of
 * the volume, since compaction briefly needs space beside the blocks it merges.
 *
 * Exact arithmetic: rates in nano-samples per second, sizes in bytes, all bigint.
 */
import { divCeil, NANOS } from './units';

export interface PrometheusStorageInputs {
  /** Samples per second in nano-units; or targets × series / interval. */
  rate: { samplesPerSecondNanos: bigint } | { targets: number; seriesPerTarget: number; intervalMs: bigint };
  /** Samples per second that recording rules add (nano-units). */
  recordingRulesNanos: bigint;
  retentionMs: bigint;
  /** Bytes per sample in nano-units (1.5 → 1_500_000_000n); the range shown is 1 to 2. */
  bytesPerSampleNanos: bigint;
  /** `retentionSize` (bytes), when set: Prometheus deletes blocks past it. */
  retentionSizeBytes?: bigint;
  /** The volume each replica has (bytes), when known. */
  volumeBytes?: bigint;
  replicas: number;
}

export const WAL_SEGMENT_BYTES = 128n * 2n ** 20n;
export const MIN_WAL_SEGMENTS = 3n;
/** The head block spans about two hours; the WAL holds at least that. */
export const WAL_SPAN_MS = 2n * 3_600_000n;
/** retentionSize at most 85% of the volume; 80% is what a new volume is sized for. */
export const MAX_RETENTION_SIZE_SHARE = 85n;
export const TARGET_RETENTION_SIZE_SHARE = 80n;
export const LOW_BYTES_PER_SAMPLE = NANOS;
export const HIGH_BYTES_PER_SAMPLE = 2n * NANOS;

export interface PrometheusStorage {
  /** Scraped samples per second (nano-units), before recording rules. */
  scrapedNanos: bigint;
  samplesPerSecondNanos: bigint;
  bytesPerHour: bigint;
  /** Disk for the retention at 1 B, the chosen bytes per sample, and 2 B. */
  disk: { low: bigint; chosen: bigint; high: bigint };
  walBytes: bigint;
  /** Blocks at the chosen bytes per sample plus the WAL, per replica. */
  neededBytes: bigint;
  /** The volume that holds `neededBytes` at 80% full. */
  recommendedVolumeBytes: bigint;
  /** retentionSize for the volume given, else for the recommended one (80%). */
  recommendedRetentionSizeBytes: bigint;
  /** How long retentionSize lasts at this rate (ms), when it is set. */
  retentionSizeLastsMs?: bigint;
  /** Whether the volume holds the retention: at 2 B, at the chosen rate only, or not. */
  volumeHolds?: 'yes' | 'chosen-only' | 'no';
  /** retentionSize as a share of the volume, in tenths of a percent. */
  retentionSizeShareTenths?: bigint;
  totalNeededBytes: bigint;
}

/** Disk for `ms` of samples at `rateNanos`/s and `bytesNanos` per sample, rounded up to a byte. */
export function diskFor(ms: bigint, rateNanos: bigint, bytesNanos: bigint): bigint {
  return divCeil(ms * rateNanos * bytesNanos, 1000n * NANOS * NANOS);
}

export function scrapedSamplesPerSecond(rate: PrometheusStorageInputs['rate']): bigint {
  if ('samplesPerSecondNanos' in rate) return rate.samplesPerSecondNanos;
  if (rate.intervalMs <= 0n) return 0n;
  // targets × series / (interval in s), in nano-units: × 10^9 × 1000 / ms, rounded to the nearest.
  const numerator = BigInt(rate.targets) * BigInt(rate.seriesPerTarget) * NANOS * 1000n;
  return (numerator + rate.intervalMs / 2n) / rate.intervalMs;
}

export function prometheusStorage(inputs: PrometheusStorageInputs): PrometheusStorage {
  const scrapedNanos = scrapedSamplesPerSecond(inputs.rate);
  const rate = scrapedNanos + inputs.recordingRulesNanos;
  const disk = {
    low: diskFor(inputs.retentionMs, rate, LOW_BYTES_PER_SAMPLE),
    chosen: diskFor(inputs.retentionMs, rate, inputs.bytesPerSampleNanos),
    high: diskFor(inputs.retentionMs, rate, HIGH_BYTES_PER_SAMPLE),
  };
  const walFloor = MIN_WAL_SEGMENTS * WAL_SEGMENT_BYTES;
  const walSpan = diskFor(WAL_SPAN_MS, rate, inputs.bytesPerSampleNanos);
  const walBytes = walSpan > walFloor ? walSpan : walFloor;
  // retentionSize caps the blocks, whatever the retention time says.
  const blocks =
    inputs.retentionSizeBytes !== undefined && inputs.retentionSizeBytes > 0n && inputs.retentionSizeBytes < disk.chosen
      ? inputs.retentionSizeBytes
      : disk.chosen;
  const neededBytes = blocks + walBytes;
  const recommendedVolumeBytes = divCeil(neededBytes * 100n, TARGET_RETENTION_SIZE_SHARE);
  const volume = inputs.volumeBytes ?? recommendedVolumeBytes;
  const result: PrometheusStorage = {
    scrapedNanos,
    samplesPerSecondNanos: rate,
    bytesPerHour: diskFor(3_600_000n, rate, inputs.bytesPerSampleNanos),
    disk,
    walBytes,
    neededBytes,
    recommendedVolumeBytes,
    recommendedRetentionSizeBytes: (volume * TARGET_RETENTION_SIZE_SHARE) / 100n,
    totalNeededBytes: neededBytes * BigInt(inputs.replicas),
  };
  if (inputs.retentionSizeBytes !== undefined && inputs.retentionSizeBytes > 0n) {
    const perHour = diskFor(3_600_000n, rate, inputs.bytesPerSampleNanos);
    if (perHour > 0n) result.retentionSizeLastsMs = (inputs.retentionSizeBytes * 3_600_000n) / perHour;
  }
  if (inputs.volumeBytes !== undefined) {
    const fits = (bytes: bigint): boolean => bytes + walBytes <= volume;
    const capped = (bytes: bigint): bigint =>
      inputs.retentionSizeBytes && inputs.retentionSizeBytes > 0n && inputs.retentionSizeBytes < bytes
        ? inputs.retentionSizeBytes
        : bytes;
    result.volumeHolds = fits(capped(disk.high)) ? 'yes' : fits(capped(disk.chosen)) ? 'chosen-only' : 'no';
    if (inputs.retentionSizeBytes !== undefined && inputs.volumeBytes > 0n) {
      result.retentionSizeShareTenths = (inputs.retentionSizeBytes * 1000n) / inputs.volumeBytes;
    }
  }
  return result;
}
