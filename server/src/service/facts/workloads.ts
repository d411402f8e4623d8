/**
 * What every pod-carrying object asks of its namespace: per-pod requests and limits as
 * the scheduler counts them, how many pods run at full scale, what each container
 * declares, and the pod template's labels for selectors in other objects.
 */
import { isScalar } from 'yaml';
import type { YAMLMap } from 'yaml';
import {
  findPair,
  getMap,
  getMapAt,
  getScalarValue,
  getSeq,
  getString,
  mapItems,
  rangeOf,
  resolveNode,
  isMergeKey,
} from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';
import { equalityRequirements } from '../kubernetes/labelSelector';
import type { KubeObject } from '../kubernetes/objects';
import { podResources } from '../kubernetes/podResources';
import type { ResourceAmounts } from '../kubernetes/podResources';
import { findPodSpecs } from '../kubernetes/workloads';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';
import type { Site } from './objects';
import { nameAtOf } from './objects';
import { declaredPorts, podReferences, portsReadable } from './podReferences';
import type { DeclaredPort, PodReference } from './podReferences';

export interface ContainerFacts {
  name: string;
  at: OffsetRange;
  /** `requests.cpu`, `limits.memory` …: what the container itself declares (a limit also stands for its request). */
  declares: ReadonlySet<string>;
}

export interface WorkloadFact extends Fact {
  /** How many pods run at full scale (replicas; 1 for a bare pod or a Job run). */
  pods: number;
  requests: ResourceAmounts;
  limits: ResourceAmounts;
  containers: ContainerFacts[];
  /** The pod template's labels (string values only), for selectors in other objects. */
  templateLabels: Readonly<Record<string, string>>;
  /** What the pod spec names elsewhere: ConfigMaps, Secrets, claims, its ServiceAccount. */
  references: PodReference[];
  /** The ports its containers declare, for Services' targetPorts. */
  ports: DeclaredPort[];
  /** False when some container's `ports` is not a list: then no port rule judges. */
  portsReadable: boolean;
  /** A StatefulSet's `serviceName`, with where it is written. */
  serviceName: { name: string; at: OffsetRange } | undefined;
  /** Where the object's name is written, for navigation. */
  nameSite: Site;
  /** `at` is the workload's `replicas`, else its name: where a finding about the whole workload goes. */
}

export const workloadFacts = defineFactKind<WorkloadFact>('workload', (object) =>
  findPodSpecs(object).map((podSpec) => {
    const pod = podResources(object, podSpec);
    return {
      ...factBase(object, workloadAt(object)),
      pods: podCount(object),
      requests: pod.requests,
      limits: pod.limits,
      containers: containerFacts(object, podSpec),
      templateLabels: templateLabels(object),
      references: podReferences(object.doc, podSpec),
      ports: declaredPorts(object.doc, podSpec),
      portsReadable: portsReadable(object.doc, podSpec),
      serviceName: serviceNameOf(object),
      nameSite: { at: nameAtOf(object) },
    };
  }),
);

function serviceNameOf(object: KubeObject): { name: string; at: OffsetRange } | undefined {
  if (object.ref.kind !== 'StatefulSet') return undefined;
  const spec = getMap(object.doc, object.root, 'spec');
  const pair = spec ? findPair(object.doc, spec, 'serviceName') : undefined;
  const name = getString(object.doc, spec, 'serviceName');
  return pair && name ? { name, at: rangeOf(pair) ?? [0, 0] } : undefined;
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

/** Pods at full scale. A DaemonSet runs one per node, which a manifest cannot know: counted once. */
function podCount(object: KubeObject): number {
  const spec = getMap(object.doc, object.root, 'spec');
  const replicas = getScalarValue(object.doc, spec, 'replicas');
  if (typeof replicas === 'number' && Number.isInteger(replicas) && replicas >= 0) return replicas;
  const parallelism = getScalarValue(object.doc, spec, 'parallelism');
  if (object.ref.kind === 'Job' && typeof parallelism === 'number' && Number.isInteger(parallelism)) return parallelism;
  return 1;
}

function keysOf(object: KubeObject, map: YAMLMap | undefined): string[] {
  return (map?.items ?? []).flatMap((pair) => {
    const key = resolveNode(object.doc, pair.key);
    return isScalar(key) && !isMergeKey(object.doc, key) ? [String(key.value)] : [];
  });
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
