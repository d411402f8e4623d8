/** A PodDisruptionBudget's selector, as plain requirements. */
import { getMap, rangeOf } from '../document/yamlNodes';
import { labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface DisruptionBudgetFact extends Fact {
  selector: readonly PlainRequirement[];
}

export const disruptionBudgetFacts = defineFactKind<DisruptionBudgetFact>('pod-disruption-budget', (object) => {
  if (object.ref.kind !== 'PodDisruptionBudget' || !object.ref.apiVersion.startsWith('policy/')) return [];
  const selector = getMap(object.doc, getMap(object.doc, object.root, 'spec'), 'selector');
  const requirements = selector ? labelSelectorRequirements(object.doc, selector).map(plainRequirement) : [];
  return [{ ...factBase(object, rangeOf(object.root) ?? [0, 0]), selector: requirements }];
});
