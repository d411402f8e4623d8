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
import type { DocumentFacts } from '../facts/factKind';
import type { Position } from '../core/types';
import type { HoverResult } from './hoverResult';
import { documentAt } from './documentAt';
import { factDocuments } from './workspaceFacts';
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
        const markdown = describe(name, value, labels.of, useOf(name, text, languageId, context));
        return { markdown, range: at.toRange(key.range[0], key.range[1]) };
      }
    }
  }
  return undefined;
}

/** Pod template label values of one key over the workspace, with the pods and objects that carry it. */
interface KeyUse {
  /** Pods per value, values in the order first met. */
  values: Map<string, number>;
  pods: number;
  objects: number;
}

const uses = new WeakMap<readonly DocumentFacts[], Map<string, KeyUse>>();

/**
 * Every key's use over a list of documents' facts, made in one walk and remembered per list: a
 * label hover on a 5,000-document file walked every object's labels for the key under the
 * cursor (20 ms) on every hover; now the first after a check walks them once (about 5 ms), and
 * the next hovers look the key up.
 */
function usesOf(documents: readonly DocumentFacts[]): Map<string, KeyUse> {
  let byKey = uses.get(documents);
  if (byKey) return byKey;
  byKey = new Map();
  for (const document of documents) {
    for (const fact of (document.get(labelFacts.id) ?? []) as readonly LabelsFact[]) {
      const counted = new Set<string>();
      for (const entry of fact.labels) {
        if (entry.of !== 'template') continue;
        let use = byKey.get(entry.key);
        if (!use) byKey.set(entry.key, (use = { values: new Map(), pods: 0, objects: 0 }));
        use.values.set(entry.value, (use.values.get(entry.value) ?? 0) + fact.pods);
        // Each object counts once per key, however many of its templates carry it.
        if (counted.has(entry.key)) continue;
        counted.add(entry.key);
        use.objects++;
        use.pods += fact.pods;
      }
    }
  }
  uses.set(documents, byKey);
  return byKey;
}

/** The key's use over this file's facts, then the workspace's: values in the order first met. */
function useOf(key: string, text: string, languageId: 'yaml' | 'json', context: HoverContext | undefined): KeyUse {
  const use: KeyUse = { values: new Map(), pods: 0, objects: 0 };
  for (const documents of factDocuments(text, languageId, context)) {
    const part = usesOf(documents).get(key);
    if (!part) continue;
    use.objects += part.objects;
    use.pods += part.pods;
    for (const [value, pods] of part.values) use.values.set(value, (use.values.get(value) ?? 0) + pods);
  }
  return use;
}

function describe(key: string, value: string | undefined, of: 'object' | 'template', use: KeyUse): string {
  const { values, pods, objects } = use;
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
