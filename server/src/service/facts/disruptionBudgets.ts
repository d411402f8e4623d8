/** A PodDisruptionBudget's selector, as plain requirements. */
import { findPair, getMap, rangeOf } from '../document/yamlNodes';
import { labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';

export interface DisruptionBudgetFact extends Fact {
  selector: readonly PlainRequirement[];
  /** Where `spec.selector` is written. */
  selectorSite: Site | undefined;
}

export const disruptionBudgetFacts = defineFactKind<DisruptionBudgetFact>('pod-disruption-budget', (object) => {
  if (object.ref.kind !== 'PodDisruptionBudget' || !object.ref.apiVersion.startsWith('policy/')) return [];
  const spec = getMap(object.doc, object.root, 'spec');
  const selector = getMap(object.doc, spec, 'selector');
  const selectorPair = spec ? findPair(object.doc, spec, 'selector') : undefined;
  const requirements = selector ? labelSelectorRequirements(object.doc, selector).map(plainRequirement) : [];
  return [
    {
      ...factBase(object, rangeOf(object.root) ?? [0, 0]),
      selector: requirements,
      selectorSite: selectorPair ? { at: rangeOf(selectorPair) ?? [0, 0] } : undefined,
    },
  ];
});
