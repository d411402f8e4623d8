/**
 * Prometheus Operator ServiceMonitors and PodMonitors as other files see them: what they
 * select (label requirements, the selector's position, namespaces), the labels they copy
 * onto targets, and the scrape interval of each endpoint. One fact kind serves the
 * monitoring family (estimates of targets and samples, copied labels) and the references
 * family (selectors that match nothing, navigation to the Services scraped).
 */
import { isScalar } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, rangeOf, resolveNode } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import type { KubeObject } from '../kubernetes/objects';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { nameAtOf } from './objects';

export interface CopiedLabel {
  key: string;
  /** 'service' for targetLabels, 'pod' for podTargetLabels. */
  from: 'service' | 'pod';
  at: OffsetRange;
}

export interface MonitorFact extends Fact {
  kind: 'ServiceMonitor' | 'PodMonitor';
  /** Empty when the selector is empty, missing or unreadable: `selects` then matches nothing. */
  selector: readonly PlainRequirement[];
  /** The `selector` pair, where a finding about what it selects belongs. */
  selectorSite: Site | undefined;
  /** Namespaces it looks in: 'any', a list, or undefined for its own namespace. */
  namespaces: 'any' | readonly string[] | undefined;
  copies: CopiedLabel[];
  /** Scrape interval per endpoint, as written (undefined: the Prometheus default). */
  intervals: (string | undefined)[];
  sampleLimit: number | undefined;
}

const ENDPOINTS = { ServiceMonitor: 'endpoints', PodMonitor: 'podMetricsEndpoints' } as const;

export const monitorFacts = defineFactKind<MonitorFact>('monitor', (object) => {
  const kind = object.ref.kind;
  if ((kind !== 'ServiceMonitor' && kind !== 'PodMonitor') || !object.ref.apiVersion.startsWith('monitoring.coreos.com/'))
    return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const selectorPair = spec ? findPair(doc, spec, 'selector') : undefined;
  const selectorMap = getMap(doc, spec, 'selector');
  const copies: CopiedLabel[] = [...copied(object, 'targetLabels', 'service'), ...copied(object, 'podTargetLabels', 'pod')];
  const sampleLimit = getScalarValue(doc, spec, 'sampleLimit');
  return [
    {
      ...factBase(object, nameAtOf(object)),
      kind,
      selector: selectorMap ? labelSelectorRequirements(doc, selectorMap).map(plainRequirement) : [],
      selectorSite: selectorPair ? { at: rangeOf(selectorPair) ?? [0, 0] } : undefined,
      namespaces: namespacesOf(object),
      copies,
      intervals: mapItems(doc, getSeq(doc, spec, ENDPOINTS[kind])).map((endpoint) => getString(doc, endpoint, 'interval')),
      sampleLimit: typeof sampleLimit === 'number' ? sampleLimit : undefined,
    },
  ];
});

function copied(object: KubeObject, field: string, from: CopiedLabel['from']): CopiedLabel[] {
  const spec = getMap(object.doc, object.root, 'spec');
  return (getSeq(object.doc, spec, field)?.items ?? []).flatMap((item) => {
    const node = resolveNode(object.doc, item);
    return isScalar(node) && typeof node.value === 'string' ? [{ key: node.value, from, at: rangeOf(node) ?? [0, 0] }] : [];
  });
}

function namespacesOf(object: KubeObject): MonitorFact['namespaces'] {
  const spec = getMap(object.doc, object.root, 'spec');
  const selector = getMap(object.doc, spec, 'namespaceSelector');
  if (!selector) return undefined;
  if (getScalarValue(object.doc, selector, 'any') === true) return 'any';
  const names = getSeq(object.doc, selector, 'matchNames');
  if (!names) return undefined;
  return names.items.flatMap((item) => {
    const node = resolveNode(object.doc, item);
    return isScalar(node) && typeof node.value === 'string' ? [node.value] : [];
  });
}
