/**
 * Every `key: value` pair of an object's label maps and plain-map selectors, and every
 * `matchLabels` pair and `matchExpressions` entry of its LabelSelectors, with the nodes
 * that state them: what the label rules read.
 */
import { isMap, isScalar } from 'yaml';
import type { Pair, YAMLMap } from 'yaml';
import { getMap, getSeq, getString, isMergeKey, mapItems, resolveNode } from '../../document/yamlNodes';
import { labelMapsOf, selectorFieldsOf } from '../../kubernetes/labelMaps';
import type { LabelMap } from '../../kubernetes/labelMaps';
import type { KubeObject } from '../../kubernetes/objects';

export interface LabelPair {
  pair: Pair<unknown, unknown>;
  /** The key as written (a scalar key, as a string). */
  key: string;
  keyNode: unknown;
  /** The value node, aliases followed. */
  value: unknown;
  /** The map holding the pair (a label map or a selector's). */
  map: YAMLMap;
  /** The label map it belongs to; undefined for a selector's pair. */
  labels: LabelMap | undefined;
  /** Where it is, for messages: `metadata.labels`, `spec.selector.matchLabels`. */
  path: string;
}

export function labelPairsOf(object: KubeObject): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const labels of labelMapsOf(object)) {
    pairs.push(...pairsOfMap(object, labels.map, `${labels.path}.labels`, labels));
  }
  for (const field of selectorFieldsOf(object)) {
    const map = field.form === 'map' ? field.node : getMap(object.doc, field.node, 'matchLabels');
    const path = field.form === 'map' ? field.path : `${field.path}.matchLabels`;
    if (map) pairs.push(...pairsOfMap(object, map, path, undefined));
  }
  return pairs;
}

function pairsOfMap(object: KubeObject, map: YAMLMap, path: string, labels: LabelMap | undefined): LabelPair[] {
  const pairs: LabelPair[] = [];
  for (const pair of map.items) {
    const keyNode = resolveNode(object.doc, pair.key);
    if (!isScalar(keyNode) || keyNode.value === null || isMergeKey(object.doc, keyNode)) continue;
    pairs.push({ pair, key: String(keyNode.value), keyNode, value: resolveNode(object.doc, pair.value), map, labels, path });
  }
  return pairs;
}

/** The `matchExpressions` entries of the object's LabelSelectors. */
export function selectorExpressionsOf(object: KubeObject): YAMLMap[] {
  return selectorFieldsOf(object)
    .filter((field) => field.form === 'labelSelector')
    .flatMap((field) => mapItems(object.doc, getSeq(object.doc, field.node, 'matchExpressions')))
    .filter((node) => isMap(node));
}

/** Whether one of the object's own selectors reads this label key (then it must stay a label). */
export function selectorReads(object: KubeObject, key: string): string | undefined {
  for (const field of selectorFieldsOf(object)) {
    if (field.form === 'map') {
      if (field.node.items.some((pair) => labelKeyOf(object, pair.key) === key)) return field.path;
      continue;
    }
    const matchLabels = getMap(object.doc, field.node, 'matchLabels');
    if (matchLabels?.items.some((pair) => labelKeyOf(object, pair.key) === key)) return `${field.path}.matchLabels`;
    for (const expression of mapItems(object.doc, getSeq(object.doc, field.node, 'matchExpressions'))) {
      if (getString(object.doc, expression, 'key') === key) return `${field.path}.matchExpressions`;
    }
  }
  return undefined;
}

function labelKeyOf(object: KubeObject, key: unknown): string | undefined {
  const node = resolveNode(object.doc, key);
  return isScalar(node) ? String(node.value) : undefined;
}
