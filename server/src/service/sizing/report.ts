/**
 * What every estimate returns: rows of results with their exact values and how they were
 * shown, the assumptions (each input with where it came from), warnings, and a chart.
 * One shape for the CLI (text, JSON, Markdown), the editor's panel and the YAML comment,
 * so the numbers a script reads are the numbers a person sees.
 */

export type EstimateKind = 'prometheus' | 'pods' | 'capacity' | 'series';

export const ESTIMATE_KINDS: readonly EstimateKind[] = ['prometheus', 'pods', 'capacity', 'series'];

export interface ReportRow {
  /** Stable, for scripts: `diskPerHour`, `maxPods`. */
  key: string;
  label: string;
  /** The value as a number in `unit` (bytes, samples/s, IPs…), or text when it is not a number. */
  value: number | string | boolean;
  unit?: string;
  /** How it is shown: "0.54 GB per hour (540,000,000 bytes)". */
  display: string;
  /** How it was computed, briefly: "100,000 samples/s × 1.5 B × 3,600 s". */
  detail?: string;
}

export interface ReportSection {
  title: string;
  rows: ReportRow[];
}

export interface Assumption {
  /** The input's name (a CLI flag without dashes). */
  input: string;
  label: string;
  value: string;
  /** "default", "--retention", "Prometheus k8s (monitoring/prometheus.yaml)", "AWS VPC CNI table". */
  source: string;
}

export interface ChartSeries {
  name: string;
  data: (number | null)[];
  /** Reference lines (capacity, a volume's size) are dashed. */
  dashed?: boolean;
}

export interface ChartSpec {
  type: 'line' | 'bar';
  title: string;
  xLabel: string;
  yLabel: string;
  /** One label per x position. */
  labels: string[];
  series: ChartSeries[];
}

export interface EstimateReport {
  estimate: EstimateKind;
  title: string;
  /** One sentence that answers the question. */
  summary: string;
  sections: ReportSection[];
  assumptions: Assumption[];
  /** Things the user should act on, as sentences. */
  warnings: string[];
  chart?: ChartSpec;
}

export function row(
  key: string,
  label: string,
  value: ReportRow['value'],
  display: string,
  extra: Partial<ReportRow> = {},
): ReportRow {
  return { key, label, value, display, ...extra };
}
