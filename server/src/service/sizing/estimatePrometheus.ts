/** `Kubewise: Estimate Prometheus Storage` and `kubewise size prometheus`. */
import { value } from './estimate';
import type { Estimate } from './estimate';
import type { FieldDefault } from './fields';
import { bytesInWords, count, decimalBytes, nanosInWords, nanosToNumber, percent } from './format';
import { monitorName, monitorTargets } from './monitorTargets';
import { diskFor, prometheusStorage } from './prometheusStorage';
import type { PrometheusStorageInputs } from './prometheusStorage';
import { row } from './report';
import type { ChartSpec, EstimateReport } from './report';
import { formatPrometheusDuration, NANOS, parsePrometheusDuration } from './units';
import { describeSource } from './workspace';
import type { SizingWorkspace } from './workspace';

const num = (bytes: bigint): number => Number(bytes);

export const prometheusEstimate: Estimate = {
  kind: 'prometheus',
  title: 'Prometheus storage',
  summary: 'Disk for a Prometheus: retention × samples/s × bytes per sample, plus WAL and headroom',
  notes:
    'Give the rate (--samples-per-second) or targets × series per target / interval. Files or folders read the\n' +
    "workspace's Prometheus objects (retention, retentionSize, storage, replicas) and ServiceMonitors/PodMonitors\n" +
    '(targets, intervals).',
  fields: [
    {
      name: 'samples-per-second',
      label: 'Samples per second',
      type: 'decimal',
      max: 1e10,
      optional: true,
      prompt: 'Ingested samples per second, e.g. 100000 (leave empty to compute it from targets)',
    },
    { name: 'targets', label: 'Targets', type: 'count', max: 1e8, optional: true, prompt: 'Scrape targets, e.g. 1700' },
    {
      name: 'series-per-target',
      label: 'Series per target',
      type: 'count',
      min: 1,
      max: 1e8,
      prompt: 'Series each target exposes, e.g. 700',
      fallback: { value: '700', reason: "the seed's worked example (1,700 targets × 700 series)" },
    },
    {
      name: 'interval',
      label: 'Scrape interval',
      type: 'duration',
      prompt: 'Scrape interval in Prometheus notation, e.g. 15s',
      fallback: { value: '30s', reason: "the Prometheus Operator's scrapeInterval" },
    },
    {
      name: 'recording-rules',
      label: 'Recording-rule samples per second',
      type: 'decimal',
      max: 1e10,
      prompt: 'Samples per second that recording rules write, e.g. 2000',
      fallback: { value: '0', reason: 'none given' },
    },
    {
      name: 'retention',
      label: 'Retention',
      type: 'duration',
      prompt: 'How long samples are kept, e.g. 15d',
      fallback: { value: '24h', reason: "the Prometheus Operator's retention" },
    },
    {
      name: 'bytes-per-sample',
      label: 'Bytes per sample',
      type: 'decimal',
      max: 16,
      prompt: 'Bytes per sample after compression: 1 to 2, e.g. 1.5',
      fallback: { value: '1.5', reason: "the midpoint of Prometheus' 1–2 bytes" },
    },
    {
      name: 'retention-size',
      label: 'Retention size',
      type: 'size',
      optional: true,
      prompt: 'retentionSize in Prometheus notation (powers of 1024), e.g. 400GB',
    },
    {
      name: 'volume',
      label: 'Volume per replica',
      type: 'storage',
      optional: true,
      prompt: "The volume's size as a Kubernetes quantity, e.g. 500Gi",
    },
    {
      name: 'replicas',
      label: 'Replicas',
      type: 'count',
      min: 1,
      max: 1000,
      prompt: 'Prometheus replicas (each stores everything), e.g. 2',
      fallback: { value: '1', reason: "the Prometheus Operator's default" },
    },
  ],
  defaults: prometheusDefaults,
  run(resolved, workspace): EstimateReport | { errors: Record<string, string> } {
    const samples = value<bigint>(resolved, 'samples-per-second');
    const targets = value<number>(resolved, 'targets');
    const interval = value<bigint>(resolved, 'interval') ?? 30_000n;
    if (samples === undefined && targets === undefined) {
      return {
        errors: { 'samples-per-second': 'Give samples per second, or targets (with series per target and an interval).' },
      };
    }
    if (samples === undefined && interval === 0n) return { errors: { interval: 'Scrape interval: it must be longer than 0s' } };
    const retentionMs = value<bigint>(resolved, 'retention') ?? 0n;
    const bytesPerSample = value<bigint>(resolved, 'bytes-per-sample') ?? 1_500_000_000n;
    if (bytesPerSample === 0n) return { errors: { 'bytes-per-sample': 'Bytes per sample: it must be more than 0' } };
    const volumeNanos = value<bigint>(resolved, 'volume');
    const inputs: PrometheusStorageInputs = {
      rate:
        samples !== undefined
          ? { samplesPerSecondNanos: samples }
          : { targets: targets ?? 0, seriesPerTarget: value<number>(resolved, 'series-per-target') ?? 0, intervalMs: interval },
      recordingRulesNanos: value<bigint>(resolved, 'recording-rules') ?? 0n,
      retentionMs,
      bytesPerSampleNanos: bytesPerSample,
      replicas: value<number>(resolved, 'replicas') ?? 1,
    };
    const retentionSize = value<bigint>(resolved, 'retention-size');
    if (retentionSize !== undefined) inputs.retentionSizeBytes = retentionSize;
    if (volumeNanos !== undefined) inputs.volumeBytes = volumeNanos / NANOS;
    return prometheusReport(inputs, samples === undefined, workspace);
  },
};

function prometheusReport(inputs: PrometheusStorageInputs, fromTargets: boolean, workspace: SizingWorkspace): EstimateReport {
  const result = prometheusStorage(inputs);
  const bps = nanosInWords(inputs.bytesPerSampleNanos);
  const rate = `${nanosInWords(result.samplesPerSecondNanos)} samples/s`;
  const retention = formatPrometheusDuration(inputs.retentionMs);
  const rows = [];
  if (fromTargets && 'targets' in inputs.rate) {
    const { targets, seriesPerTarget, intervalMs } = inputs.rate;
    rows.push(
      row(
        'scrapedSamplesPerSecond',
        'Scraped samples per second',
        nanosToNumber(result.scrapedNanos),
        nanosInWords(result.scrapedNanos),
        {
          unit: 'samples/s',
          detail: `${count(targets)} targets × ${count(seriesPerTarget)} series / ${formatPrometheusDuration(intervalMs)}`,
        },
      ),
    );
  }
  rows.push(
    row('samplesPerSecond', 'Samples per second', nanosToNumber(result.samplesPerSecondNanos), rate.replace(/ samples\/s$/, ''), {
      unit: 'samples/s',
      detail:
        inputs.recordingRulesNanos > 0n
          ? `scraped + ${nanosInWords(inputs.recordingRulesNanos)} from recording rules`
          : undefined,
    }),
    row('bytesPerHour', 'Disk per hour', num(result.bytesPerHour), `${bytesInWords(result.bytesPerHour)} per hour`, {
      unit: 'bytes',
      detail: `${rate} × ${bps} B × 3,600 s`,
    }),
    row('diskForRetention', `Disk for ${retention}`, num(result.disk.chosen), bytesInWords(result.disk.chosen), {
      unit: 'bytes',
      detail: `at ${bps} B/sample; ${decimalBytes(result.disk.low)} at 1 B, ${decimalBytes(result.disk.high)} at 2 B`,
    }),
    row('diskLow', 'Disk at 1 B/sample', num(result.disk.low), bytesInWords(result.disk.low), { unit: 'bytes' }),
    row('diskHigh', 'Disk at 2 B/sample', num(result.disk.high), bytesInWords(result.disk.high), { unit: 'bytes' }),
    row('wal', 'Write-ahead log', num(result.walBytes), bytesInWords(result.walBytes), {
      unit: 'bytes',
      detail: 'at least three 128 MiB segments, and about the last 2 h of samples',
    }),
    row('neededPerReplica', 'Needed per replica', num(result.neededBytes), bytesInWords(result.neededBytes), {
      unit: 'bytes',
      detail: inputs.retentionSizeBytes ? 'blocks (capped by retentionSize) + WAL' : 'blocks + WAL',
    }),
    row(
      'recommendedVolume',
      'Recommended volume',
      num(result.recommendedVolumeBytes),
      bytesInWords(result.recommendedVolumeBytes),
      {
        unit: 'bytes',
        detail: 'needed at 80% full, leaving room for compaction',
      },
    ),
    row(
      'recommendedRetentionSize',
      'Recommended retentionSize',
      num(result.recommendedRetentionSizeBytes),
      prometheusSize(result.recommendedRetentionSizeBytes),
      { unit: 'bytes', detail: `80% of the ${inputs.volumeBytes !== undefined ? 'volume' : 'recommended volume'}` },
    ),
  );
  if (inputs.replicas > 1) {
    rows.push(
      row(
        'totalNeeded',
        `Needed for ${inputs.replicas} replicas`,
        num(result.totalNeededBytes),
        bytesInWords(result.totalNeededBytes),
        {
          unit: 'bytes',
          detail: 'each replica scrapes and stores everything',
        },
      ),
    );
  }
  if (result.retentionSizeLastsMs !== undefined) {
    rows.push(
      row(
        'retentionSizeLasts',
        'retentionSize lasts',
        Number(result.retentionSizeLastsMs) / 1000,
        formatPrometheusDuration((result.retentionSizeLastsMs / 60_000n) * 60_000n),
        {
          unit: 's',
          detail: 'at this rate, before blocks are deleted by size',
        },
      ),
    );
  }
  const warnings: string[] = [];
  if (result.volumeHolds !== undefined) {
    const holds = { yes: 'yes, even at 2 B/sample', 'chosen-only': `only at ${bps} B/sample, not at 2 B`, no: 'no' }[
      result.volumeHolds
    ];
    rows.push(row('volumeHoldsRetention', 'Volume holds the retention', result.volumeHolds, holds));
    if (result.volumeHolds === 'no') {
      warnings.push(
        `The volume (${bytesInWords(inputs.volumeBytes ?? 0n)}) does not hold ${retention} of samples plus the WAL (${bytesInWords(result.neededBytes)}): grow it to ${bytesInWords(result.recommendedVolumeBytes)} or shorten the retention.`,
      );
    }
  }
  if (result.retentionSizeShareTenths !== undefined && inputs.volumeBytes !== undefined) {
    const share = percent(inputs.retentionSizeBytes ?? 0n, inputs.volumeBytes);
    rows.push(
      row('retentionSizeShare', 'retentionSize / volume', Number(result.retentionSizeShareTenths) / 10, share, { unit: '%' }),
    );
    if (result.retentionSizeShareTenths > 850n) {
      warnings.push(
        `retentionSize is ${share} of the volume: keep it at 80–85% (${prometheusSize(result.recommendedRetentionSizeBytes)}) so compaction and the WAL have room.`,
      );
    }
  }
  if (inputs.bytesPerSampleNanos < NANOS || inputs.bytesPerSampleNanos > 2n * NANOS) {
    warnings.push(`${bps} bytes per sample is outside Prometheus' usual 1–2 bytes.`);
  }
  const monitors = workspace.monitors.length;
  return {
    estimate: 'prometheus',
    title: 'Prometheus storage',
    summary: `${rate} for ${retention} needs ${decimalBytes(result.disk.chosen)} of blocks (${decimalBytes(result.disk.low)}–${decimalBytes(result.disk.high)}); give each replica a volume of at least ${bytesInWords(result.recommendedVolumeBytes)}.`,
    sections: [
      { title: monitors > 0 ? `Storage (${monitors} monitor${monitors === 1 ? '' : 's'} in the workspace)` : 'Storage', rows },
    ],
    assumptions: [],
    warnings,
    chart: diskChart(inputs, result.samplesPerSecondNanos),
  };
}

/** Disk against retention, at 1, 1.5 (or the chosen) and 2 bytes per sample, with the volume. */
function diskChart(inputs: PrometheusStorageInputs, rate: bigint): ChartSpec {
  const days = Number(inputs.retentionMs / 86_400_000n);
  const last = Math.max(2 * days, 7);
  const step = Math.max(1, Math.ceil(last / 30));
  const points: number[] = [];
  for (let day = 0; day <= last; day += step) points.push(day);
  const gb = (bytes: bigint): number => Number((bytes * 100n) / 1_000_000_000n) / 100;
  const line = (bytesNanos: bigint): number[] => points.map((day) => gb(diskFor(BigInt(day) * 86_400_000n, rate, bytesNanos)));
  const series: ChartSpec['series'] = [
    { name: '1 B/sample', data: line(NANOS) },
    { name: `${nanosInWords(inputs.bytesPerSampleNanos)} B/sample`, data: line(inputs.bytesPerSampleNanos) },
    { name: '2 B/sample', data: line(2n * NANOS) },
  ];
  if (inputs.volumeBytes !== undefined)
    series.push({ name: 'volume', data: points.map(() => gb(inputs.volumeBytes ?? 0n)), dashed: true });
  return {
    type: 'line',
    title: 'Disk against retention',
    xLabel: 'retention (days)',
    yLabel: 'disk (GB)',
    labels: points.map(String),
    series,
  };
}

/** Bytes in Prometheus' size notation (powers of 1024), rounded down to what it can write: "400GB". */
export function prometheusSize(bytes: bigint): string {
  for (const [unit, shift] of [
    ['TB', 40n],
    ['GB', 30n],
    ['MB', 20n],
    ['KB', 10n],
  ] as const) {
    const size = 1n << shift;
    if (bytes >= size) return `${bytes / size}${unit}`;
  }
  return `${bytes}B`;
}

function prometheusDefaults(workspace: SizingWorkspace): Record<string, FieldDefault> {
  const defaults: Record<string, FieldDefault> = {};
  const prometheus = workspace.prometheuses[0];
  if (prometheus) {
    const source = describeSource(prometheus);
    if (prometheus.retention) defaults.retention = { value: prometheus.retention, source };
    if (prometheus.retentionSize) defaults['retention-size'] = { value: prometheus.retentionSize, source };
    if (prometheus.storageRequest) defaults.volume = { value: prometheus.storageRequest, source };
    if (prometheus.replicas !== undefined) defaults.replicas = { value: String(Math.max(prometheus.replicas, 1)), source };
    if (prometheus.scrapeInterval) defaults.interval = { value: prometheus.scrapeInterval, source };
  }
  const scraped = workspace.monitors.map((monitor) => monitorTargets(monitor, workspace)).filter((t) => t.targets > 0);
  if (scraped.length > 0) {
    const targets = scraped.reduce((sum, t) => sum + t.targets, 0);
    defaults.targets = {
      value: String(targets),
      source: scraped.map((t) => `${monitorName(t.monitor)}: ${t.targets}`).join(', '),
    };
    // One interval for all: the shortest endpoint interval, which over- rather than under-estimates.
    const intervals = scraped.flatMap((t) => t.monitor.endpoints.flatMap((e) => (e.interval ? [e.interval] : [])));
    const parsed = intervals.flatMap((text) => {
      const duration = parsePrometheusDuration(text);
      return duration.ok && duration.value > 0n ? [{ text, ms: duration.value }] : [];
    });
    const shortest = parsed.sort((a, b) => (a.ms < b.ms ? -1 : a.ms > b.ms ? 1 : 0))[0];
    if (shortest) defaults.interval = { value: shortest.text, source: 'the shortest endpoint interval of the monitors' };
  }
  return defaults;
}
