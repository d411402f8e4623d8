/**
 * The value nodes of an object's label maps and selectors: invalid-label judges their type
 * (a `version: 1.0` read as a number) with its own message and a quoting fix, so
 * schema-violation leaves their type errors to it, one finding per problem.
 */
import { isMap } from 'yaml';
import { getMap, resolveNode } from '../../document/yamlNodes';
import { labelMapsOf, selectorFieldsOf } from '../../kubernetes/labelMaps';
import type { KubeObject } from '../../kubernetes/objects';

export function labelValueNodes(object: KubeObject): Set<unknown> {
  const maps = [
    ...labelMapsOf(object).map((labels) => labels.map),
    ...selectorFieldsOf(object).map((field) =>
      field.form === 'map' ? field.node : getMap(object.doc, field.node, 'matchLabels'),
    ),
  ];
  const values = new Set<unknown>();
  for (const map of maps) {
    if (!isMap(map)) continue;
    for (const pair of map.items) values.add(resolveNode(object.doc, pair.value));
  }
  return values;
}
