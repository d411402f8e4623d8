/** Which resources a LimitRange gives containers by default, and the values it gives. */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { getMap, getSeq, getString, mapItems, rangeOf, resolveNode } from '../document/yamlNodes';
import type { KubeObject } from '../kubernetes/objects';
import { amounts } from '../kubernetes/podResources';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface LimitRangeFact extends Fact {
  /** `requests.cpu` … for each resource the LimitRange fills in. */
  fillsIn: ReadonlySet<string>;
  /**
   * The quantity each of those gets, as written (`requests.memory` → '256Mi'): requests
   * from `defaultRequest`, else from `default`, as the admission plugin fills them in.
   */
  defaults: Readonly<Record<string, string>>;
}

export const limitRangeFacts = defineFactKind<LimitRangeFact>('limit-range', (object) => {
  if (object.ref.kind !== 'LimitRange' || object.ref.apiVersion !== 'v1') return [];
  const { doc } = object;
  const fillsIn = new Set<string>();
  const defaults: Record<string, string> = {};
  for (const item of mapItems(doc, getSeq(doc, getMap(doc, object.root, 'spec'), 'limits'))) {
    if ((getString(doc, item, 'type') ?? 'Container') !== 'Container') continue;
    // A default limit is also the default request when no defaultRequest is given.
    const defaultLimits = getMap(doc, item, 'default');
    const defaultRequests = getMap(doc, item, 'defaultRequest');
    for (const resource of amounts(object, defaultLimits).keys()) {
      fillsIn.add(`limits.${resource}`).add(`requests.${resource}`);
      defaults[`limits.${resource}`] ??= quantityText(object, defaultLimits, resource);
      defaults[`requests.${resource}`] ??= quantityText(object, defaultLimits, resource);
    }
    for (const resource of amounts(object, defaultRequests).keys()) {
      fillsIn.add(`requests.${resource}`);
      // defaultRequest wins over the default limit for the request.
      defaults[`requests.${resource}`] = quantityText(object, defaultRequests, resource);
    }
  }
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), fillsIn, defaults }];
});

/** A quantity as written: numbers in their source form (`0.5`), strings as they are. */
function quantityText(object: KubeObject, map: YAMLMap | undefined, resource: string): string {
  const pair = map?.items.find((item) => {
    const key = resolveNode(object.doc, item.key);
    return isScalar(key) && String(key.value) === resource;
  });
  const value = resolveNode(object.doc, pair?.value);
  if (!isScalar(value)) return '';
  return typeof value.value === 'number' ? (value.source ?? String(value.value)) : String(value.value);
}
