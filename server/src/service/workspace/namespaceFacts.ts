/**
 * The few facts about each object that rules across files need: what every workload
 * asks of its namespace (per pod, times its replicas), what each ResourceQuota allows,
 * and which resources a LimitRange fills in. Facts are extracted once per document
 * (and cached with it), so checking a file against the rest of the workspace costs a
 * walk over small records, not a re-parse of every file.
 *
 * Namespaces: an object without `metadata.namespace` goes wherever it is applied, so it
 * is matched only with other objects that name no namespace either ('' below).
 */
import { equalityRequirements, labelSelectorRequirements } from '../kubernetes/labelSelector';
import type { Operator, Requirement } from '../kubernetes/labelSelector';
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import {
  findPair,
  getMap,
  getMapAt,
  resolveNode,
  getScalarValue,
  getSeq,
  getString,
  mapItems,
  rangeOf,
} from '../document/yamlNodes';
import type { KubeObject } from '../kubernetes/objects';
import { amounts, podResources } from '../kubernetes/podResources';
import type { ResourceAmounts } from '../kubernetes/podResources';
import { quantityFieldsOf } from '../kubernetes/quantityFields';
import { parseQuantity } from '../kubernetes/quantity';
import { findPodSpecs } from '../kubernetes/workloads';

/** Offsets in the document the fact came from; only facts of the file being checked are reported on. */
export type OffsetRange = [number, number];

export interface ContainerFacts {
  name: string;
  at: OffsetRange;
  /** `requests.cpu`, `limits.memory` …: what the container itself declares (a limit also stands for its request). */
  declares: ReadonlySet<string>;
}

export interface WorkloadFacts {
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string;
  /** How many pods run at full scale (replicas; 1 for a bare pod or a Job run). */
  pods: number;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  containers: ContainerFacts[];
  /** The pod template's labels (string values only), for selectors in other objects. */
  templateLabels: Readonly<Record<string, string>>;
  /** Where to report about the workload as a whole: its `replicas`, else its name. */
  at: OffsetRange;
}

/** A selector requirement without its YAML nodes: `matchLabels` entries become `In [value]`. */
export interface PlainRequirement {
  key: string;
  operator: Operator;
  values: readonly string[];
}

export interface DisruptionBudgetFacts {
  name: string;
  namespace: string;
  selector: readonly PlainRequirement[];
}

export interface QuotaFacts {
  name: string;
  namespace: string;
  /** `hard` entries that parse, with where each value is. */
  hard: { key: string; nanos: bigint; text: string; at: OffsetRange }[];
}

export interface LimitRangeFacts {
  namespace: string;
  /** `requests.cpu` … for each resource the LimitRange gives containers by default. */
  fillsIn: ReadonlySet<string>;
}

export interface DocumentFacts {
  workloads: WorkloadFacts[];
  quotas: QuotaFacts[];
  limitRanges: LimitRangeFacts[];
  disruptionBudgets: DisruptionBudgetFacts[];
}

export function factsOf(objects: readonly KubeObject[]): DocumentFacts {
  const facts: DocumentFacts = { workloads: [], quotas: [], limitRanges: [], disruptionBudgets: [] };
  for (const object of objects) {
    const namespace = object.ref.namespace ?? '';
    const name = object.ref.name ?? '';
    if (object.ref.kind === 'ResourceQuota' && object.ref.apiVersion === 'v1') {
      facts.quotas.push({ name, namespace, hard: quotaHard(object) });
    } else if (object.ref.kind === 'LimitRange' && object.ref.apiVersion === 'v1') {
      facts.limitRanges.push({ namespace, fillsIn: limitRangeDefaults(object) });
    } else if (object.ref.kind === 'PodDisruptionBudget' && object.ref.apiVersion.startsWith('policy/')) {
      const selector = getMap(object.doc, getMap(object.doc, object.root, 'spec'), 'selector');
      const requirements = selector ? labelSelectorRequirements(object.doc, selector).map(plain) : [];
      facts.disruptionBudgets.push({ name, namespace, selector: requirements });
    } else {
      for (const podSpec of findPodSpecs(object)) {
        const pod = podResources(object, podSpec);
        facts.workloads.push({
          apiVersion: object.ref.apiVersion,
          kind: object.ref.kind,
          name,
          namespace,
          pods: podCount(object),
          requests: pod.requests,
          limits: pod.limits,
          containers: containerFacts(object, podSpec),
          templateLabels: templateLabels(object),
          at: workloadAt(object),
        });
      }
    }
  }
  return facts;
}

function plain(requirement: Requirement): PlainRequirement {
  if (requirement.type === 'label') return { key: requirement.key, operator: 'In', values: [requirement.value] };
  return { key: requirement.key, operator: requirement.operator, values: requirement.values };
}

/** Whether a selector selects these labels; an empty selector selects nothing here (a PDB's selects every pod, rarely meant). */
export function selects(selector: readonly PlainRequirement[], labels: Readonly<Record<string, string>>): boolean {
  if (selector.length === 0) return false;
  return selector.every(({ key, operator, values }) => {
    const value = Object.hasOwn(labels, key) ? labels[key] : undefined;
    if (operator === 'Exists') return value !== undefined;
    if (operator === 'DoesNotExist') return value === undefined;
    if (operator === 'In') return value !== undefined && values.includes(value);
    return value === undefined || !values.includes(value);
  });
}

function templateLabels(object: KubeObject): Record<string, string> {
  const labels: Record<string, string> = {};
  const map = getMapAt(object.doc, object.root, ['spec', 'template', 'metadata', 'labels']);
  for (const requirement of map ? equalityRequirements(object.doc, map) : []) {
    if (requirement.type === 'label') labels[requirement.key] = requirement.value;
  }
  return labels;
}

function workloadAt(object: KubeObject): OffsetRange {
  const spec = getMap(object.doc, object.root, 'spec');
  const replicas = spec ? findPair(object.doc, spec, 'replicas') : undefined;
  const metadata = getMap(object.doc, object.root, 'metadata');
  const name = metadata ? findPair(object.doc, metadata, 'name') : undefined;
  return rangeOf(replicas ?? name ?? object.root) ?? [0, 0];
}

function keysOf(object: KubeObject, map: YAMLMap | undefined): string[] {
  return (map?.items ?? []).flatMap((pair) => {
    const key = resolveNode(object.doc, pair.key);
    return isScalar(key) && key.value !== '<<' ? [String(key.value)] : [];
  });
}

function quotaHard(object: KubeObject): QuotaFacts['hard'] {
  const hard: QuotaFacts['hard'] = [];
  for (const field of quantityFieldsOf(object)) {
    if (field.path[1] !== 'hard' || typeof field.text !== 'string' || !field.value) continue;
    const parsed = parseQuantity(field.text);
    const at = rangeOf(field.value);
    if (parsed.ok && at) hard.push({ key: field.key, nanos: parsed.quantity.nanos, text: field.text, at });
  }
  return hard;
}

function limitRangeDefaults(object: KubeObject): Set<string> {
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
  return fillsIn;
}

/** Pods at full scale. A DaemonSet runs one per node, which a manifest cannot know: counted once. */
function podCount(object: KubeObject): number {
  const spec = getMap(object.doc, object.root, 'spec');
  const replicas = getScalarValue(object.doc, spec, 'replicas');
  if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0) return replicas;
  const parallelism = getScalarValue(object.doc, spec, 'parallelism');
  if (object.ref.kind === 'Job' && typeof parallelism === 'number' && Number.isInteger(parallelism)) return parallelism;
  return 1;
}

function containerFacts(object: KubeObject, podSpec: Parameters<typeof podResources>[1]): ContainerFacts[] {
  const { doc } = object;
  const containers: ContainerFacts[] = [];
  for (const field of ['initContainers', 'containers']) {
    for (const container of mapItems(doc, getSeq(doc, podSpec, field))) {
      const resources = getMap(doc, container, 'resources');
      const declares = new Set<string>();
      // Declared is declared, even when the value does not parse (invalid-quantity says so).
      for (const resource of keysOf(object, getMap(doc, resources, 'limits'))) {
        declares.add(`limits.${resource}`).add(`requests.${resource}`);
      }
      for (const resource of keysOf(object, getMap(doc, resources, 'requests'))) declares.add(`requests.${resource}`);
      const at = rangeOf(findPair(doc, container, 'name') ?? container) ?? [0, 0];
      containers.push({ name: getString(doc, container, 'name') ?? '(unnamed)', at, declares });
    }
  }
  return containers;
}
