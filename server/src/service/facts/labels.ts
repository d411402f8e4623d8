/**
 * The labels every object carries, as other files see them: its own `metadata.labels`
 * and its pod templates' labels, each with where it is written and whether its value
 * looks unbounded. Hovers count distinct values per key across the workspace (how many
 * series a label multiplies); monitoring rules ask whether a label a ServiceMonitor
 * copies onto its targets is one the workspace shows as high-cardinality; ServiceMonitor
 * estimates join a Service's own labels here with its selector in facts/services.ts.
 */
import { isScalar } from 'yaml';
import { rangeOf, resolveNode, isMergeKey, getMap, findPair } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { labelMapsOf } from '../kubernetes/labelMaps';
import { labelValueShape } from '../kubernetes/labelValueShape';
import { TEMPLATED } from '../kubernetes/labelSyntax';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface LabelEntry {
  key: string;
  value: string;
  /** 'object' for metadata.labels, 'template' for a pod template's labels. */
  of: 'object' | 'template';
  /** The shape that makes the value unbounded ("a UUID"), if it has one. */
  unbounded: string | undefined;
  at: OffsetRange;
}

export interface LabelsFact extends Fact {
  labels: LabelEntry[];
  /** Pods at full scale for an object with a pod template (replicas), else 0. */
  pods: number;
}

export const labelFacts = defineFactKind<LabelsFact>('labels', (object) => {
  const labels: LabelEntry[] = [];
  let templates = 0;
  for (const map of labelMapsOf(object)) {
    if (map.of === 'template') templates++;
    for (const pair of map.map.items) {
      const key = resolveNode(object.doc, pair.key);
      const value = resolveNode(object.doc, pair.value);
      if (!isScalar(key) || isMergeKey(object.doc, key) || !isScalar(value) || typeof value.value !== 'string') continue;
      const text = value.value;
      if (TEMPLATED.test(text) || TEMPLATED.test(String(key.value))) continue;
      labels.push({
        key: String(key.value),
        value: text,
        of: map.of,
        unbounded: labelValueShape(text)?.shape,
        at: rangeOf(pair) ?? [0, 0],
      });
    }
  }
  if (labels.length === 0) return [];
  const metadata = getMap(object.doc, object.root, 'metadata');
  const name = metadata ? findPair(object.doc, metadata, 'name') : undefined;
  return [{ ...factBase(object, rangeOf(name ?? object.root) ?? [0, 0]), labels, pods: templates > 0 ? podCount(object) : 0 }];
});

function podCount(object: Parameters<typeof labelMapsOf>[0]): number {
  const spec = getMap(object.doc, object.root, 'spec');
  const replicas = spec ? resolveNode(object.doc, findPair(object.doc, spec, 'replicas')?.value) : undefined;
  return isScalar(replicas) && typeof replicas.value === 'number' && Number.isInteger(replicas.value) && replicas.value >= 0
    ? replicas.value
    : 1;
}
