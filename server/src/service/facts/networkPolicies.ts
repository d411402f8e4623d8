/** A NetworkPolicy's `podSelector`: the pods it isolates (an empty one isolates every pod of the namespace). */
import { findPair, getMap, rangeOf } from '../document/yamlNodes';
import { isEmptyLabelSelector, labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { nameAtOf } from './objects';

export interface NetworkPolicyFact extends Fact {
  /** Undefined when the selector is empty or absent (every pod), or cannot be read. */
  selector: readonly PlainRequirement[] | undefined;
  selectorSite: Site | undefined;
}

export const networkPolicyFacts = defineFactKind<NetworkPolicyFact>('network-policy', (object) => {
  if (object.ref.kind !== 'NetworkPolicy' || !object.ref.apiVersion.startsWith('networking.k8s.io/')) return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const pair = spec ? findPair(doc, spec, 'podSelector') : undefined;
  const selector = getMap(doc, spec, 'podSelector');
  const requirements =
    selector && !isEmptyLabelSelector(doc, selector) ? labelSelectorRequirements(doc, selector).map(plainRequirement) : [];
  return [
    {
      ...factBase(object, nameAtOf(object)),
      selector: requirements.length > 0 ? requirements : undefined,
      selectorSite: pair ? { at: rangeOf(pair) ?? [0, 0] } : undefined,
    },
  ];
});
