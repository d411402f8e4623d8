/**
 * Hover on a ServiceMonitor or PodMonitor (its kind, name or selector): the targets it
 * selects in the workspace, replicas counted, and the samples per second that makes at
 * its scrape interval, with the series per target it assumes (the
 * `monitoring.seriesPerTarget` setting) said out loud. Disk use follows KNOWLEDGE.md:
 * samples/s × 1.5 bytes × seconds.
 */
import { findPair, getMap, rangeOf } from '../document/yamlNodes';
import { kubeObjectsIn } from '../kubernetes/objects';
import { parsePrometheusDuration } from '../kubernetes/prometheus/notation';
import { labelFacts } from '../facts/labels';
import { monitorFacts } from '../facts/monitors';
import { monitorTargets } from '../facts/monitorTargets';
import { serviceFacts } from '../facts/services';
import { workloadFacts } from '../facts/workloads';
import type { Position } from '../core/types';
import type { HoverResult } from './hoverResult';
import { documentAt } from './documentAt';
import { factsEverywhere } from './workspaceFacts';
import type { HoverContext } from './workspaceFacts';

const DEFAULT_SERIES_PER_TARGET = 700;
/** The operator's default when neither the endpoint nor the Prometheus object sets one. */
const DEFAULT_INTERVAL = '30s';
const BYTES_PER_SAMPLE = 1.5;

export function hoverForMonitor(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  context: HoverContext | undefined,
): HoverResult | undefined {
  const at = documentAt(text, languageId, position);
  if (!at) return undefined;
  for (const object of kubeObjectsIn(at.parsed.doc)) {
    if (object.ref.kind !== 'ServiceMonitor' && object.ref.kind !== 'PodMonitor') continue;
    const { doc } = object;
    const metadata = getMap(doc, object.root, 'metadata');
    const spec = getMap(doc, object.root, 'spec');
    const anchors = [
      findPair(doc, object.root, 'kind'),
      metadata && findPair(doc, metadata, 'name'),
      spec && findPair(doc, spec, 'selector'),
    ];
    for (const anchor of anchors) {
      const range = anchor ? rangeOf(anchor) : undefined;
      if (!range || at.offset < range[0] || at.offset > range[1]) continue;
      const monitor = factsEverywhere(text, languageId, context, monitorFacts).find(
        (fact) =>
          fact.kind === object.ref.kind &&
          fact.name === (object.ref.name ?? '') &&
          fact.namespace === (object.ref.namespace ?? ''),
      );
      if (!monitor) return undefined;
      const found = monitorTargets(monitor, {
        labels: factsEverywhere(text, languageId, context, labelFacts),
        services: factsEverywhere(text, languageId, context, serviceFacts),
        workloads: factsEverywhere(text, languageId, context, workloadFacts),
      });
      const perTarget = seriesPerTarget(context);
      return { markdown: describe(monitor.kind, monitor.intervals, found, perTarget), range: at.toRange(range[0], range[1]) };
    }
  }
  return undefined;
}

function seriesPerTarget(context: HoverContext | undefined): number {
  const value = context?.ruleOptions?.values.monitoring?.seriesPerTarget;
  return typeof value === 'number' && value >= 1 ? value : DEFAULT_SERIES_PER_TARGET;
}

function describe(
  kind: string,
  intervals: readonly (string | undefined)[],
  found: ReturnType<typeof monitorTargets>,
  perTarget: number,
): string {
  const lines = [`**${kind}**: what it scrapes in this workspace`];
  if (found.targets === 0) {
    lines.push(
      '',
      kind === 'ServiceMonitor'
        ? `No Service here matches its selector with pods behind it (${found.services} Services selected).`
        : 'No pod template here matches its selector.',
    );
    return lines.join('\n');
  }
  const sources = found.sources
    .map((source) => `${source.name} (${source.pods} ${source.pods === 1 ? 'pod' : 'pods'})`)
    .join(', ');
  const endpoints = Math.max(1, intervals.length);
  // Each endpoint scrapes every pod at its own interval.
  let samplesPerSecond = 0;
  const pods = found.targets / endpoints;
  for (const interval of intervals.length > 0 ? intervals : [undefined]) {
    const parsed = parsePrometheusDuration(interval ?? DEFAULT_INTERVAL);
    const seconds = parsed.ok && parsed.value > 0 ? parsed.value / 1000 : 30;
    samplesPerSecond += (pods * perTarget) / seconds;
  }
  const perDay = samplesPerSecond * BYTES_PER_SAMPLE * 86_400;
  lines.push(
    '',
    `- **${found.targets}** ${found.targets === 1 ? 'target' : 'targets'} (${endpoints} ${endpoints === 1 ? 'endpoint' : 'endpoints'} × ${pods} pods): ${sources}`,
    `- scrape interval: ${intervals.map((interval) => interval ?? `${DEFAULT_INTERVAL} (default)`).join(', ') || `${DEFAULT_INTERVAL} (default)`}`,
    `- about **${round(samplesPerSecond)} samples/s**, some ${round(found.targets * perTarget)} active series, ${gigabytes(perDay)} of disk a day at ${BYTES_PER_SAMPLE} bytes per sample`,
    '',
    `_Assumes ${perTarget} series per target (setting \`kubewise.monitoring.seriesPerTarget\`, \`monitoring.seriesPerTarget\` in .kubewise.yaml)._`,
  );
  return lines.join('\n');
}

function round(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

function gigabytes(bytes: number): string {
  return bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${Math.round(bytes / 1e6)} MB`;
}
