/**
 * Hover on a label key: how many distinct values it has across the workspace and how
 * many pods carry it (replicas counted), i.e. how many series it multiplies once it is
 * a series dimension, and the fact that kube-state-metrics makes pod labels series only
 * when they are allowlisted.
 */
import { isScalar } from 'yaml';
import { kubeObjectsIn } from '../kubernetes/objects';
import { labelMapsOf } from '../kubernetes/labelMaps';
import { labelValueShape } from '../kubernetes/labelValueShape';
import { labelFacts } from '../facts/labels';
import type { LabelsFact } from '../facts/labels';
import type { Position } from '../core/types';
import type { HoverResult } from './hoverResult';
import { documentAt } from './documentAt';
import { factsByPart } from './workspaceFacts';
import type { HoverContext } from './workspaceFacts';

const SHOWN_VALUES = 5;

export function hoverForLabel(
  text: string,
  languageId: 'yaml' | 'json',
  position: Position,
  context: HoverContext | undefined,
): HoverResult | undefined {
  const at = documentAt(text, languageId, position);
  if (!at) return undefined;
  for (const object of kubeObjectsIn(at.parsed.doc)) {
    for (const labels of labelMapsOf(object)) {
      for (const pair of labels.map.items) {
        const key = pair.key;
        if (!isScalar(key) || !key.range || at.offset < key.range[0] || at.offset > key.range[1]) continue;
        const name = String(key.value);
        const value = isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value : undefined;
        const markdown = describe(name, value, labels.of, factsByPart(text, languageId, context, labelFacts));
        return { markdown, range: at.toRange(key.range[0], key.range[1]) };
      }
    }
  }
  return undefined;
}

/** Pod template label values per key, over a list of facts (with pods and objects counted). */
interface KeyUse {
  /** Pods per value, values in the order first met. */
  values: Map<string, number>;
  pods: number;
  objects: number;
}

const uses = new WeakMap<readonly LabelsFact[], Map<string, KeyUse>>();

/**
 * Every key's use over the facts, made once per list: a label hover on a 5,000-document file
 * walked every object's labels for the key under the cursor (20 ms) on every hover.
 */
function usesOf(facts: readonly LabelsFact[]): Map<string, KeyUse> {
  let byKey = uses.get(facts);
  if (byKey) return byKey;
  byKey = new Map();
  for (const fact of facts) {
    const counted = new Set<string>();
    for (const entry of fact.labels) {
      if (entry.of !== 'template') continue;
      let use = byKey.get(entry.key);
      if (!use) byKey.set(entry.key, (use = { values: new Map(), pods: 0, objects: 0 }));
      if (!counted.has(entry.key)) {
        counted.add(entry.key);
        use.objects++;
        use.pods += fact.pods;
      }
      use.values.set(entry.value, (use.values.get(entry.value) ?? 0) + fact.pods);
    }
  }
  uses.set(facts, byKey);
  return byKey;
}

function describe(
  key: string,
  value: string | undefined,
  of: 'object' | 'template',
  parts: readonly (readonly LabelsFact[])[],
): string {
  const values = new Map<string, number>();
  let pods = 0;
  let objects = 0;
  // This file's facts first, then the workspace's: values are listed in the order first met.
  for (const facts of parts) {
    const use = usesOf(facts).get(key);
    if (!use) continue;
    objects += use.objects;
    pods += use.pods;
    for (const [text, count] of use.values) values.set(text, (values.get(text) ?? 0) + count);
  }
  const lines = [`**Label \`${key}\`** as a series dimension`];
  if (objects === 0) {
    lines.push('', 'No pod template in the workspace carries it: it adds no per-pod series.');
  } else {
    const shown = [...values]
      .slice(0, SHOWN_VALUES)
      .map(([text, count]) => `\`${text}\` (${count} ${count === 1 ? 'pod' : 'pods'})`)
      .join(', ');
    const more = values.size > SHOWN_VALUES ? ` and ${values.size - SHOWN_VALUES} more` : '';
    lines.push(
      '',
      `- **${values.size}** distinct ${values.size === 1 ? 'value' : 'values'} in the workspace: ${shown}${more}`,
      `- carried by **${pods}** ${pods === 1 ? 'pod' : 'pods'} of ${objects} ${objects === 1 ? 'workload' : 'workloads'} (replicas counted)`,
      `- every per-pod metric that carries it keeps ${pods} series, one set per value: it multiplies a metric aggregated by it by ${values.size}`,
    );
  }
  const shape = value === undefined ? undefined : labelValueShape(value);
  if (shape)
    lines.push(
      '',
      `This value looks like ${shape.shape}: every new value starts a new set of series, and the old ones stay until retention.`,
    );
  if (of === 'object' && objects === 0) lines.push('', "This is the object's own label; pods carry their template's labels.");
  lines.push(
    '',
    `kube-state-metrics turns pod labels into series (\`kube_pod_labels\`) only for labels allowlisted with \`--metric-labels-allowlist=pods=[${key}]\`; a ServiceMonitor copies them with \`podTargetLabels\`.`,
  );
  return lines.join('\n');
}
