/** Which resources a LimitRange gives containers by default. */
import { getMap, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import { amounts } from '../kubernetes/podResources';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface LimitRangeFact extends Fact {
  /** `requests.cpu` … for each resource the LimitRange fills in. */
  fillsIn: ReadonlySet<string>;
}

export const limitRangeFacts = defineFactKind<LimitRangeFact>('limit-range', (object) => {
  if (object.ref.kind !== 'LimitRange' || object.ref.apiVersion !== 'v1') return [];
  const { doc } = object;
  const fillsIn = new Set<string>();
  for (const item of mapItems(doc, getSeq(doc, getMap(doc, object.root, 'spec'), 'limits'))) {
    if ((getString(doc, item, 'type') ?? 'Container') !== 'Container') continue;
    // A default limit is also the default request when no defaultRequest is given.
    for (const resource of amounts(object, getMap(doc, item, 'default')).keys()) {
      fillsIn.add(`limits.${resource}`).add(`requests.${resource}`);
    }
    for (const resource of amounts(object, getMap(doc, item, 'defaultRequest')).keys()) fillsIn.add(`requests.${resource}`);
  }
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), fillsIn }];
});
