/**
 * What a pod spec names elsewhere: the ConfigMaps, Secrets and claims it mounts or reads,
 * its ServiceAccount, and the ports its containers declare (for Services' targetPorts).
 * Read for workloadFacts; a reference that cannot be read for certain (a templated name,
 * a value that is not a string) is left out, so no rule reports a guess.
 */
import type { Document, YAMLMap } from 'yaml';
import { findPair, getMap, getScalarValue, getSeq, getString, mapItems, rangeOf } from '../document/yamlNodes';
import type { OffsetRange } from '../core/ruleMeta';

type Parsed = Document.Parsed;

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim' | 'ServiceAccount';

export interface PodReference {
  kind: ReferencedKind;
  name: string;
  /** `optional: true`: the pod starts without it. */
  optional: boolean;
  /** Where the name is written. */
  at: OffsetRange;
}

export interface DeclaredPort {
  container: string;
  name: string | undefined;
  containerPort: number | undefined;
  protocol: string;
  at: OffsetRange;
}

const TEMPLATED = /\{\{|\$\{|\$\(/;

export function podReferences(doc: Parsed, podSpec: YAMLMap): PodReference[] {
  const references: PodReference[] = [];
  const add = (kind: ReferencedKind, map: YAMLMap | undefined, field: string, optional = false): void => {
    if (!map) return;
    const pair = findPair(doc, map, field);
    const name = getString(doc, map, field);
    if (!pair || name === undefined || name === '' || TEMPLATED.test(name)) return;
    references.push({
      kind,
      name,
      optional: optional || getScalarValue(doc, map, 'optional') === true,
      at: rangeOf(pair) ?? [0, 0],
    });
  };
  add('ServiceAccount', podSpec, findPair(doc, podSpec, 'serviceAccountName') ? 'serviceAccountName' : 'serviceAccount');
  for (const volume of mapItems(doc, getSeq(doc, podSpec, 'volumes'))) {
    add('ConfigMap', getMap(doc, volume, 'configMap'), 'name');
    add('Secret', getMap(doc, volume, 'secret'), 'secretName');
    add('PersistentVolumeClaim', getMap(doc, volume, 'persistentVolumeClaim'), 'claimName');
    for (const source of mapItems(doc, getSeq(doc, getMap(doc, volume, 'projected'), 'sources'))) {
      add('ConfigMap', getMap(doc, source, 'configMap'), 'name');
      add('Secret', getMap(doc, source, 'secret'), 'name');
    }
  }
  for (const container of containerMaps(doc, podSpec)) {
    for (const from of mapItems(doc, getSeq(doc, container, 'envFrom'))) {
      add('ConfigMap', getMap(doc, from, 'configMapRef'), 'name');
      add('Secret', getMap(doc, from, 'secretRef'), 'name');
    }
    for (const env of mapItems(doc, getSeq(doc, container, 'env'))) {
      const valueFrom = getMap(doc, env, 'valueFrom');
      add('ConfigMap', getMap(doc, valueFrom, 'configMapKeyRef'), 'name');
      add('Secret', getMap(doc, valueFrom, 'secretKeyRef'), 'name');
    }
  }
  return references;
}

export function declaredPorts(doc: Parsed, podSpec: YAMLMap): DeclaredPort[] {
  const ports: DeclaredPort[] = [];
  for (const container of containerMaps(doc, podSpec)) {
    const containerName = getString(doc, container, 'name') ?? '(unnamed)';
    for (const port of mapItems(doc, getSeq(doc, container, 'ports'))) {
      const number = getScalarValue(doc, port, 'containerPort');
      ports.push({
        container: containerName,
        name: getString(doc, port, 'name'),
        containerPort: typeof number === 'number' ? number : undefined,
        protocol: getString(doc, port, 'protocol') ?? 'TCP',
        at: rangeOf(findPair(doc, port, 'name') ?? port) ?? [0, 0],
      });
    }
  }
  return ports;
}

/** Whether every container's `ports` can be read (a list or absent): otherwise no port rule may judge. */
export function portsReadable(doc: Parsed, podSpec: YAMLMap): boolean {
  return containerMaps(doc, podSpec).every((container) => {
    const pair = findPair(doc, container, 'ports');
    return !pair || getSeq(doc, container, 'ports') !== undefined;
  });
}

function containerMaps(doc: Parsed, podSpec: YAMLMap): YAMLMap[] {
  return [...mapItems(doc, getSeq(doc, podSpec, 'initContainers')), ...mapItems(doc, getSeq(doc, podSpec, 'containers'))];
}
