/**
 * What the sizing estimates read from Prometheus Operator objects: a Prometheus's
 * retention, retentionSize, volume and replicas; what a ServiceMonitor or PodMonitor
 * scrapes (its selector, namespaces and endpoints' intervals); and a Service's own labels,
 * which a ServiceMonitor selects. Values stay as written: the estimates parse them and say
 * when one cannot be read.
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import { findPair, getMap, getMapAt, getScalarValue, getSeq, mapItems, rangeOf, resolveNode } from '../document/yamlNodes';
import { equalityRequirements, labelSelectorRequirements, plainRequirement } from '../kubernetes/labelSelector';
import type { PlainRequirement } from '../kubernetes/labelSelector';
import type { KubeObject } from '../kubernetes/objects';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

const MONITORING = 'monitoring.coreos.com/';

export interface PrometheusFact extends Fact {
  retention: string | undefined;
  retentionSize: string | undefined;
  /** `spec.storage.volumeClaimTemplate.spec.resources.requests.storage`, a Kubernetes quantity. */
  storageRequest: string | undefined;
  /** Undefined when not written (the operator runs 1). */
  replicas: number | undefined;
  shards: number | undefined;
  scrapeInterval: string | undefined;
}

export const prometheusFacts = defineFactKind<PrometheusFact>('sizing-prometheus', (object) => {
  if (object.ref.kind !== 'Prometheus' || !object.ref.apiVersion.startsWith(MONITORING)) return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const requests = getMapAt(doc, spec, ['storage', 'volumeClaimTemplate', 'spec', 'resources', 'requests']);
  return [
    {
      ...factBase(object, nameAt(object)),
      retention: text(object, spec, 'retention'),
      retentionSize: text(object, spec, 'retentionSize'),
      storageRequest: text(object, requests, 'storage'),
      replicas: whole(getScalarValue(doc, spec, 'replicas')),
      shards: whole(getScalarValue(doc, spec, 'shards')),
      scrapeInterval: text(object, spec, 'scrapeInterval'),
    },
  ];
});

export interface MonitorFact extends Fact {
  kind: 'ServiceMonitor' | 'PodMonitor';
  /** The selector's requirements; empty selects everything in the namespaces it looks at. */
  selector: PlainRequirement[];
  /** `namespaceSelector.matchNames`, `any: true`, or undefined for its own namespace. */
  namespaces: readonly string[] | 'any' | undefined;
  /** One per endpoint: its `interval` as written (undefined: the Prometheus's scrapeInterval). */
  endpoints: { interval: string | undefined; port: string | undefined }[];
  /** Labels copied onto the targets (`targetLabels`, `podTargetLabels`). */
  targetLabels: string[];
}

export const monitorFacts = defineFactKind<MonitorFact>('sizing-monitor', (object) => {
  const kind = object.ref.kind;
  if ((kind !== 'ServiceMonitor' && kind !== 'PodMonitor') || !object.ref.apiVersion.startsWith(MONITORING)) return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  const selectorMap = getMap(doc, spec, 'selector');
  const namespaceSelector = getMap(doc, spec, 'namespaceSelector');
  const names = strings(object, getSeq(doc, namespaceSelector, 'matchNames')?.items ?? []);
  const endpoints = mapItems(doc, getSeq(doc, spec, kind === 'ServiceMonitor' ? 'endpoints' : 'podMetricsEndpoints')).map(
    (endpoint) => ({ interval: text(object, endpoint, 'interval'), port: text(object, endpoint, 'port') }),
  );
  return [
    {
      ...factBase(object, nameAt(object)),
      kind,
      selector: selectorMap ? labelSelectorRequirements(doc, selectorMap).map(plainRequirement) : [],
      namespaces: getScalarValue(doc, namespaceSelector, 'any') === true ? 'any' : names.length > 0 ? names : undefined,
      endpoints,
      targetLabels: [
        ...strings(object, getSeq(doc, spec, 'targetLabels')?.items ?? []),
        ...strings(object, getSeq(doc, spec, 'podTargetLabels')?.items ?? []),
      ],
    },
  ];
});

export interface ServiceLabelsFact extends Fact {
  labels: Readonly<Record<string, string>>;
  selector: Readonly<Record<string, string>> | undefined;
}

export const serviceLabelFacts = defineFactKind<ServiceLabelsFact>('sizing-service-labels', (object) => {
  if (object.ref.kind !== 'Service' || object.ref.apiVersion !== 'v1') return [];
  const { doc } = object;
  const labels = plainLabels(object, getMapAt(doc, object.root, ['metadata', 'labels']));
  const selectorMap = getMap(doc, getMap(doc, object.root, 'spec'), 'selector');
  return [{ ...factBase(object, nameAt(object)), labels, selector: selectorMap ? plainLabels(object, selectorMap) : undefined }];
});

function plainLabels(object: KubeObject, map: YAMLMap | undefined): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const requirement of map ? equalityRequirements(object.doc, map) : []) {
    if (requirement.type === 'label') labels[requirement.key] = requirement.value;
  }
  return labels;
}

export function nameAt(object: KubeObject): [number, number] {
  const metadata = getMap(object.doc, object.root, 'metadata');
  const name = metadata ? findPair(object.doc, metadata, 'name') : undefined;
  return rangeOf(name ?? object.root) ?? [0, 0];
}

/** A scalar as written (`15d`, `500Gi`, `30`), or undefined. */
export function text(object: KubeObject, map: YAMLMap | undefined, key: string): string | undefined {
  if (!map) return undefined;
  const node = resolveNode(object.doc, findPair(object.doc, map, key)?.value);
  if (!isScalar(node) || node.value === null) return undefined;
  return typeof node.value === 'number' ? (node.source ?? String(node.value)) : String(node.value);
}

function strings(object: KubeObject, items: readonly unknown[]): string[] {
  return items.flatMap((item) => {
    const node = resolveNode(object.doc, item);
    return isScalar(node) && typeof node.value === 'string' ? [node.value] : [];
  });
}

function whole(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
}
