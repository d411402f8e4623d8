/** A HorizontalPodAutoscaler's `scaleTargetRef`: the workload it scales. */
import { findPair, getMap, getString, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import { nameAtOf } from './objects';

export interface AutoscalerFact extends Fact {
  target: { apiVersion: string | undefined; kind: string; name: string; at: OffsetRange } | undefined;
}

export const autoscalerFacts = defineFactKind<AutoscalerFact>('horizontal-pod-autoscaler', (object) => {
  if (object.ref.kind !== 'HorizontalPodAutoscaler' || !object.ref.apiVersion.startsWith('autoscaling/')) return [];
  const { doc } = object;
  const ref = getMap(doc, getMap(doc, object.root, 'spec'), 'scaleTargetRef');
  const kind = getString(doc, ref, 'kind');
  const name = getString(doc, ref, 'name');
  const namePair = ref ? findPair(doc, ref, 'name') : undefined;
  const target =
    kind && name && namePair && !/\{\{|\$\{/.test(name)
      ? { apiVersion: getString(doc, ref, 'apiVersion'), kind, name, at: rangeOf(namePair) ?? [0, 0] }
      : undefined;
  return [{ ...factBase(object, nameAtOf(object)), target }];
});
