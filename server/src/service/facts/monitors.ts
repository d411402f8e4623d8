/**
 * Prometheus Operator ServiceMonitors and PodMonitors: the label selector that picks the
 * Services (or pods) to scrape, and the namespaces it looks in (its own by default).
 */
import { isScalar } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, rangeOf, resolveNode } from '../document/yamlNodes';
import { isEmptyLabelSelector, labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { nameAtOf } from './objects';

export interface MonitorFact extends Fact {
  kind: 'ServiceMonitor' | 'PodMonitor';
  /** Undefined when the selector is empty (everything) or cannot be read. */
  selector: readonly PlainRequirement[] | undefined;
  selectorSite: Site | undefined;
  /** 'any', the names of `matchNames`, or undefined for the monitor's own namespace. */
  namespaces: 'any' | readonly string[] | undefined;
}

export const monitorFacts = defineFactKind<MonitorFact>('monitor', (object) => {
  const kind = object.ref.kind;
  if ((kind !== 'ServiceMonitor' && kind !== 'PodMonitor') || !object.ref.apiVersion.startsWith('monitoring.coreos.com/')) {
    return [];
  }
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const selectorPair = spec ? findPair(doc, spec, 'selector') : undefined;
  const selector = getMap(doc, spec, 'selector');
  const requirements =
    selector && !isEmptyLabelSelector(doc, selector) ? labelSelectorRequirements(doc, selector).map(plainRequirement) : [];
  const namespaceSelector = getMap(doc, spec, 'namespaceSelector');
  let namespaces: MonitorFact['namespaces'];
  if (getScalarValue(doc, namespaceSelector, 'any') === true) namespaces = 'any';
  else if (getSeq(doc, namespaceSelector, 'matchNames')) {
    namespaces = (getSeq(doc, namespaceSelector, 'matchNames')?.items ?? []).flatMap((item) => {
      const value = resolveNode(doc, item);
      return isScalar(value) && typeof value.value === 'string' ? [value.value] : [];
    });
  }
  return [
    {
      ...factBase(object, nameAtOf(object)),
      kind,
      selector: requirements.length > 0 ? requirements : undefined,
      selectorSite: selectorPair ? { at: rangeOf(selectorPair) ?? [0, 0] } : undefined,
      namespaces,
    },
  ];
});
