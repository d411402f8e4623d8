/**
 * The fix for a label that should not be a series dimension: the same `key: value` line
 * moves from `labels` to `annotations` of the same metadata (created when missing).
 * Annotations carry the same information for people and tools, and no metrics pipeline
 * turns them into series. The move changes what selectors and `kubectl -l` can find,
 * so fix-all never makes it.
 */
import { isMap, isScalar } from 'yaml';
import type { Pair } from 'yaml';
import { findPair, resolveNode } from '../../document/yamlNodes';
import type { LabelMap } from '../../kubernetes/labelMaps';
import type { KubeObject } from '../../kubernetes/objects';
import type { OffsetEdit, OffsetFix } from '../api/ruleTypes';
import { insertIntoBlockMap } from '../api/fixes/insertIntoMap';
import { removeBlockPair } from '../api/fixes/removePair';
import { contentLineEnd } from '../api/fixes/sourceLines';

export function moveToAnnotations(
  object: KubeObject,
  text: string,
  labels: LabelMap,
  pair: Pair<unknown, unknown>,
  key: string,
): OffsetFix | undefined {
  const keyNode = pair.key;
  if (!isScalar(keyNode) || !keyNode.range || labels.map.flow || labels.metadata.flow) return undefined;
  const end = contentLineEnd(text, pair.value && isScalar(pair.value) ? pair.value : keyNode);
  if (end === undefined) return undefined;
  const line = text.slice(keyNode.range[0], end);
  if (line.includes('\n')) return undefined;
  const edits = editsFor(object, text, labels, pair, line);
  return edits ? { title: `Move '${key}' to annotations`, edits, fixAll: false } : undefined;
}

function editsFor(
  object: KubeObject,
  text: string,
  labels: LabelMap,
  pair: Pair<unknown, unknown>,
  line: string,
): OffsetEdit[] | undefined {
  const annotationsPair = findPair(object.doc, labels.metadata, 'annotations');
  const annotations = annotationsPair ? resolveNode(object.doc, annotationsPair.value) : undefined;
  const only = labels.map.items.length === 1;
  if (annotationsPair) {
    if (!isMap(annotations) || annotations.items.length === 0 || !labels.metadata.items.includes(annotationsPair))
      return undefined;
    const insert = insertIntoBlockMap(text, annotations, [line]);
    const remove = only ? removeBlockPair(text, labels.metadata, labels.pair) : removeBlockPair(text, labels.map, pair);
    return insert && remove ? [remove, insert] : undefined;
  }
  const labelsKey = labels.pair.key;
  if (only) {
    // The only label: the map simply becomes the annotations.
    if (!isScalar(labelsKey) || !labelsKey.range || !labels.metadata.items.includes(labels.pair)) return undefined;
    return [{ start: labelsKey.range[0], end: labelsKey.range[1], text: 'annotations' }];
  }
  const remove = removeBlockPair(text, labels.map, pair);
  const insert = insertIntoBlockMap(text, labels.metadata, ['annotations:', `  ${line}`]);
  return insert && remove ? [remove, insert] : undefined;
}
