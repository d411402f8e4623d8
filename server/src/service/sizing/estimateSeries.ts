/**
 * `Kubewise: Estimate Series Count` and `kubewise size series`: series = series per target
 * × targets, and for one metric, targets × the product of its labels' value counts, which
 * is what one query over that metric touches. Above 10,000 series a query is too wide
 * (KNOWLEDGE.md: hundreds is healthy, several thousand tolerable, above 10,000 act).
 */
import { value } from './estimate';
import type { Estimate } from './estimate';
import type { FieldDefault, LabelCount } from './fields';
import { count } from './format';
import { monitorName, monitorTargets } from './monitorTargets';
import { row } from './report';
import type { ReportRow } from './report';
import type { SizingWorkspace } from './workspace';

export interface SeriesCount {
  totalSeries: bigint;
  /** One metric across all targets: targets × Π label values. */
  seriesPerMetric: bigint;
  combinations: bigint;
  flagged: boolean;
}

export function seriesCount(
  targets: number,
  seriesPerTarget: number,
  labels: readonly LabelCount[],
  threshold: number,
): SeriesCount {
  const combinations = labels.reduce((product, label) => product * BigInt(label.values), 1n);
  const seriesPerMetric = BigInt(targets) * combinations;
  return {
    totalSeries: BigInt(targets) * BigInt(seriesPerTarget),
    seriesPerMetric,
    combinations,
    flagged: seriesPerMetric > BigInt(threshold),
  };
}

export const seriesEstimate: Estimate = {
  kind: 'series',
  title: 'Series count',
  summary: 'Series of a ServiceMonitor or workload, and whether one query touches more than 10,000',
  notes:
    'Files or folders read the ServiceMonitors and PodMonitors: targets are the selected pods × endpoints, and\n' +
    'the label-value counts of their targetLabels/podTargetLabels are listed.',
  fields: [
    {
      name: 'monitor',
      label: 'Monitor',
      type: 'text',
      optional: true,
      prompt: 'A ServiceMonitor or PodMonitor name (leave empty for all)',
    },
    { name: 'targets', label: 'Targets', type: 'count', min: 0, max: 1e8, prompt: 'Scrape targets, e.g. 12' },
    {
      name: 'series-per-target',
      label: 'Series per target',
      type: 'count',
      min: 1,
      max: 1e8,
      prompt: 'Series each target exposes, e.g. 700',
      fallback: { value: '700', reason: "the seed's worked example (700 series per target)" },
    },
    {
      name: 'labels',
      label: "One metric's labels",
      type: 'labels',
      optional: true,
      prompt: 'label=values pairs of one metric, e.g. method=5,status=8,le=12',
    },
    {
      name: 'threshold',
      label: 'Series per query to flag',
      type: 'count',
      min: 1,
      max: 1e9,
      prompt: 'Flag a query above this many series',
      fallback: { value: '10000', reason: 'above 10,000 series a query needs action (KNOWLEDGE.md)' },
    },
  ],
  defaults: seriesDefaults,
  run(resolved, workspace) {
    const targets = value<number>(resolved, 'targets') ?? 0;
    const perTarget = value<number>(resolved, 'series-per-target') ?? 700;
    const labels = value<LabelCount[]>(resolved, 'labels') ?? [];
    const threshold = value<number>(resolved, 'threshold') ?? 10_000;
    const result = seriesCount(targets, perTarget, labels, threshold);
    const rows: ReportRow[] = [
      row('totalSeries', 'Series', Number(result.totalSeries), count(result.totalSeries), {
        detail: `${count(targets)} targets × ${count(perTarget)} series per target`,
      }),
      row('seriesPerMetric', 'Series one metric query touches', Number(result.seriesPerMetric), count(result.seriesPerMetric), {
        detail: labels.length
          ? `${count(targets)} targets × ${labels.map((l) => `${l.name} (${count(l.values)})`).join(' × ')}`
          : `${count(targets)} targets × 1 (no metric labels given)`,
      }),
      row(
        'flagged',
        `Over ${count(threshold)} series`,
        result.flagged,
        result.flagged ? 'yes: narrow the query or drop a label' : 'no',
      ),
    ];
    const warnings = result.flagged
      ? [
          `One query over this metric touches ${count(result.seriesPerMetric)} series (over ${count(threshold)}): aggregate with a recording rule, filter by label, or drop an unbounded label.`,
        ]
      : [];
    const monitorRows = workspace.monitors.map((monitor) => {
      const scraped = monitorTargets(monitor, workspace);
      const labelText = Object.entries(scraped.labelValues).map(([name, n]) => `${name}: ${n} value${n === 1 ? '' : 's'}`);
      return row(`monitor:${monitorName(monitor)}`, monitorName(monitor), scraped.targets, `${count(scraped.targets)} targets`, {
        detail: [`${count(scraped.pods)} pods × ${Math.max(monitor.endpoints.length, 1)} endpoints`, ...labelText].join('; '),
      });
    });
    const sections = [{ title: 'Series', rows }];
    if (monitorRows.length > 0) sections.push({ title: 'Monitors in the workspace', rows: monitorRows });
    return {
      estimate: 'series',
      title: 'Series count',
      summary: `${count(result.totalSeries)} series from ${count(targets)} targets; one metric query touches ${count(result.seriesPerMetric)}${result.flagged ? `, over the ${count(threshold)} threshold` : ''}.`,
      sections,
      assumptions: [],
      warnings,
      chart: {
        type: 'bar',
        title: 'Series per query against the threshold',
        xLabel: 'query',
        yLabel: 'series',
        labels: ['one metric, all targets'],
        series: [
          { name: 'series', data: [Number(result.seriesPerMetric)] },
          { name: 'threshold', data: [threshold], dashed: true },
        ],
      },
    };
  },
};

function seriesDefaults(
  workspace: SizingWorkspace,
  inputs: Readonly<Record<string, string | undefined>>,
): Record<string, FieldDefault> {
  const wanted = inputs.monitor?.trim();
  const monitors = workspace.monitors.filter((m) => !wanted || m.name === wanted);
  const scraped = monitors.map((monitor) => monitorTargets(monitor, workspace));
  if (scraped.length === 0) return {};
  const targets = scraped.reduce((sum, t) => sum + t.targets, 0);
  return {
    targets: { value: String(targets), source: scraped.map((t) => `${monitorName(t.monitor)}: ${t.targets}`).join(', ') },
  };
}
