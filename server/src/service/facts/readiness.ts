/**
 * What readiness means for one pod template: which containers would get Service traffic,
 * whether they declare ports, and which probes gate them. Readiness only gates traffic
 * a Service sends, so the rules that want a readiness probe (missing-readiness-probe,
 * replicas-without-readiness) read this with the workspace's Services: a container
 * with no port that no Service selects (a node agent, a queue worker) needs none.
 *
 * The "Add readinessProbe" insertion is computed here, from the document, because
 * findings across files are built from facts alone.
 */
import type { Document, YAMLMap } from 'yaml';
import { getMapAt, getSeq, getString, hasKey, rangeOf, findPair, getScalarValue, getMap } from '../document/yamlNodes';
import { insertIntoBlockMap } from '../document/insertIntoMap';
import type { OffsetRange } from '../core/ruleMeta';
import { equalityRequirements } from '../kubernetes/labelSelector';
import type { KubeObject } from '../kubernetes/objects';
import { podSpecPathsFor } from '../kubernetes/kinds';
import { probeLines } from '../kubernetes/probeTemplate';
import { allContainers, findPodSpecs } from '../kubernetes/workloads';
import type { ServiceFact } from './services';
import { defineFactKind, factBase } from './factKind';
import type { Fact } from './factKind';

export interface ReadinessContainerFact {
  name: string;
  /** The container's `name:` pair (or the container), where a finding about it goes. */
  at: OffsetRange;
  /** A native sidecar (an init container with restartPolicy Always), rather than an app container. */
  sidecar: boolean;
  declaresPorts: boolean;
  readiness: boolean;
  startup: boolean;
  /** The edit that adds a starter readinessProbe, when the right one is knowable. */
  addProbe: { at: OffsetRange; text: string } | undefined;
}

export interface ReadinessFact extends Fact {
  /** Bare pods whose restartPolicy is Never or OnFailure run to completion, as Jobs do. */
  runsToCompletion: boolean;
  /** `spec.replicas` when it is an integer; undefined otherwise. */
  replicas: number | undefined;
  /** Where `replicas` is written. */
  replicasAt: OffsetRange | undefined;
  /** The pod's labels (string values), which Service selectors match. */
  podLabels: Readonly<Record<string, string>>;
  containers: ReadinessContainerFact[];
  /** kube-linter checks the object opts out of (`ignore-check.kube-linter.io/<check>`), as `kube-linter:<check>`. */
  ignores: readonly string[];
}

const KUBE_LINTER_IGNORE = 'ignore-check.kube-linter.io/';

export const readinessFacts = defineFactKind<ReadinessFact>('readiness', (object, text) =>
  findPodSpecs(object).map((podSpec) => {
    const { doc } = object;
    const spec = getMap(doc, object.root, 'spec');
    const replicasPair = spec ? findPair(doc, spec, 'replicas') : undefined;
    const replicas = getScalarValue(doc, spec, 'replicas');
    const policy = getString(doc, podSpec, 'restartPolicy');
    const metadata = getMap(doc, object.root, 'metadata');
    const namePair = metadata ? findPair(doc, metadata, 'name') : undefined;
    return {
      ...factBase(object, rangeOf(namePair ?? object.root) ?? [0, 0]),
      runsToCompletion: policy === 'Never' || policy === 'OnFailure',
      replicas: typeof replicas === 'number' && Number.isInteger(replicas) ? replicas : undefined,
      replicasAt: replicasPair ? rangeOf(replicasPair) : undefined,
      podLabels: podLabels(object, podSpec),
      containers: containerFacts(object, text, podSpec),
      ignores: [...object.annotations.keys()]
        .filter((key) => key.startsWith(KUBE_LINTER_IGNORE))
        .map((key) => `kube-linter:${key.slice(KUBE_LINTER_IGNORE.length)}`),
    };
  }),
);

function containerFacts(object: KubeObject, text: string, podSpec: YAMLMap): ReadinessContainerFact[] {
  const { doc } = object;
  const facts: ReadinessContainerFact[] = [];
  for (const container of allContainers(object)) {
    if (container.podSpec !== podSpec) continue;
    const sidecar = container.kind === 'initContainer' && getString(doc, container.node, 'restartPolicy') === 'Always';
    if (container.kind !== 'container' && !sidecar) continue;
    const ports = getSeq(doc, container.node, 'ports');
    facts.push({
      name: container.name ?? '(unnamed)',
      at: rangeOf(container.namePair ?? container.node) ?? [0, 0],
      sidecar,
      declaresPorts: ports !== undefined && ports.items.length > 0,
      readiness: hasKey(doc, container.node, 'readinessProbe'),
      startup: hasKey(doc, container.node, 'startupProbe'),
      addProbe: addProbe(doc, text, container.node),
    });
  }
  return facts;
}

function addProbe(doc: Document.Parsed, text: string, container: YAMLMap): ReadinessContainerFact['addProbe'] {
  const lines = probeLines(doc, container, 'readinessProbe');
  const edit = lines && insertIntoBlockMap(text, container, lines);
  return edit ? { at: [edit.start, edit.end], text: edit.text } : undefined;
}

/** The labels of the pod the template makes: `metadata.labels` beside the pod spec. */
function podLabels(object: KubeObject, podSpec: YAMLMap): Record<string, string> {
  const labels: Record<string, string> = {};
  const paths = podSpecPathsFor(object.ref.apiVersion, object.ref.kind) ?? [
    ['spec', 'template', 'spec'],
    ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  ];
  for (const path of paths) {
    if (getMapAt(object.doc, object.root, path) !== podSpec) continue;
    const map = getMapAt(object.doc, object.root, [...path.slice(0, -1), 'metadata', 'labels']);
    for (const requirement of map ? equalityRequirements(object.doc, map) : []) {
      if (requirement.type === 'label') labels[requirement.key] = requirement.value;
    }
  }
  return labels;
}

/**
 * The first Service of the pod's namespace whose selector picks the pod. An empty or
 * missing selector picks nothing (the endpoints are someone else's), and a Service or a
 * pod that names no namespace goes wherever it is applied, so it may meet any namespace.
 *
 * `byFirstLabel` looks Services up by the first label of their selector (`key=value`,
 * servicesByFirstSelectorLabel): a Service can select the pod only if the pod carries that
 * label, so only those are read, and the judgement depends on the pod's labels' keys only.
 * The lookup answers in the workspace's order, so the first match is the one a scan of
 * every Service would find.
 */
export function serviceSelecting(
  pod: ReadinessFact,
  byFirstLabel: (...labels: string[]) => readonly ServiceFact[],
): ServiceFact | undefined {
  const labels = Object.entries(pod.podLabels);
  if (labels.length === 0) return undefined;
  const candidates = byFirstLabel(...labels.map(([key, value]) => `${key}=${value}`));
  return candidates.find(
    (service) =>
      (service.namespace === pod.namespace || service.namespace === '' || pod.namespace === '') &&
      Object.entries(service.selector ?? {}).every(([k, v]) => Object.hasOwn(pod.podLabels, k) && pod.podLabels[k] === v),
  );
}

/**
 * The app containers without a readinessProbe that need one: those that declare a port
 * or whose pod a Service selects. Jobs and pods that run to completion need none.
 */
export function containersNeedingReadiness(pod: ReadinessFact, service: ServiceFact | undefined): ReadinessContainerFact[] {
  if (pod.runsToCompletion) return [];
  return pod.containers.filter((c) => !c.sidecar && !c.readiness && (c.declaresPorts || service !== undefined));
}
