/**
 * The Prometheus Operator's objects (monitoring.coreos.com) and the parts of them the
 * monitoring rules read: rule groups and rules, scrape endpoints with their
 * relabelings.
 */
import type { YAMLMap } from 'yaml';
import { getMap, getSeq, mapItems } from '../../document/yamlNodes';
import type { KubeObject } from '../../kubernetes/objects';

export const OPERATOR_GROUP = 'monitoring.coreos.com/';

export function isOperatorKind(object: KubeObject, kind: string): boolean {
  return object.ref.kind === kind && object.ref.apiVersion.startsWith(OPERATOR_GROUP);
}

export interface RuleEntry {
  group: YAMLMap;
  rule: YAMLMap;
}

/** `spec.groups[].rules[]` of a PrometheusRule. */
export function ruleEntries(object: KubeObject): RuleEntry[] {
  if (!isOperatorKind(object, 'PrometheusRule')) return [];
  const { doc } = object;
  const spec = getMap(doc, object.root, 'spec');
  return mapItems(doc, getSeq(doc, spec, 'groups')).flatMap((group) =>
    mapItems(doc, getSeq(doc, group, 'rules')).map((rule) => ({ group, rule })),
  );
}

/** The endpoint lists of scrape objects: each endpoint can carry relabelings and intervals. */
const ENDPOINT_LISTS: Readonly<Record<string, string>> = {
  ServiceMonitor: 'endpoints',
  PodMonitor: 'podMetricsEndpoints',
};

export function scrapeEndpoints(object: KubeObject): YAMLMap[] {
  const list = ENDPOINT_LISTS[object.ref.kind];
  if (!list || !object.ref.apiVersion.startsWith(OPERATOR_GROUP)) return [];
  const spec = getMap(object.doc, object.root, 'spec');
  return mapItems(object.doc, getSeq(object.doc, spec, list));
}
